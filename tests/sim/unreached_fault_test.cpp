// A fixer step's fault that the run never reaches (a misspelt op, a count past the run's calls)
// fails that step under `fixup-sim run`, at the step's line, naming the calls the run did make:
// otherwise the scenario would test a clean run under a fault's name. A fault that fires passes.
#include <string>

#include <gtest/gtest.h>

#include "sim/runner.h"
#include "sim/scenario.h"

namespace {

std::string WithFixerStep(const std::string& fixer_step) {
  return "summary: one fixer step with a fault\n"
         "machine:\n"
         "  os: windows-xp-professional\n"
         "  frameworks: [\"1.0\"]\n"
         "  applications:\n"
         "    - path: /LM/W3SVC/1/ROOT/app\n"
         "steps:\n"
         "  - install_hotfix: MS03-032\n"
         "  - fixer: " +
         fixer_step + "\n";
}

const sim::CheckResult* FaultCheck(const sim::ScenarioResult& r) {
  for (const sim::StepResult& s : r.steps)
    for (const sim::CheckResult& c : s.checks)
      if (c.kind == "fault") return &c;
  return nullptr;
}

sim::ScenarioResult RunWithFixerStep(const std::string& fixer_step) {
  auto loaded = sim::LoadScenarioText(WithFixerStep(fixer_step), "fault.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return sim::RunScenario(*loaded.value, {});
}

TEST(UnreachedFault, AMisspeltOpFailsTheStepAndListsTheOpsTheRunCalled) {
  const sim::ScenarioResult r = RunWithFixerStep("{command: apply, crash_op: lsa.frob, crash_at: 1}");
  EXPECT_FALSE(r.passed);
  const sim::CheckResult* c = FaultCheck(r);
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->passed);
  EXPECT_EQ(c->pos.line, 9);
  EXPECT_NE(c->actual.find("call 1 of lsa.frob never happened: the run made 0 such calls"), std::string::npos)
      << c->actual;
  EXPECT_NE(c->actual.find("lsa.grant"), std::string::npos) << "the ops the run did call: " << c->actual;
}

TEST(UnreachedFault, ACountPastTheRunsCallsFailsTheStep) {
  const sim::ScenarioResult r = RunWithFixerStep("{command: apply, fail_at: 9999}");
  const sim::CheckResult* c = FaultCheck(r);
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->passed);
  EXPECT_NE(c->actual.find("mutating call 9999 never happened"), std::string::npos) << c->actual;
}

// `fail_at: N` alone names its call by number: the run shows which, and an error that call
// cannot give fails the step in the sweep's words (audit 15 item 10); one it can give adds no check.
TEST(UnreachedFault, AnErrorTheNumberedCallCannotGiveFailsTheStep) {
  const sim::ScenarioResult r = RunWithFixerStep("{command: apply, fail_at: 3, fail_error: 99999}");
  EXPECT_FALSE(r.passed);
  const sim::CheckResult* c = FaultCheck(r);
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->passed);
  EXPECT_EQ(c->pos.line, 9);
  EXPECT_EQ(c->actual, "call 3 (scm.stop W3SVC) cannot fail with 99999; the errors it can give: 1051, 1061, 5");
  EXPECT_EQ(FaultCheck(RunWithFixerStep("{command: apply, fail_at: 3, fail_error: 1051}")), nullptr);
}

TEST(UnreachedFault, AFaultThatFiresAddsNoCheck) {
  for (const char* step : {"{command: apply, crash_op: lsa.grant, crash_at: 1}", "{command: apply, fail_at: 3}",
                           "{command: apply, crash_after: 2}", "apply"}) {
    const sim::ScenarioResult r = RunWithFixerStep(step);
    EXPECT_EQ(FaultCheck(r), nullptr) << step;
  }
}

}  // namespace
