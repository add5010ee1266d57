// A scenario value written as digits but past the largest whole number a parameter takes
// (`advance_clock: 9223372036854775807`) is a whole number: its load error says the range it
// must be in, as the out-of-range row of docs/scenario-format.md "Load errors" promises. It said
// "expected a whole number, got '9223372036854775807'", which is false of the value.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sim/scenario.h"
#include "support/valid_scenario_head.h"

namespace {

using ::testing::HasSubstr;

fakes::LoadError ErrorOf(const std::string& steps) {
  const sim::LoadedScenario loaded = sim::LoadScenarioText(test_support::kValidScenarioHead + steps, "s.yaml");
  EXPECT_FALSE(loaded.ok()) << steps;
  return loaded.ok() ? fakes::LoadError{} : *loaded.error;
}

TEST(WholeNumberRangeMessage, DigitsPastTheLargestValueAreSaidWithTheRange) {
  for (const char* digits :
       {"1000000000000000000", "9223372036854775807", "18446744073709551616", "99999999999999999999999999"}) {
    const fakes::LoadError e = ErrorOf(std::string("  - advance_clock: ") + digits + "\n");
    EXPECT_EQ(e.line, 7);
    EXPECT_EQ(e.column, 20);
    EXPECT_EQ(e.message, std::string("step 'advance_clock' key 'seconds': expected a whole number from 0 to "
                                     "999999999999999999, got '") +
                             digits + "'");
  }
  const fakes::LoadError status = ErrorOf("  - request: /x\n    expect:\n      status: 18446744073709551616\n");
  EXPECT_THAT(status.message, HasSubstr("expected a whole number from 0 to 999999999999999999"));
}

TEST(WholeNumberRangeMessage, TextThatIsNoNumberIsStillSaidSo) {
  EXPECT_EQ(ErrorOf("  - advance_clock: soon\n").message,
            "step 'advance_clock' key 'seconds': expected a whole number, got 'soon'");
  EXPECT_EQ(ErrorOf("  - advance_clock: -5\n").message,
            "step 'advance_clock' key 'seconds': expected a whole number, got '-5'");
}

TEST(WholeNumberRangeMessage, TheLargestValueLoads) {
  EXPECT_TRUE(
      sim::LoadScenarioText(test_support::kValidScenarioHead + "  - advance_clock: 999999999999999999\n", "s.yaml")
          .ok());
}

}  // namespace
