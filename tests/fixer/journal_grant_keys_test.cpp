// Audit 15, items 3 and 4: fixer::CheckJournal says what is wrong with a journal's SIDs and
// numbered keys. A gap in ace.N (ace.0 then ace.5, which the loader stops reading at) is refused as
// the gap, not as a key the record never holds; a record's list of keys names the numbered
// families; a plan SID that does not parse is said in the loader's words at the `sid` key.
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fixer/journal_codec.h"
#include "fixer/ports/journal.h"
#include "fixer/sid.h"

namespace {

const char* kRecreateStepList =
    "stop-services,record-grants,delete-account,create-account,lift-restrictions,create-profile,restore-restrictions,"
    "register,regrant-rights,regrant-groups,regrant-aces,regrant-sql,start-services,verify-site";
const fixer::Sid kOldSid = fixer::Sid::Machine(1, 2, 3).WithRid(1002);

std::vector<fixer::JournalRecord> RecreatePlan(const std::string& sid) {
  fixer::JournalRecord plan{.seq = 0, .step = "plan", .phase = fixer::JournalPhase::kBegin};
  plan.data = {{"strategy", "recreate"}, {"account", "ASPNET"}, {"sid", sid}, {"steps", kRecreateStepList}};
  return {plan};
}

// A record-grants done record as the loader leaves it: `aces` ACEs typed, `data` what is left.
fixer::JournalRecord RecordGrants(size_t aces, fixer::TextFields data) {
  auto grants = std::make_shared<fixer::RecordedGrants>();
  fixer::ObjectAces object{{fixer::ObjectNamespace::kFile, R"(C:\WINDOWS\Temp)"}, {}};
  for (size_t i = 0; i < aces; ++i) object.aces.push_back({fixer::AceType::kAllow, kOldSid, 0x1F01FF, 3});
  if (aces > 0) grants->aces = {object};
  return {.seq = 1,
          .step = "record-grants",
          .phase = fixer::JournalPhase::kDone,
          .data = std::move(data),
          .grants = aces > 0 ? grants : nullptr};
}

TEST(JournalGrantKeys, AGapInAceKeysIsRefusedAsTheGapAtTheKeyAfterIt) {
  std::vector<fixer::JournalRecord> records = RecreatePlan(kOldSid.ToString());
  records.push_back(RecordGrants(1, {{"ace.7", "x"}, {"ace.5", "x"}}));
  const auto problem = fixer::CheckJournal(records);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->record, 1u);
  EXPECT_EQ(problem->key, "ace.5");
  EXPECT_EQ(problem->why,
            "its ace.N keys skip ace.1 to ace.4 (ace.5 follows ace.0): a record's ace.N keys are numbered ace.0, "
            "ace.1, ... without gaps");
}

TEST(JournalGrantKeys, AFamilyWithoutItsFirstKeySaysSo) {
  std::vector<fixer::JournalRecord> records = RecreatePlan(kOldSid.ToString());
  records.push_back(RecordGrants(0, {{"login.1", "x"}}));
  const auto problem = fixer::CheckJournal(records);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->why,
            "its login.N keys skip login.0 (login.1 is the first): a record's login.N keys are numbered login.0, "
            "login.1, ... without gaps");
}

TEST(JournalGrantKeys, AKeyNotNumberedAsTheFixerNumbersIsSaidSo) {
  std::vector<fixer::JournalRecord> records = RecreatePlan(kOldSid.ToString());
  records.push_back(RecordGrants(1, {{"ace.01", "x"}}));
  const auto problem = fixer::CheckJournal(records);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->why,
            "its data key 'ace.01' is no ace.N key: a record's ace.N keys are numbered ace.0, ace.1, ... without gaps");
}

TEST(JournalGrantKeys, ARecordsKeysNameItsNumberedFamilies) {
  std::vector<fixer::JournalRecord> records = RecreatePlan(kOldSid.ToString());
  records.push_back(RecordGrants(1, {{"extra", "1"}}));
  const auto problem = fixer::CheckJournal(records);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->why,
            "its data key 'extra' is none a record-grants done record holds (its keys: old_sid, full_name, comment, "
            "rights, groups, disabled, locked_out, never_expires, cannot_change, ace.N, login.N, dbuser.N)");
}

// The loader types ace.0 of any record; a record whose step records no grants holds a key it never
// writes, though no longer as text.
TEST(JournalGrantKeys, GrantsOnAStepThatRecordsNoneAreRefused) {
  std::vector<fixer::JournalRecord> records = RecreatePlan(kOldSid.ToString());
  fixer::JournalRecord stop = RecordGrants(1, {{"services", "W3SVC"}});
  stop.step = "stop-services";
  stop.phase = fixer::JournalPhase::kBegin;
  records.push_back(stop);
  const auto problem = fixer::CheckJournal(records);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->key, "ace.0");
  EXPECT_EQ(problem->why,
            "its data key 'ace.0' is none a stop-services begin record holds (its keys: services, paused)");
}

TEST(JournalGrantKeys, APlansMalformedSidIsSaidInTheLoadersWordsAtItsKey) {
  const auto problem = fixer::CheckJournal(RecreatePlan("S-1-5-xx"));
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->key, "sid");
  EXPECT_EQ(problem->why,
            "malformed SID 'S-1-5-xx'; expected S-1-<authority>-<subauthority>... (1337: The security ID structure "
            "is invalid.)");
}

}  // namespace
