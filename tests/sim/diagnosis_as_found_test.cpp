// The sweep hands each apply of a machine as found the diagnosis its clean apply made there
// (fixer::Fixer::UseDiagnosisAsFound through sim::RunFixer) instead of reading it again. A case
// is a pure function of the machine, the options and the faults, so the hand-over must not show:
// with a failure or a power loss at any mutating call of either strategy, the run given the
// diagnosis prints, changes, verifies and ends exactly as the run that reads it.
#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <string>

#include "fakes/faults.h"
#include "fakes/machine.h"
#include "fixer/options.h"
#include "sim/fixer_session.h"
#include "sim/scenario.h"
#include "support/affected_machine.h"

namespace {

struct DiagnosisAsFoundCase {
  fixer::Strategy strategy;
  const char* name;
};

void PrintTo(const DiagnosisAsFoundCase& c, std::ostream* os) { *os << c.name; }

class DiagnosisAsFoundTest : public testing::TestWithParam<DiagnosisAsFoundCase> {};

fakes::MachineState AffectedMachineForDiagnosisAsFound() {
  auto loaded = sim::LoadScenarioText(test_support::ScenarioOnAffectedMachine("an apply", "  - fixer: apply\n"),
                                      "diagnosis_as_found.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return loaded.value->machine;
}

void ExpectTheSameRun(const sim::FixerRun& read, const sim::FixerRun& handed, const fakes::MachineState& after_read,
                      const fakes::MachineState& after_handed, const std::string& where) {
  EXPECT_EQ(sim::RunTranscript(handed), sim::RunTranscript(read)) << where;
  EXPECT_EQ(handed.log, read.log) << where;
  EXPECT_EQ(handed.exit_code, read.exit_code) << where;
  EXPECT_EQ(handed.outcome, read.outcome) << where;
  EXPECT_EQ(handed.verified, read.verified) << where;
  EXPECT_EQ(handed.mutations, read.mutations) << where;
  EXPECT_EQ(handed.crashed, read.crashed) << where;
  EXPECT_TRUE(after_handed == after_read) << where << ": the machines differ after the runs";
}

TEST_P(DiagnosisAsFoundTest, AnApplyGivenItsDiagnosisRunsAsOneThatReadsIt) {
  const fakes::MachineState found_state = AffectedMachineForDiagnosisAsFound();
  const auto found = std::make_shared<const fakes::MachineState>(found_state);
  const fixer::Options options{.strategy = GetParam().strategy};

  fakes::Machine clean(found_state);
  const sim::FixerRun run = sim::RunFixer(clean, "apply", options, {}, false, nullptr, found);
  ASSERT_TRUE(run.result && run.result->diagnosis) << sim::RunTranscript(run);
  ASSERT_FALSE(run.trace.empty()) << "the affected machine's apply changed nothing";
  const auto diagnosis = std::make_shared<const fixer::Diagnosis>(*run.result->diagnosis);

  fakes::Machine handed_clean(found_state);
  const sim::FixerRun handed_run = sim::RunFixer(handed_clean, "apply", options, {}, false, nullptr, found, diagnosis);
  ExpectTheSameRun(run, handed_run, clean.state(), handed_clean.state(), "no fault");

  for (const fakes::MutationEvent& call : run.trace) {
    for (const fakes::FaultKind kind : {fakes::FaultKind::kFail, fakes::FaultKind::kCrash}) {
      const std::string where = std::string(kind == fakes::FaultKind::kCrash ? "crash" : "fail") + " at call " +
                                std::to_string(call.call) + " (" + call.op + ")";
      fakes::FaultPlan faults;
      faults.Add({.nth = call.call, .kind = kind});
      fakes::Machine reads(found_state);
      const sim::FixerRun read = sim::RunFixer(reads, "apply", options, faults, false, nullptr, found);
      fakes::Machine given(found_state);
      const sim::FixerRun handed = sim::RunFixer(given, "apply", options, faults, false, nullptr, found, diagnosis);
      ExpectTheSameRun(read, handed, reads.state(), given.state(), where);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(BothStrategies, DiagnosisAsFoundTest,
                         testing::Values(DiagnosisAsFoundCase{fixer::Strategy::kKeepSid, "KeepSid"},
                                         DiagnosisAsFoundCase{fixer::Strategy::kRecreate, "Recreate"}),
                         [](const auto& info) { return std::string(info.param.name); });

}  // namespace
