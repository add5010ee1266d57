// The change log lists numbered keys in their numbers' order, as they were written (audit 15,
// item 2): a journal's records seq 0, 1, 2 ... 10, never 0, 1, 10, 11, 2 as text sorts them; a
// record's ace.N keys and the #N of a principal's second ACE alike.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "fakes/machine_yaml.h"
#include "fixer/numbered_order.h"
#include "sim/machine_diff.h"

namespace {

fakes::MachineState BareXpMachine() {
  auto loaded = fakes::LoadMachineText("os: windows-xp-professional\n", "m.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return *loaded.value;
}

std::vector<std::string> ChangedPaths(const std::vector<sim::Change>& changes) {
  std::vector<std::string> paths;
  for (const sim::Change& c : changes) paths.push_back(c.path);
  return paths;
}

TEST(ChangeLogOrder, NumbersCompareByValueAndTextByBytes) {
  EXPECT_TRUE(fixer::NumberedLess("seq 2", "seq 10"));
  EXPECT_FALSE(fixer::NumberedLess("seq 10", "seq 2"));
  EXPECT_TRUE(fixer::NumberedLess("ace.9", "ace.10"));
  EXPECT_TRUE(fixer::NumberedLess("allow X#2", "allow X#10"));
  EXPECT_TRUE(fixer::NumberedLess("ace.10", "dbuser.0"));
  EXPECT_TRUE(fixer::NumberedLess("ace", "ace.0"));
  // Equal as numbers, still two keys: by their bytes, one before the other.
  EXPECT_NE(fixer::NumberedLess("ace.01", "ace.1"), fixer::NumberedLess("ace.1", "ace.01"));
  EXPECT_FALSE(fixer::NumberedLess("ace.1", "ace.1"));
}

TEST(ChangeLogOrder, JournalRecordsAreListedInTheirSeqOrder) {
  const fakes::MachineState before = BareXpMachine();
  fakes::MachineState after = before;
  for (uint32_t seq = 0; seq < 12; ++seq)
    after.journal.push_back({seq, seq == 0 ? "plan" : "stop-services", fixer::JournalPhase::kBegin, {}, nullptr});
  std::vector<std::string> expected;
  for (int seq = 0; seq < 12; ++seq) expected.push_back("journal[seq " + std::to_string(seq) + "]");
  EXPECT_EQ(ChangedPaths(sim::DiffMachines(before, after)), expected);
}

TEST(ChangeLogOrder, ARecordsNumberedKeysAreListedInTheirNumbersOrder) {
  const fakes::MachineState before = BareXpMachine();
  fakes::MachineState after = before;
  const fixer::Sid sid = fixer::Sid::Machine(1, 2, 3).WithRid(1004);
  auto grants = std::make_shared<fixer::RecordedGrants>();
  fixer::ObjectAces object{{fixer::ObjectNamespace::kFile, R"(C:\app)"}, {}};
  for (int i = 0; i < 12; ++i) object.aces.push_back({fixer::AceType::kAllow, sid, 0x10000u + i, 0});
  grants->aces = {object};
  after.journal.push_back({4, "record-grants", fixer::JournalPhase::kDone, {{"old_sid", sid.ToString()}}, grants});
  const std::vector<sim::Change> changes = sim::DiffMachines(before, after);
  ASSERT_EQ(changes.size(), 1u);
  std::vector<std::string> names;
  for (const sim::ChangeField& f : changes[0].fields)
    if (f.name.starts_with("data.ace.")) names.push_back(f.name);
  std::vector<std::string> expected;
  for (int i = 0; i < 12; ++i) expected.push_back("data.ace." + std::to_string(i));
  EXPECT_EQ(names, expected);
}

TEST(ChangeLogOrder, APrincipalsTenthAceFollowsItsNinth) {
  const fakes::MachineState before = BareXpMachine();
  fakes::MachineState after = before;
  const std::string key = after.objects.begin()->first;
  for (int i = 0; i < 11; ++i)
    after.objects.Writable(key).dacl.push_back({fixer::AceType::kDeny, fixer::Sid::Guests(), 0x10000u + i, 0});
  std::vector<std::string> shown;
  for (const sim::Change& c : sim::DiffMachines(before, after))
    if (c.path.find("deny Guests") != std::string::npos) shown.push_back(c.path.substr(c.path.find(".acl[")));
  ASSERT_EQ(shown.size(), 11u);
  EXPECT_EQ(shown[0], ".acl[deny Guests]");
  for (int n = 2; n <= 11; ++n) EXPECT_EQ(shown[n - 1], ".acl[deny Guests#" + std::to_string(n) + "]");
}

}  // namespace
