// StoppingJournal (fixer/stopping_journal.h): the safe points where aspnet-fixer.exe stops a
// changing run the user stopped (Ctrl-C), as the state-file tool stops at its log's records.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixer/stopping_journal.h"
#include "mock_ports.h"

namespace fixer_test {
namespace {

using ::testing::HasSubstr;

class StoppingJournalTest : public MockPortsTest {
 protected:
  // The stop "arrives" once the journal holds `after` records this run appended (0: before the run).
  fixer::StoppingJournal Stopping(size_t after) {
    return fixer::StoppingJournal(
        journal,
        [this, after]() -> const char* { return journal.history.size() >= after ? "SIGINT (Ctrl-C)" : nullptr; },
        [this] { return !journal.history.empty() || journal.clears > 0; });
  }
};

TEST_F(StoppingJournalTest, AStopBeforeTheRunEndsItBeforeAnyChange) {
  fixer::StoppingJournal stopping = Stopping(0);
  fixer::Ports stopped_ports = ports.With(stopping);
  fixer::Fixer fixer(stopped_ports, logger);
  try {
    fixer.Apply();
    FAIL() << "the run did not stop";
  } catch (const fixer::StopRequested& stop) {
    EXPECT_TRUE(stop.before_any_change());
    EXPECT_STREQ(stop.what(), "stopped by SIGINT (Ctrl-C) before any change");
  }
  ExpectJournalUntouched();
  EXPECT_EQ(FirstCall("scm.stop"), -1) << "a service was stopped";
}

TEST_F(StoppingJournalTest, AStopDuringTheRunEndsItRightAfterTheNextRecord) {
  fixer::StoppingJournal stopping = Stopping(3);
  fixer::Ports stopped_ports = ports.With(stopping);
  fixer::Fixer fixer(stopped_ports, logger);
  try {
    fixer.Apply();
    FAIL() << "the run did not stop";
  } catch (const fixer::StopRequested& stop) {
    EXPECT_FALSE(stop.before_any_change());
    EXPECT_STREQ(stop.what(), "stopped by SIGINT (Ctrl-C) after journal record 3");
  }
  // The third record was the last thing the run did: the journal holds it, pending, for resume.
  EXPECT_EQ(journal.history.size(), 3u);
  EXPECT_EQ(journal.records.size(), 3u);
  EXPECT_EQ(journal.clears, 0);
}

TEST_F(StoppingJournalTest, AResumedJournalsRecordsAreCountedInTheNumber) {
  journal.records = {{.seq = 0, .step = "plan"}, {.seq = 1, .step = "stop-services"}};
  fixer::StoppingJournal stopping = Stopping(1);
  EXPECT_THAT(
      [&] {
        try {
          (void)stopping.Append({.seq = 2, .step = "stop-services", .phase = fixer::JournalPhase::kDone});
        } catch (const fixer::StopRequested& stop) {
          EXPECT_FALSE(stop.before_any_change());
          throw std::runtime_error(stop.what());
        }
      },
      ::testing::ThrowsMessage<std::runtime_error>(HasSubstr("after journal record 3")));
}

TEST_F(StoppingJournalTest, NoStopAskedRunsToItsEnd) {
  fixer::StoppingJournal stopping(journal, {}, [] { return false; });
  fixer::Ports stopped_ports = ports.With(stopping);
  fixer::Fixer fixer(stopped_ports, logger);
  const fixer::RunResult r = fixer.Apply();
  EXPECT_EQ(r.outcome, fixer::Outcome::kFixed) << AllText(r);
  EXPECT_FALSE(journal.history.empty());
}

}  // namespace
}  // namespace fixer_test
