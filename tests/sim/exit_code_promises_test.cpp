// Exit 0 promises the run's own request to every ASP.NET 1.0 application after its last change
// ("fixed and verified"; "nothing-to-do" once every page answers), not only a site that happens to
// answer: the checks read the site after the run, so a fixer that answered itself without asking
// passed them. Now RunFixer notes each application a request reached after the run's last change,
// beneath any decorator (FixerRun::verified).
//
// Exit 1 promises the machine restored as the repair found it (README's exit-code table: accounts,
// groups, rights, ACLs, profiles, services and SQL logins as they were). The runner and explore
// checked only services, grants, widening, the worker's password and the site after a
// "failed-restored" run, and the sweep only an episode's end, which a resume that finds the site
// working calls fixed: a broken undo that left the new profile behind passed both. Now each exit 1
// is compared with the machine the episode's apply found (sim::FirstDifference).
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "fixer/ports/profiles.h"
#include "fixer/ports/web_probe.h"
#include "sim/fixer_session.h"
#include "sim/invariants.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "sim/sweep.h"
#include "support/affected_machine.h"
#include "support/temp_folder.h"

namespace {

// A broken undo: deleting a profile says it worked and deletes nothing, so create-profile's undo
// leaves the profile it made.
class KeptProfile : public fixer::ProfilesWrapper {
 public:
  explicit KeptProfile(fixer::Ports& real) : ProfilesWrapper(real.profiles) {}
  fixer::Status Delete(const fixer::Sid&) override { return fixer::Status::Ok(); }
};

sim::PortsDecoratorFactory Broken() {
  return [] { return std::make_unique<sim::WrapOnePort<KeptProfile>>(); };
}

// An affected machine; the apply fails where it starts the services again, after create-profile.
std::string Scenario(const std::string& apply) {
  return test_support::ScenarioOnAffectedMachine("an apply that fails after create-profile",
                                                 "  - fixer: " + apply + "\n");
}

TEST(ExitOnePromise, TheRunnerComparesAFailedRestoredRunWithTheMachineFound) {
  const std::string text = Scenario("{command: apply, fail_op: scm.start}\n    expect: {exit_code: 1}");
  auto loaded = sim::LoadScenarioText(text, "exit1.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const sim::ScenarioResult sound = sim::RunScenario(*loaded.value, {});
  EXPECT_TRUE(sound.passed) << "the real undo restores the machine";
  const sim::ScenarioResult broken = sim::RunScenario(*loaded.value, {.decorate = Broken()});
  EXPECT_FALSE(broken.passed) << "exit 1 with the new profile left passed";
}

TEST(ExitOnePromise, TheSweepComparesEachExitOneWithTheMachineFound) {
  const test_support::TempFolder dir{"exit_one_promise_test"};
  const std::string file = dir.Write("apply.yaml", Scenario("apply")).string();
  sim::SweepOptions o;
  o.crash = false;  // failures are what make exit 1
  const sim::SweepReport sound = sim::RunSweep({file}, o);
  for (const auto& v : sound.violations) ADD_FAILURE() << v.ToString();
  o.decorate = Broken();
  const sim::SweepReport broken = sim::RunSweep({file}, o);
  ASSERT_FALSE(broken.violations.empty()) << "a broken undo the sweep did not see";
  bool exit_one = false;
  for (const auto& v : broken.violations)
    exit_one = exit_one || v.check.starts_with("exit 1 (failed-restored) leaves the machine as the repair found it");
  EXPECT_TRUE(exit_one) << broken.violations.front().ToString();
}

// The sweep works out an episode end's difference from the machine found once, for the end's
// checks and for the exit-1 promise of the run that ended there (ExitCodePromises'
// found_difference): handed that difference, the promise is the one it works out itself.
TEST(ExitOnePromise, HandedTheDifferenceFromTheMachineFoundItIsTheSamePromise) {
  auto loaded = sim::LoadScenarioText(Scenario("apply"), "exit1.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const fakes::MachineState& found = loaded.value->machine;
  fakes::Machine machine(found);
  fakes::FaultPlan fail;
  fail.Add({.op = "scm.start", .nth = 1, .kind = fakes::FaultKind::kFail});
  const std::unique_ptr<sim::PortsDecorator> broken = Broken()();
  const sim::FixerRun run = sim::RunFixer(machine, "apply", {}, std::move(fail), false, broken.get());
  ASSERT_EQ(run.outcome, "failed-restored");
  const std::optional<sim::Change> difference = sim::FirstDifference(found, machine.state());
  ASSERT_TRUE(difference.has_value()) << "the broken undo leaves the profile it made";

  const auto worked_out = sim::ExitCodePromises(1, run.outcome, found, &found, machine, run.verified);
  const auto handed = sim::ExitCodePromises(1, run.outcome, found, &found, machine, run.verified, nullptr, &difference);
  ASSERT_EQ(worked_out.size(), 1u);
  ASSERT_EQ(handed.size(), 1u);
  EXPECT_FALSE(handed[0].passed);
  EXPECT_EQ(handed[0].what, worked_out[0].what);
  EXPECT_EQ(handed[0].actual, worked_out[0].actual);
  EXPECT_EQ(handed[0].actual, difference->path + ": " + difference->before + " -> " + difference->after);
}

// A fixer that verifies nothing: every request "answers" 200 without reaching the machine.
class NoRequest : public fixer::WebProbeWrapper {
 public:
  explicit NoRequest(fixer::Ports& real) : WebProbeWrapper(real.web) {}
  fixer::Result<fixer::HttpResponse> Get(const std::string&) override { return fixer::HttpResponse{200, "OK"}; }
};

// The first apply repairs the machine for real; the second, on the fixed machine, says
// "nothing-to-do" (exit 0) from answers it never asked the machine for. The site works either way.
TEST(ExitZeroPromise, NothingToDoNeedsTheRunsOwnRequestToEveryApplication) {
  auto loaded = sim::LoadScenarioText(Scenario("apply\n  - fixer: apply\n    expect: {exit_code: 0}"), "exit0.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_TRUE(sim::RunScenario(*loaded.value, {}).passed);
  auto runs = std::make_shared<int>(0);
  const sim::PortsDecoratorFactory second_lies = [runs]() -> std::unique_ptr<sim::PortsDecorator> {
    if ((*runs)++ == 0) return nullptr;
    return std::make_unique<sim::WrapOnePort<NoRequest>>();
  };
  const sim::ScenarioResult unverified = sim::RunScenario(*loaded.value, {.decorate = second_lies});
  EXPECT_FALSE(unverified.passed) << "exit 0 with no request to the application passed";
  bool said = false;
  for (const sim::StepResult& step : unverified.steps)
    for (const sim::CheckResult& c : step.checks)
      said = said || (!c.passed && c.actual == "not requested: /LM/W3SVC/1/ROOT/app");
  EXPECT_TRUE(said) << "the check names the application no request reached";
}

}  // namespace
