// `fixup-sim run --seed N` and `sweep --seed N`: a scenario machine that gives no `seed:` of its
// own takes N (its machine SID, passwords and random stream follow it); one that gives `seed:`
// keeps it, whatever N.
#include <gtest/gtest.h>

#include "fakes/fresh_install.h"
#include "fakes/sam.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace {

fakes::MachineState Loaded(const std::string& machine, uint64_t default_seed) {
  const std::string text = "summary: s\nmachine:" + machine + "steps: []\n";
  auto loaded = sim::LoadScenarioText(text, "s.yaml", default_seed);
  EXPECT_TRUE(loaded.ok()) << (loaded.error ? loaded.error->ToString() : "");
  return loaded.ok() ? loaded.value->machine : fakes::MachineState{};
}

TEST(ScenarioSeed, AMachineWithoutASeedTakesTheRunsSeed) {
  const fakes::MachineState seven = Loaded("\n  frameworks: [1.0]\n", 7);
  EXPECT_EQ(seven.seed, 7u);
  EXPECT_EQ(seven.sam.domain, fakes::MachineSidFromSeed(7));
  EXPECT_NE(seven.rng_state, Loaded("\n  frameworks: [1.0]\n", 1).rng_state);
  // `machine:` with nothing under it is a fresh install of that seed.
  EXPECT_EQ(Loaded("\n", 7), fakes::FreshInstall({.seed = 7}));
  EXPECT_EQ(Loaded("\n  base: empty\n", 7).sam.domain, fakes::MachineSidFromSeed(7));
}

TEST(ScenarioSeed, AMachineWithItsOwnSeedKeepsIt) {
  EXPECT_EQ(Loaded("\n  seed: 3\n", 7), Loaded("\n  seed: 3\n", 1));
  EXPECT_EQ(Loaded("\n  seed: 3\n", 7).seed, 3u);
}

TEST(ScenarioSeed, TheDefaultIsOne) {
  auto loaded = sim::LoadScenarioText("summary: s\nmachine:\n", "s.yaml");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded.value->machine, fakes::FreshInstall({.seed = 1}));
}

}  // namespace
