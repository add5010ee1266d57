// fixer::CheckJournal refuses a plan record that could make resume act on another account: a name
// other than ASPNET, or a SID that cannot be ASPNET's (a well-known or built-in RID, or none of a
// local account's). A hand-edited journal naming an administrator made resume delete her.
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

}  // namespace
