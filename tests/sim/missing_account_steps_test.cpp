// The steps that stand for `net user` (delete_account, set_password, disable_account,
// enable_account) answer as net does for an account that does not exist: 2221 in the step's
// summary, the scenario going on. disable_account and enable_account stopped it instead ("no
// account named", exit 1) while the other two printed 2221. set_caller of an account the machine
// does not have cannot run anything, and stops the scenario at its step; it was accepted silently.
#include <gtest/gtest.h>

#include <string>

#include "sim/runner.h"
#include "sim/scenario.h"
#include "support/affected_machine.h"

namespace {

sim::ScenarioResult MissingAccountRun(const std::string& steps) {
  auto loaded = sim::LoadScenarioText(test_support::ScenarioOnAffectedMachine("a missing account", steps), "s.yaml");
  EXPECT_TRUE(loaded.ok()) << (loaded.error ? loaded.error->ToString() : "");
  if (!loaded.ok()) return {};
  return sim::RunScenario(*loaded.value, {});
}

TEST(MissingAccountSteps, EveryNetUserStepAnswers2221AndTheScenarioGoesOn) {
  for (const char* step :
       {"  - disable_account: nosuch\n", "  - enable_account: nosuch\n", "  - delete_account: nosuch\n",
        "  - set_password: {user: nosuch, password: 'X1#abcdefg'}\n"}) {
    const sim::ScenarioResult r = MissingAccountRun(step);
    EXPECT_TRUE(r.error.empty()) << step << r.error;
    ASSERT_EQ(r.steps.size(), 1u) << step;
    EXPECT_TRUE(r.steps[0].report.ran) << step;
    EXPECT_NE(r.steps[0].report.summary.find("2221: The user name could not be found."), std::string::npos)
        << step << r.steps[0].report.summary;
  }
}

TEST(MissingAccountSteps, ACallerTheMachineDoesNotHaveStopsTheScenarioAtItsStep) {
  const sim::ScenarioResult r = MissingAccountRun("  - set_caller: nosuch\n  - fixer: diagnose\n");
  EXPECT_FALSE(r.passed);
  EXPECT_NE(r.error.find("s.yaml:"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("'nosuch'"), std::string::npos) << r.error;
  const sim::ScenarioResult known = MissingAccountRun("  - set_caller: Guest\n");
  EXPECT_TRUE(known.error.empty()) << known.error;
}

}  // namespace
