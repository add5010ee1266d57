// The grants record-grants journals stay typed in memory (JournalRecord::grants) and are written
// to a state file as the data keys ace.N, login.N and dbuser.N: they must load back typed and
// equal, and a key of those families that does not decode is a load error at its record.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "fakes/machine_yaml.h"
#include "fixer/journal_codec.h"

namespace {

using fixer::AceType;
using fixer::ObjectNamespace;
using fixer::Sid;

fixer::JournalRecord RecordGrantsBegin() {
  const Sid old_sid = Sid::Machine(1, 2, 3).WithRid(1004);
  auto grants = std::make_shared<fixer::RecordedGrants>();
  grants->aces = {
      {{ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot\app|odd,name%)"},
       {{AceType::kDeny, old_sid, 0x10000, 0}, {AceType::kAllow, old_sid, fixer::kFileModify, 3}}},
      {{ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\Contoso)"}, {{AceType::kAllow, old_sid, fixer::kKeyRead, 2}}}};
  grants->logins = {{"XPPRO\\ASPNET", old_sid, {"dbcreator"}, "Shop"}};
  grants->db_users = {{"Shop", "XPPRO\\ASPNET", old_sid, {"db_datareader", "db_datawriter"}}};
  fixer::JournalRecord r{4, "record-grants", fixer::JournalPhase::kBegin, {{"old_sid", old_sid.ToString()}}, grants};
  return r;
}

TEST(JournalGrantsFile, TypedGrantsRoundTripThroughAStateFile) {
  auto base = fakes::LoadMachineText("os: windows-xp-professional\n", "m.yaml");
  ASSERT_TRUE(base.ok()) << base.error->ToString();
  fakes::MachineState state = *base.value;
  state.journal.push_back(RecordGrantsBegin());
  const std::string text = fakes::MachineToText(state);
  for (const char* key : {"ace.0:", "ace.2:", "login.0:", "dbuser.0:", "old_sid:"}) {
    EXPECT_NE(text.find(key), std::string::npos) << key << " in\n" << text;
  }
  EXPECT_EQ(text.find("ace.3:"), std::string::npos);
  auto again = fakes::LoadMachineText(text, "saved.yaml");
  ASSERT_TRUE(again.ok()) << again.error->ToString();
  ASSERT_EQ(again.value->journal.size(), 1u);
  const fixer::JournalRecord& loaded = again.value->journal[0];
  ASSERT_NE(loaded.grants, nullptr);
  EXPECT_EQ(*loaded.grants, *state.journal[0].grants);
  EXPECT_EQ(loaded.data, state.journal[0].data);  // only the text fields stay text
  EXPECT_TRUE(*again.value == state);
}

TEST(JournalGrantsFile, NoGrantsAndEmptyGrantsAreTheSameRecord) {
  fixer::JournalRecord none = RecordGrantsBegin();
  none.grants = nullptr;
  fixer::JournalRecord empty = none;
  empty.grants = std::make_shared<fixer::RecordedGrants>();
  EXPECT_EQ(none, empty);
  EXPECT_FALSE(none == RecordGrantsBegin());
}

TEST(JournalGrantsFile, AnUndecodableGrantIsALoadErrorAtItsRecord) {
  const std::string text =
      "os: windows-xp-professional\n"
      "journal:\n"
      "  - seq: 0\n"
      "    step: record-grants\n"
      "    phase: begin\n"
      "    data: {old_sid: S-1-5-21-1-2-3-1004, ace.0: 'file|C:\\app|allow|not-a-sid|0x1|0x0'}\n";
  auto loaded = fakes::LoadMachineText(text, "m.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error->line, 6) << loaded.error->ToString();
  EXPECT_NE(loaded.error->message.find("ace.0"), std::string::npos) << loaded.error->ToString();
}

}  // namespace
