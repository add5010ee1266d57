// Ctrl-C or SIGTERM that reaches a changing run before its first change (README's exit-3 row):
// the run stops there, says so, exits 3 with outcome "interrupted", and leaves the machine file
// byte-identical, with no log or temporary file beside it. The signal is raised by the tool's test
// hook (`--signal-before-changes N`) once the run has opened the file and begun its changes, so the
// stop always falls before the first one, never racing a timer.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/built_tools.h"
#include "e2e/stop_signals.h"
#include "fixer/exit_code.h"
#include "support/affected_machine.h"
#include "support/process_output.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using e2e::RunAspnetFixer;
using test_support::Ran;
using ::testing::HasSubstr;

class StopBeforeChangeTest : public ::testing::TestWithParam<e2e::StopSignal> {
 protected:
  const test_support::TempFolder dir_{"aspnet_fixer_stop_before_change"};
};

TEST_P(StopBeforeChangeTest, ExitsThreeWithTheFileByteIdentical) {
  const e2e::StopSignal& signal = GetParam();
  const fs::path machine = dir_.Write("m.yaml", test_support::kAffectedMachine);
  const Ran r = RunAspnetFixer(
      {"apply", "--machine", machine.string(), "--signal-before-changes", std::to_string(signal.number)});
  ASSERT_FALSE(r.signaled) << "the signal ended the process: " << r.signal;
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kRefused)) << r.out << r.err;
  EXPECT_THAT(r.out, HasSubstr("Stopped: stopped by " + signal.name +
                               " before any change: nothing was changed.\n"
                               "Outcome: interrupted (exit 3)\n"))
      << r.out;
  EXPECT_THAT(r.out, ::testing::Not(HasSubstr("Run `aspnet-fixer resume"))) << "nothing to resume: " << r.out;
  EXPECT_THAT(r.err, HasSubstr("aspnet-fixer apply: ")) << r.err;
  EXPECT_THAT(r.err, HasSubstr("stopped by " + signal.name + " before any change")) << r.err;
  EXPECT_EQ(test_support::Slurp(machine), test_support::kAffectedMachine) << "the machine file was rewritten";
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"}) << "a log or a temporary file was left";

  const Ran json = RunAspnetFixer(
      {"apply", "--machine", machine.string(), "--json", "--signal-before-changes", std::to_string(signal.number)});
  const nlohmann::json j = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << json.out;
  EXPECT_EQ(j.value("outcome", ""), "interrupted") << j;
  EXPECT_EQ(j.value("exit_code", -1), fixer::ToInt(fixer::ExitCode::kRefused)) << j;
  EXPECT_EQ(test_support::Slurp(machine), test_support::kAffectedMachine);
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"});
}

INSTANTIATE_TEST_SUITE_P(Signals, StopBeforeChangeTest, ::testing::ValuesIn(e2e::StopSignals()),
                         e2e::StopSignalTestName);

}  // namespace
