// Regressions found by the libFuzzer targets (fuzz/, scripts/fuzz.sh): inputs the loaders must
// reject with a FILE:LINE:COL whose line and column are at least 1.
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"
#include "sim/scenario.h"

namespace {

// fuzz_scenario, first input: the empty file. The root node of an empty document has
// yaml-cpp's null mark (-1, -1), which came out as "empty.yaml:0:0: scenario: missing 'machine'".
TEST(LoaderFuzzRegression, EmptyScenarioIsRejectedAtLineOneColumnOne) {
  for (const char* text : {"", "\n", "# only a comment\n", "~", "---\n...\n"}) {
    const sim::LoadedScenario loaded = sim::LoadScenarioText(text, "empty.yaml");
    ASSERT_FALSE(loaded.ok()) << "input: '" << text << "'";
    EXPECT_GE(loaded.error->line, 1) << loaded.error->ToString();
    EXPECT_GE(loaded.error->column, 1) << loaded.error->ToString();
    EXPECT_EQ(loaded.error->ToString().rfind("empty.yaml:", 0), 0u) << loaded.error->ToString();
  }
}

}  // namespace
