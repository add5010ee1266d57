// set_policy's summary names every key it sets: max_age_days (and history, the lockout duration)
// were set and left out of it.
#include <gtest/gtest.h>

#include <string>

#include "sim/runner.h"
#include "sim/scenario.h"
#include "support/affected_machine.h"

namespace {

TEST(SetPolicySummary, NamesEveryValueTheStepSets) {
  auto loaded =
      sim::LoadScenarioText(test_support::ScenarioOnAffectedMachine(
                                "a policy",
                                "  - set_policy: {min_length: 8, complexity: true, history: 3, max_age_days: 30, "
                                "lockout_threshold: 5, lockout_duration_minutes: 1}\n"),
                            "s.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const sim::ScenarioResult r = sim::RunScenario(*loaded.value, {});
  ASSERT_EQ(r.steps.size(), 1u) << r.error;
  EXPECT_EQ(r.steps[0].report.summary,
            "policy: min length 8, complexity on, history 3, max age 30 days, lockout threshold 5, lockout "
            "duration 1 minute");
}

}  // namespace
