// Ctrl-C or SIGTERM that reaches a run that changes nothing (diagnose, plan, a dry run, capture):
// it ends the run at once, exit 3 (README's exit-3 row: nothing changed), with one line on standard
// error and, with --json, the one JSON object on standard output; its --out is not written and no
// temporary file is left beside it. A stop that comes once the run writes its output lets it
// finish. The signal is raised by the tool's test hooks: `--signal-before-changes N` as the verb's
// work begins, `--signal-before-save N` as it writes the machine.
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/built_tools.h"
#include "fixer/exit_code.h"
#include "support/affected_machine.h"
#include "support/process_output.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using e2e::RunAspnetFixer;
using test_support::Ran;
using ::testing::HasSubstr;

struct ReadOnlyRun {
  std::vector<std::string> verb;  // the verb and its own options
  std::string out;                // the --out it writes
  int signal;
  std::string signal_name;  // as the tool says it
};

std::string Name(const ReadOnlyRun& run) {
  std::string name = run.verb.front() + (run.verb.size() > 1 ? "DryRun" : "");
  return name + (run.signal == SIGINT ? "SIGINT" : "SIGTERM");
}

class StopReadOnlyTest : public ::testing::TestWithParam<ReadOnlyRun> {
 protected:
  Ran Run(const std::string& hook, bool json) {
    const ReadOnlyRun& run = GetParam();
    std::vector<std::string> args = run.verb;
    for (const std::string& a : {std::string("--machine"), machine_.string(), std::string("--out"),
                                 (dir_.path() / run.out).string(), hook, std::to_string(run.signal)})
      args.push_back(a);
    if (json) args.emplace_back("--json");
    return RunAspnetFixer(args);
  }
  const test_support::TempFolder dir_{"aspnet_fixer_stop_read_only"};
  const fs::path machine_ = dir_.Write("m.yaml", test_support::kAffectedMachine);
};

TEST_P(StopReadOnlyTest, AStopEndsItAtOnceWithNothingWritten) {
  const ReadOnlyRun& run = GetParam();
  const std::string said = "aspnet-fixer " + run.verb.front() + ": stopped by " + run.signal_name +
                           " before its report: nothing was changed or written\n";
  const Ran r = Run("--signal-before-changes", false);
  ASSERT_FALSE(r.signaled) << "the signal ended the process: " << r.signal;
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kRefused)) << r.out << r.err;
  EXPECT_EQ(r.err, said);
  EXPECT_EQ(r.out, "") << "a report of a run that was stopped";
  EXPECT_EQ(test_support::Slurp(machine_), test_support::kAffectedMachine);
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"}) << "--out or a temporary file was left";

  const Ran json = Run("--signal-before-changes", true);
  EXPECT_EQ(json.exit_code, fixer::ToInt(fixer::ExitCode::kRefused)) << json.out << json.err;
  const nlohmann::json j = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << "not one JSON object: " << json.out;
  EXPECT_EQ(j.value("command", ""), run.verb.front()) << j;
  EXPECT_EQ(j.value("outcome", ""), "interrupted") << j;
  EXPECT_EQ(j.value("exit_code", -1), fixer::ToInt(fixer::ExitCode::kRefused)) << j;
  EXPECT_EQ(j.value("stopped", ""), "stopped by " + run.signal_name + " before its report") << j;
  EXPECT_EQ(json.err, said);
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"});
}

TEST_P(StopReadOnlyTest, AStopWhileItWritesLetsItFinish) {
  const ReadOnlyRun& run = GetParam();
  const Ran plain = RunAspnetFixer([&] {
    std::vector<std::string> args = run.verb;
    for (const std::string& a : {std::string("--machine"), machine_.string()}) args.push_back(a);
    return args;
  }());
  ASSERT_FALSE(plain.signaled);
  fs::remove(dir_.path() / run.out);
  const Ran r = Run("--signal-before-save", false);
  ASSERT_FALSE(r.signaled) << "the signal ended the process: " << r.signal;
  EXPECT_EQ(r.exit_code, plain.exit_code) << r.out << r.err;
  EXPECT_THAT(r.err, ::testing::Not(HasSubstr("stopped by"))) << r.err;
  EXPECT_TRUE(fs::is_regular_file(dir_.path() / run.out)) << "its --out was not written";
  std::vector<std::string> names = {"m.yaml", run.out};
  std::sort(names.begin(), names.end());
  EXPECT_EQ(dir_.Names(), names) << "a temporary file was left";
}

INSTANTIATE_TEST_SUITE_P(ReadOnlyVerbs, StopReadOnlyTest,
                         ::testing::Values(ReadOnlyRun{{"diagnose"}, "o.yaml", SIGINT, "SIGINT (Ctrl-C)"},
                                           ReadOnlyRun{{"plan"}, "o.yaml", SIGTERM, "SIGTERM"},
                                           ReadOnlyRun{{"apply", "--dry-run"}, "o.yaml", SIGINT, "SIGINT (Ctrl-C)"},
                                           ReadOnlyRun{{"capture"}, "o.json", SIGTERM, "SIGTERM"}),
                         [](const ::testing::TestParamInfo<ReadOnlyRun>& info) { return Name(info.param); });

}  // namespace
