// fixer::CheckJournal refuses a plan record that could make resume act on another account: a name
// other than ASPNET, or a SID that cannot be ASPNET's (a well-known or built-in RID, or none of a
// local account's). A hand-edited journal naming an administrator made resume delete her. Nor
// does it read records out of their seq order, or a data key no record of this fixer holds.
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fixer/ports/journal.h"

namespace {

const char* kKeepSidSteps =
    "stop-services,set-temp-password,lift-restrictions,create-profile,restore-restrictions,register,start-services,"
    "verify-site";

std::vector<fixer::JournalRecord> PlanOnly(const std::string& account, const std::string& sid) {
  fixer::JournalRecord plan{.seq = 0, .step = "plan", .phase = fixer::JournalPhase::kBegin};
  plan.data = {{"strategy", "keep-sid"}, {"account", account}, {"sid", sid}, {"steps", kKeepSidSteps}};
  return {plan};
}

TEST(CheckJournal, APlanForASPNETWithAnAccountSidReads) {
  EXPECT_FALSE(fixer::CheckJournal(PlanOnly("ASPNET", "S-1-5-21-1-2-3-1002")).has_value());
  EXPECT_FALSE(fixer::CheckJournal(PlanOnly("aspnet", "S-1-5-21-1-2-3-1002")).has_value());  // names ignore case
}

TEST(CheckJournal, APlanNamingAnotherAccountIsRefusedAtItsRecord) {
  const auto problem = fixer::CheckJournal(PlanOnly("alice", "S-1-5-21-1-2-3-1003"));
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->record, 0u);
  EXPECT_EQ(problem->why, "the plan names the account 'alice'; this fixer repairs only ASPNET");
}

TEST(CheckJournal, ASidThatCannotBeASPNETsIsRefused) {
  for (const char* sid : {"S-1-5-21-1-2-3-500", "S-1-5-21-1-2-3-501", "S-1-5-32-544", "S-1-5-18"}) {
    const auto problem = fixer::CheckJournal(PlanOnly("ASPNET", sid));
    ASSERT_TRUE(problem.has_value()) << sid;
    EXPECT_NE(problem->why.find("cannot be ASPNET's"), std::string::npos) << problem->why;
  }
}

// A journal's value is quoted as every value an error quotes: at most 60 bytes (fixer::QuotedValue).
TEST(CheckJournal, ALongValueIsQuotedCut) {
  const auto problem = fixer::CheckJournal(PlanOnly(std::string(1 << 20, 'b'), "S-1-5-21-1-2-3-1003"));
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->why, "the plan names the account '" + std::string(60, 'b') +
                              "'... (60 of 1048576 bytes shown); this fixer repairs only ASPNET");
}

// A journal's records are in the order the fixer wrote them, each seq greater than the one before:
// one that does not follow (audit 13: `seq: 7` then 2) is refused at its seq, not read in that order.
TEST(CheckJournal, ARecordWhoseSeqDoesNotFollowTheOneBeforeIsRefusedAtItsSeq) {
  for (const uint32_t second : {2u, 7u}) {  // below the record before's, and the same
    std::vector<fixer::JournalRecord> records = PlanOnly("ASPNET", "S-1-5-21-1-2-3-1002");
    records.push_back({.seq = 7, .step = "stop-services", .phase = fixer::JournalPhase::kBegin});
    records.back().data = {{"services", "W3SVC,IISADMIN"}};
    records.push_back({.seq = second, .step = "stop-services", .phase = fixer::JournalPhase::kDone});
    const auto problem = fixer::CheckJournal(records);
    ASSERT_TRUE(problem.has_value()) << second;
    EXPECT_EQ(problem->record, 2u);
    EXPECT_EQ(problem->field, "seq");
    EXPECT_TRUE(problem->why.starts_with("its seq " + std::to_string(second) + " does not follow record 2's (7)"))
        << problem->why;
  }
}

TEST(CheckJournal, RecordsInSeqOrderRead) {
  std::vector<fixer::JournalRecord> records = PlanOnly("ASPNET", "S-1-5-21-1-2-3-1002");
  records.push_back({.seq = 1, .step = "stop-services", .phase = fixer::JournalPhase::kBegin});
  records.back().data = {{"services", "W3SVC,IISADMIN"}, {"paused", "W3SVC"}};
  records.push_back({.seq = 3, .step = "stop-services", .phase = fixer::JournalPhase::kDone});  // one not written
  records.push_back({.seq = 4, .step = "stop-services", .phase = fixer::JournalPhase::kUndoBegin});
  records.back().data = {{"rollback", "1"}};
  records.push_back({.seq = 5, .step = "stop-services", .phase = fixer::JournalPhase::kReopen});
  records.back().data = {{"act_on", "recorded"}};
  EXPECT_FALSE(fixer::CheckJournal(records).has_value()) << fixer::CheckJournal(records)->why;
}

// A data key no record of that step holds (a hand edit, another tool's) is refused at that key: resume
// and rollback would act on the record without it. The run's own keys go only on their phases.
TEST(CheckJournal, ADataKeyItsStepNeverRecordsIsRefusedAtTheKey) {
  struct Case {
    fixer::JournalPhase phase;
    std::string key;
    std::string why;
  };
  const Case cases[] = {
      {fixer::JournalPhase::kBegin, "extra",
       "its data key 'extra' is none a stop-services begin record holds (its keys: services, paused)"},
      {fixer::JournalPhase::kBegin, "rollback",
       "its data key 'rollback' is none a stop-services begin record holds (its keys: services, paused)"},
      {fixer::JournalPhase::kDone, "act_on",
       "its data key 'act_on' is none a stop-services done record holds (its keys: services, paused)"},
  };
  for (const Case& c : cases) {
    std::vector<fixer::JournalRecord> records = PlanOnly("ASPNET", "S-1-5-21-1-2-3-1002");
    records.push_back({.seq = 1, .step = "stop-services", .phase = c.phase});
    records.back().data = {{"services", "W3SVC,IISADMIN"}, {c.key, "1"}};
    const auto problem = fixer::CheckJournal(records);
    ASSERT_TRUE(problem.has_value()) << c.key;
    EXPECT_EQ(problem->record, 1u);
    EXPECT_EQ(problem->key, c.key);
    EXPECT_EQ(problem->why, c.why);
  }
  std::vector<fixer::JournalRecord> plan = PlanOnly("ASPNET", "S-1-5-21-1-2-3-1002");
  plan[0].data["note"] = "hand-written";
  const auto problem = fixer::CheckJournal(plan);
  ASSERT_TRUE(problem.has_value());
  EXPECT_EQ(problem->why,
            "its data key 'note' is none a plan begin record holds (its keys: strategy, account, sid, steps)");
  std::vector<fixer::JournalRecord> verify = PlanOnly("ASPNET", "S-1-5-21-1-2-3-1002");
  verify.push_back({.seq = 1, .step = "verify-site", .phase = fixer::JournalPhase::kBegin, .data = {{"x", "1"}}});
  ASSERT_TRUE(fixer::CheckJournal(verify).has_value());
  EXPECT_EQ(fixer::CheckJournal(verify)->why,
            "its data key 'x' is none a verify-site begin record holds (its keys: none)");
}

}  // namespace
