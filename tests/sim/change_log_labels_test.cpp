// The change log cuts values, never the labels that say what changed (audit 15, item 1): an ACE's
// label `acl[allow ASPNET (S-1-5-21-...-1004)]` after a recreate ends with the SID that tells the
// old account's ACE from the new one's, and a 60-byte cut once dropped it, leaving two lines alike.
#include <gtest/gtest.h>

#include <string>

#include "fixer/quoted_value.h"
#include "sim/machine_diff.h"

namespace {

const std::string kOldSid = "S-1-5-21-2433363436-3203108257-4170425070-1003";
const std::string kNewSid = "S-1-5-21-2433363436-3203108257-4170425070-1004";

sim::Change AddedFolder(const std::string& path, const std::string& sid) {
  return {.path = "objects[file " + path + "]",
          .after = "(entry)",
          .kind = sim::Change::Kind::kAdded,
          .fields = {{"owner", "ASPNET (" + sid + ")"},
                     {"acl[allow ASPNET (" + sid + ")]", "full [OI, CI]"},
                     {"acl[allow ASPNET (" + sid + ")#2]", "0x12019F [OI, CI]"}}};
}

TEST(ChangeLogLabels, AnAcesLabelNamingASidIsShownWhole) {
  const std::string text = sim::FormatChange(AddedFolder(R"(C:\Documents and Settings\ASPNET)", kNewSid));
  EXPECT_NE(text.find("    acl[allow ASPNET (" + kNewSid + ")]: full [OI, CI]\n"), std::string::npos) << text;
  EXPECT_NE(text.find("    acl[allow ASPNET (" + kNewSid + ")#2]: 0x12019F [OI, CI]\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("bytes shown"), std::string::npos) << text;
}

TEST(ChangeLogLabels, TheOldAndTheNewSidsAcesReadApart) {
  const std::string old_text = sim::FormatChange(AddedFolder(R"(C:\x)", kOldSid));
  const std::string new_text = sim::FormatChange(AddedFolder(R"(C:\x)", kNewSid));
  EXPECT_NE(old_text, new_text);
  EXPECT_NE(old_text.find("-1003)]"), std::string::npos) << old_text;
  EXPECT_NE(new_text.find("-1004)]"), std::string::npos) << new_text;
}

// A label longer than a line is cut as a line is, before its last entry: the ACE's type, principal
// and SID stay whole.
TEST(ChangeLogLabels, ALabelLongerThanALineKeepsItsLastEntryWhole) {
  const std::string long_path = "C:\\" + std::string(500, 'd');
  const sim::Change change{.path = "objects[file " + long_path + "].acl[allow ASPNET (" + kNewSid + ")]",
                           .before = "(none)",
                           .after = "full [OI, CI]"};
  const std::string text = sim::FormatChange(change);
  EXPECT_NE(text.find("bytes shown)].acl[allow ASPNET (" + kNewSid + ")]: (none) -> full [OI, CI]\n"),
            std::string::npos)
      << text;
  EXPECT_LT(text.size(), fixer::kShownLineBytes + 100) << text;
}

// Audit 23 item 4: a deny and an allow of ASPNET on a folder of 257 bytes printed alike, the cut
// taking `].acl[deny ASPNET` and keeping only the SID: the path gives the bytes instead.
TEST(ChangeLogLabels, ADenyAndAnAllowOnALongPathReadApart) {
  std::string long_path = "C:";
  for (int i = 0; i < 15; ++i) long_path += "\\longfoldername" + std::string(i < 10 ? "0" : "") + std::to_string(i);
  const auto ace = [&](const std::string& type) {
    return sim::FormatChange({.path = "objects[file " + long_path + "].acl[" + type + " ASPNET (" + kNewSid + ")]",
                              .before = "(none)",
                              .after = "write"});
  };
  const std::string deny = ace("deny"), allow = ace("allow");
  EXPECT_NE(deny.find("].acl[deny ASPNET (" + kNewSid + ")]: (none) -> write\n"), std::string::npos) << deny;
  EXPECT_NE(allow.find("].acl[allow ASPNET (" + kNewSid + ")]: (none) -> write\n"), std::string::npos) << allow;
  EXPECT_NE(deny.find("bytes shown)"), std::string::npos) << deny;
}

// A label whose one entry is longer than a line still keeps the SID it ends with.
TEST(ChangeLogLabels, ALongLabelOfOneEntryKeepsItsSidWhole) {
  const sim::Change change{
      .path = "accounts[" + std::string(300, 'n') + " (" + kNewSid + ")]", .before = "a", .after = "b"};
  const std::string text = sim::FormatChange(change);
  EXPECT_NE(text.find("bytes shown) (" + kNewSid + ")]: a -> b\n"), std::string::npos) << text;
}

// Values are still cut at 60 bytes, as a message cuts one.
TEST(ChangeLogLabels, AValueIsStillCutAsAMessageCutsOne) {
  const sim::Change change{.path = "accounts[ASPNET].comment", .before = "", .after = std::string(100, 'c')};
  EXPECT_NE(sim::FormatChange(change).find("(60 of 100 bytes shown)"), std::string::npos);
}

}  // namespace
