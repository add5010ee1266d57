// GoogleTest's sharding protocol has a third variable (its advanced guide, "Distributing Test
// Functions to Multiple Machines"): a runner sets GTEST_SHARD_STATUS_FILE to a path that does not
// exist, and a program that shards creates it; Bazel fails or warns of a sharded target that did
// not. `sweep` and `explore`, which shard by GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX, create it.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;

const std::string kShardedApply =
    (std::filesystem::path(FIXUP_SOURCE_DIR) / "scenarios/support/second-apply-is-a-no-op.yaml").string();

Ran ShardedSim(const std::vector<std::string>& args, const std::vector<std::pair<std::string, std::string>>& set) {
  return test_support::RunProgram({.program = FIXUP_SIM_BIN,
                                   .args = args,
                                   .unset = {"GTEST_TOTAL_SHARDS", "GTEST_SHARD_INDEX", "GTEST_SHARD_STATUS_FILE"},
                                   .set = set});
}

}  // namespace

TEST(ShardStatusFile, SweepAndExploreCreateItWhenTheyShard) {
  const test_support::TempFolder dir{"shard_status"};
  const std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"sweep", {"sweep", kShardedApply}}, {"explore", {"explore", "--count", "4"}}};
  for (const auto& [name, args] : commands) {
    const std::filesystem::path status = dir.path() / (name + ".status");
    const Ran r = ShardedSim(
        args, {{"GTEST_TOTAL_SHARDS", "2"}, {"GTEST_SHARD_INDEX", "0"}, {"GTEST_SHARD_STATUS_FILE", status.string()}});
    EXPECT_EQ(r.exit_code, 0) << name << ": " << r.out << r.err;
    EXPECT_TRUE(std::filesystem::is_regular_file(status)) << name << ": no " << status;
  }
}

// Without the sharding variables nothing is split, and nothing is acknowledged either.
TEST(ShardStatusFile, NotCreatedWithoutSharding) {
  const test_support::TempFolder dir{"shard_status_none"};
  const std::filesystem::path status = dir.path() / "explore.status";
  const Ran r = ShardedSim({"explore", "--count", "2"}, {{"GTEST_SHARD_STATUS_FILE", status.string()}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_FALSE(std::filesystem::exists(status));
}

// A status file that cannot be created is said before any case runs, as the other variables'
// mistakes are: exit 2, naming the variable and the system's reason.
TEST(ShardStatusFile, OneThatCannotBeCreatedIsAUsageError) {
  const test_support::TempFolder dir{"shard_status_bad"};
  const std::string status = (dir.path() / "no-such-folder" / "s.status").string();
  const Ran r =
      ShardedSim({"explore", "--count", "2"},
                 {{"GTEST_TOTAL_SHARDS", "2"}, {"GTEST_SHARD_INDEX", "1"}, {"GTEST_SHARD_STATUS_FILE", status}});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("fixup-sim explore: GTEST_SHARD_STATUS_FILE: '"));  // the path, cut as a quoted value
  EXPECT_THAT(r.err, HasSubstr(" cannot be created: No such file or directory"));
}
