// `fixup-sim explore` as a user runs it, as a real process from a folder outside the repository:
// its summary and exit code, the same JSON report twice for one seed, the printed scenario of a
// replayed case loading back, sharding through GoogleTest's variables, usage errors exit 2.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sim/scenario.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using test_support::Slurp;

class ExploreE2e : public ::testing::Test {
 protected:
  Ran Sim(const std::vector<std::string>& args, const std::string& shard = "", const std::string& shards = "2") {
    std::vector<std::pair<std::string, std::string>> set;
    if (!shard.empty()) set = {{"GTEST_TOTAL_SHARDS", shards}, {"GTEST_SHARD_INDEX", shard}};
    return test_support::RunProgram({.program = FIXUP_SIM_BIN,
                                     .args = args,
                                     .cwd = dir_.path(),
                                     .unset = {"GTEST_TOTAL_SHARDS", "GTEST_SHARD_INDEX"},
                                     .set = set});
  }

  const test_support::TempFolder dir_{"explore_e2e"};
};

TEST_F(ExploreE2e, ACleanRunExitsZeroWithItsSummary) {
  const Ran r = Sim({"explore", "--count", "40", "--seed", "3"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("explore: seed 3, 40 cases"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0 violations"), std::string::npos) << r.out;
  EXPECT_EQ(r.err, "");  // no progress bar when stderr is not a terminal
}

TEST_F(ExploreE2e, TheSameSeedGivesTheSameJsonAndShardsAddUp) {
  auto report = [&](const std::string& shard) {
    const Ran r = Sim({"explore", "--count", "30", "--seed", "11", "--json"}, shard);
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    auto j = nlohmann::json::parse(r.out);
    j.erase("seconds");
    return j;
  };
  const auto one = report(""), two = report("");
  EXPECT_EQ(one, two);
  EXPECT_EQ(one["cases"], 30);
  EXPECT_EQ(report("0")["cases"].get<int>() + report("1")["cases"].get<int>(), 30);
}

// A time budget, however short, still runs a case in every shard: "0 violations" of 0 cases would
// pass having checked nothing. A shard that has no case at all (more shards than cases) runs
// none, as before, and its summary says so.
TEST_F(ExploreE2e, ATimeBudgetRunsAtLeastOneCasePerShard) {
  for (const std::string shard : {"", "0", "1"}) {
    const Ran r = Sim({"explore", "--seconds", "0.0000001", "--seed", "1", "--json"}, shard);
    EXPECT_EQ(r.exit_code, 0) << "shard '" << shard << "': " << r.out << r.err;
    EXPECT_GE(nlohmann::json::parse(r.out)["cases"].get<int>(), 1) << "shard '" << shard << "'";
  }
  const Ran text = Sim({"explore", "--seconds", "0.0000001", "--seed", "1"});
  EXPECT_NE(text.out.find("explore: seed 1, 1 case,"), std::string::npos) << text.out;

  const Ran none = Sim({"explore", "--count", "2", "--seed", "1"}, "4", "5");
  EXPECT_EQ(none.exit_code, 0) << none.out << none.err;
  EXPECT_NE(none.out.find("explore: seed 1, 0 cases,"), std::string::npos) << none.out;
}

TEST_F(ExploreE2e, AReplayedCasePrintsAScenarioThatLoads) {
  const Ran r = Sim({"explore", "--seed", "1", "--case", "406"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string scenario = r.out.substr(0, r.out.find("explore: seed"));
  auto loaded = sim::LoadScenarioText(scenario, "case.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString() << "\n" << scenario;
  EXPECT_FALSE(loaded.value->steps.empty());
}

// With --json the case is the `scenario` field, the same text the text mode prints first.
TEST_F(ExploreE2e, AReplayedCaseWithJsonCarriesItsScenario) {
  const Ran text = Sim({"explore", "--seed", "1", "--case", "406"});
  const Ran json = Sim({"explore", "--seed", "1", "--case", "406", "--json"});
  EXPECT_EQ(json.exit_code, 0) << json.out << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(j.is_object()) << json.out;
  ASSERT_TRUE(j.contains("scenario")) << json.out;
  EXPECT_EQ(j["scenario"].get<std::string>() + "\n", text.out.substr(0, text.out.find("explore: seed")));
}

TEST_F(ExploreE2e, UsageErrorsExitTwo) {
  EXPECT_EQ(Sim({"explore", "--count", "5", "--seconds", "1"}).exit_code, 2);
  EXPECT_EQ(Sim({"explore", "--jobs", "0"}).exit_code, 2);
  EXPECT_EQ(Sim({"explore", "--seed", "x"}).exit_code, 2);
  // A negative number is not read as 2^64 - N (a --count -5 that never ended).
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--count", "-5"},
           {"--seed", "-1"},
           {"--case", "-1"},
           {"--seconds", "-1"},
           {"--seconds", "nan"},
           {"--count", "0"}}) {  // 0 cases would say "0 violations", exit 0, having checked nothing
    std::vector<std::string> command = {"explore"};
    command.insert(command.end(), args.begin(), args.end());
    const Ran r = Sim(command);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1] << ":\n" << r.out << r.err;
    EXPECT_NE(r.err.find(args[1]), std::string::npos) << "the error quotes the value:\n" << r.err;
  }
}

}  // namespace
