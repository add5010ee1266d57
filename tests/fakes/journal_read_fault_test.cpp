// A journal READ that fails with a Windows error (the journal file locked or denied to the
// caller: a fault plan's read rule on "journal.load") is no input of the user's: every verb says
// the read failed, changes nothing, names the error, and exits as README.md's table promises:
// diagnose and plan 1 ("a read failed"), apply, resume and rollback, dry run or not, 3
// (`diagnose-failed`: refused, nothing changed). Before, apply, resume and rollback called it an
// input error (exit 2), the promise of a journal edited by hand (tests/e2e/journal_promises_e2e_test.cpp).
#include <ostream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/verbs.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "support/affected_machine.h"

namespace {

fakes::MachineState Affected() {
  auto loaded = fakes::LoadMachineText(test_support::kAffectedMachine, "affected.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return *loaded.value;
}

// The affected machine after an apply that lost power at its 3rd change: its journal is pending.
fakes::MachineState Interrupted() {
  fakes::Machine machine(Affected());
  fakes::FaultPlan plan;
  plan.Add({.nth = 3, .kind = fakes::FaultKind::kCrash});
  machine.set_faults(plan);
  fakes::MachineBackend backend(machine);
  const app::VerbRun run = app::RunVerb(backend, app::Verb::kApply, fixer::Options{});
  EXPECT_TRUE(run.crashed) << app::RunTranscript(run);
  EXPECT_FALSE(machine.state().journal.empty());
  return machine.state();
}

struct JournalReadCase {
  app::Verb verb;
  bool dry_run;
  fixer::ExitCode exit;
  const char* outcome;
};

std::string NameOf(const JournalReadCase& c) {
  return std::string(app::ToString(c.verb)) + (c.dry_run ? "_dry_run" : "");
}

void PrintTo(const JournalReadCase& c, std::ostream* os) { *os << NameOf(c); }

class FailedJournalRead : public ::testing::TestWithParam<JournalReadCase> {
 protected:
  // Runs the case's verb on `found` with its first journal read failing with 5.
  void Check(const fakes::MachineState& found) {
    const JournalReadCase& c = GetParam();
    fakes::Machine machine(found);
    fakes::FaultPlan plan;
    plan.Add({.op = "journal.load", .nth = 1, .error = fixer::kErrorAccessDenied, .read = true});
    machine.set_faults(plan);
    fakes::MachineBackend backend(machine);

    const app::VerbRun run = app::RunVerb(backend, c.verb, fixer::Options{.dry_run = c.dry_run});

    EXPECT_EQ(run.exit_code, c.exit) << app::RunTranscript(run);
    EXPECT_EQ(run.outcome, c.outcome) << app::RunTranscript(run);
    EXPECT_TRUE(app::InputErrorOf(run).empty()) << "a failed read is no input error: " << app::InputErrorOf(run);
    if (run.result && run.result->refusal) {
      EXPECT_EQ(run.result->refusal->reason, fixer::RefusalReason::kDiagnoseFailed);
      ASSERT_FALSE(run.result->errors.empty());
      EXPECT_EQ(run.result->errors.back().step, "journal");
    }
    EXPECT_FALSE(run.changed);
    EXPECT_TRUE(machine.state() == found) << "a failed journal read must leave the machine as found";
    EXPECT_EQ(machine.faults().calls(), 0u) << "no mutating call after a failed journal read";
    const std::string text = app::RunText(run);
    EXPECT_NE(text.find("5: Access is denied."), std::string::npos) << text;
    const nlohmann::json json = app::RunJson(run);
    EXPECT_EQ(json["exit_code"], fixer::ToInt(c.exit)) << json.dump();
    EXPECT_NE(json.dump().find("Access is denied."), std::string::npos) << json.dump();
  }
};

TEST_P(FailedJournalRead, WithNoJournalOnTheMachine) { Check(Affected()); }

TEST_P(FailedJournalRead, WithAnInterruptedRunsJournal) { Check(Interrupted()); }

INSTANTIATE_TEST_SUITE_P(
    Verbs, FailedJournalRead,
    ::testing::Values(JournalReadCase{app::Verb::kDiagnose, false, fixer::ExitCode::kFailed, "error"},
                      JournalReadCase{app::Verb::kPlan, false, fixer::ExitCode::kFailed, "error"},
                      JournalReadCase{app::Verb::kApply, false, fixer::ExitCode::kRefused, "refused"},
                      JournalReadCase{app::Verb::kApply, true, fixer::ExitCode::kRefused, "refused"},
                      JournalReadCase{app::Verb::kResume, false, fixer::ExitCode::kRefused, "refused"},
                      JournalReadCase{app::Verb::kResume, true, fixer::ExitCode::kRefused, "refused"},
                      JournalReadCase{app::Verb::kRollback, false, fixer::ExitCode::kRefused, "refused"},
                      JournalReadCase{app::Verb::kRollback, true, fixer::ExitCode::kRefused, "refused"}),
    [](const auto& info) { return NameOf(info.param); });

}  // namespace
