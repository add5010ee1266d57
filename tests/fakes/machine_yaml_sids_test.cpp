// The fresh form's SIDs (audit 14 items 3, 5, 6): `machine_sid`, an account's `rid`, a group's
// `sid` (a builtin group under a localized name), an account's groups by SID, and `next_rid`, as
// a capture writes them; and each refusal at its line and column.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"
#include "fakes/sam.h"

namespace {

using ::testing::HasSubstr;

fixer::Sid ParsedSid(std::string_view text) { return *fixer::Sid::Parse(text); }

TEST(MachineYamlSids, AFreshInstallTakesTheMachineSidRidsAndGroupSidsTheFileGives) {
  const auto loaded = fakes::LoadMachineText(
      "machine_sid: S-1-5-21-11-22-33\n"
      "next_rid: 1010\n"
      "frameworks: ['1.0']\n"
      "groups:\n"
      "  Administratoren: {sid: S-1-5-32-544}\n"
      "  Benutzer: {sid: S-1-5-32-545}\n"
      "  Webmaster: {sid: S-1-5-21-11-22-33-1004}\n"
      "accounts:\n"
      "  Administrator: {rid: 500, groups: [S-1-5-32-544]}\n"
      "  ASPNET: {rid: 1007, groups: [S-1-5-32-545]}\n"
      "  alice: {password: Wonder1and!, rid: 1005, groups: [S-1-5-32-544, S-1-5-21-11-22-33-1004]}\n",
      "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  fakes::Machine machine(*loaded.value);
  const fakes::SamState& sam = machine.state().sam;
  EXPECT_EQ(sam.domain, ParsedSid("S-1-5-21-11-22-33"));
  ASSERT_NE(sam.users.FindName("ASPNET"), nullptr);
  EXPECT_EQ(sam.users.FindName("ASPNET")->rid, 1007u) << "aspnet_regiis -i created it at the file's RID";
  EXPECT_EQ(sam.users.FindName("alice")->rid, 1005u);
  EXPECT_EQ(sam.users.FindName("Administrator")->rid, 500u);
  EXPECT_EQ(sam.next_rid, 1010u);
  const fakes::LocalGroup* admins = sam.groups.FindKey(ParsedSid("S-1-5-32-544"));
  ASSERT_NE(admins, nullptr);
  EXPECT_EQ(admins->name, "Administratoren") << "the builtin group takes the localized name";
  EXPECT_EQ(sam.groups.FindName("Administrators"), nullptr) << "no look-alike group of the English name";
  EXPECT_TRUE(admins->members.Contains(sam.domain.WithRid(1005)));
  EXPECT_TRUE(admins->members.Contains(sam.domain.WithRid(500)));
  EXPECT_TRUE(sam.groups.FindKey(ParsedSid("S-1-5-32-545"))->members.Contains(sam.domain.WithRid(1007)));
  ASSERT_NE(sam.groups.FindName("Webmaster"), nullptr);
  EXPECT_EQ(sam.groups.FindName("Webmaster")->sid, ParsedSid("S-1-5-21-11-22-33-1004"));
  EXPECT_TRUE(sam.groups.FindName("Webmaster")->members.Contains(sam.domain.WithRid(1005)));
}

TEST(MachineYamlSids, NextRidNeverGoesBack) {
  const auto loaded = fakes::LoadMachineText("next_rid: 900\naccounts:\n  bob: {password: Pw1xyz!}\n", "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_EQ(loaded.value->sam.users.FindName("bob")->rid, 1003u);
  EXPECT_EQ(loaded.value->sam.next_rid, 1004u) << "RIDs the file's accounts took stay taken";
}

struct SidRefusal {
  const char* what;
  const char* text;
  int line;
  int column;
  const char* message;
};

TEST(MachineYamlSids, EachRefusalIsSaidAtItsValue) {
  const SidRefusal cases[] = {
      {"a RID changed", "accounts:\n  Administrator: {rid: 501}\n", 2, 24,
       "'Administrator' has RID 500 here, not 501: an account's RID never changes"},
      {"a RID taken", "accounts:\n  alice: {rid: 1000}\n", 2, 16, "RID 1000 is already 'HelpAssistant''s"},
      {"a RID a group holds", "accounts:\n  alice: {rid: 1001}\n", 2, 16,
       "RID 1001 is already the group 'HelpServicesGroup''s"},
      {"the worker's RID taken", "frameworks: ['1.0']\naccounts:\n  ASPNET: {rid: 500}\n", 3, 17,
       "RID 500 is already 'Administrator''s"},
      {"no such builtin group", "groups:\n  X: {sid: S-1-5-32-999}\n", 2, 12,
       "no builtin group of this edition has SID 'S-1-5-32-999'"},
      {"a new group of another domain", "groups:\n  X: {sid: S-1-5-21-9-9-9-1005}\n", 2, 12,
       "a new group's SID is one of this machine's domain"},
      {"a malformed group SID", "groups:\n  X: {sid: Administrators}\n", 2, 12, "malformed SID 'Administrators'"},
      {"a rename to a taken name", "groups:\n  Users: {sid: S-1-5-32-544}\n", 2, 3,
       "renaming group 'Administrators' to 'Users': 1379"},
      {"an account's group by an unknown SID", "accounts:\n  alice: {groups: [S-1-5-32-999]}\n", 2, 20,
       "no local group has SID 'S-1-5-32-999' (2220"},
      {"a malformed machine SID", "machine_sid: S-1-5-32-544\n", 1, 14, "a machine SID has the form S-1-5-21-a-b-c"},
  };
  for (const SidRefusal& c : cases) {
    const auto loaded = fakes::LoadMachineText(c.text, "m.yaml");
    ASSERT_FALSE(loaded.ok()) << c.what << " loaded";
    EXPECT_EQ(loaded.error->line, c.line) << c.what << ": " << loaded.error->ToString();
    EXPECT_EQ(loaded.error->column, c.column) << c.what << ": " << loaded.error->ToString();
    EXPECT_THAT(loaded.error->message, HasSubstr(c.message)) << c.what;
  }
}

}  // namespace
