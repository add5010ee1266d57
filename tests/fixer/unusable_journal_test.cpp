// A journal this fixer will not act on is told from a journal that could not be read by its
// reason (fixer::StatusReason), never by its error number and words: both are error 87, and a
// port's text may read like the fixer's. The one is every verb's input error (exit 2), the other a
// read that failed (diagnose and plan: exit 1).
#include <gtest/gtest.h>

#include "fixer/ports/journal.h"
#include "mock_ports.h"

namespace fixer_test {
namespace {

class UnusableJournal : public MockPortsTest {};

TEST_F(UnusableJournal, AJournalWithoutItsPlanIsUnusable) {
  journal.records = {{.seq = 1, .step = "stop-services", .phase = fixer::JournalPhase::kBegin}};
  fixer::Fixer repair = MakeFixer();
  const auto holds = repair.ReadJournalState();
  ASSERT_FALSE(holds.ok());
  EXPECT_TRUE(fixer::IsUnreadableJournal(holds.status())) << holds.status();
  EXPECT_EQ(holds.status().reason(), fixer::StatusReason::kUnusableJournal);
  const auto plan = repair.MakePlan(*repair.Diagnose());
  ASSERT_FALSE(plan.ok());
  EXPECT_TRUE(fixer::IsUnreadableJournal(plan.status())) << plan.status();
}

// The journal port's own failure, error 87 in the fixer's very words: a read that failed.
TEST_F(UnusableJournal, APortsErrorInTheSameWordsIsAReadThatFailed) {
  journal.load_error =
      fixer::Status(fixer::kErrorInvalidParameter, "the journal is unreadable: journal record 1: the disk said so");
  fixer::Fixer repair = MakeFixer();
  const auto holds = repair.ReadJournalState();
  ASSERT_FALSE(holds.ok());
  EXPECT_FALSE(fixer::IsUnreadableJournal(holds.status())) << holds.status();
  EXPECT_EQ(holds.status().reason(), fixer::StatusReason::kWindowsError);
  const auto plan = repair.MakePlan(*repair.Diagnose());
  ASSERT_FALSE(plan.ok());
  EXPECT_FALSE(fixer::IsUnreadableJournal(plan.status())) << plan.status();
}

TEST(StatusReason, AStatusIsAWindowsErrorUnlessTold) {
  EXPECT_EQ(fixer::Status::Win(fixer::kErrorInvalidParameter).reason(), fixer::StatusReason::kWindowsError);
  EXPECT_EQ(fixer::Status(87, "x").reason(), fixer::StatusReason::kWindowsError);
  EXPECT_FALSE(fixer::IsUnreadableJournal(fixer::Status(87, "the journal is unreadable: journal record 1: x")));
}

}  // namespace
}  // namespace fixer_test
