// Ctrl-C or SIGTERM while `apply --temp-password -` waits for its line (README's exit-3 row): the
// run has changed nothing, so the stop ends it at once, exit 3, saying it stopped before any change
// (with --json the one object, outcome "interrupted"), the machine file byte-identical. It died of
// the signal (aspnet-fixer.exe: exit 0, nothing said, audit 24 item 1). The tool's test hook
// (`--signal-at-prompt N`) raises the signal while the line is awaited, never racing a timer.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/stop_signals.h"
#include "fixer/exit_code.h"
#include "support/affected_machine.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;

class StopAtPromptTest : public ::testing::TestWithParam<e2e::StopSignal> {
 protected:
  Ran ApplyStoppedAtPrompt(const std::vector<std::string>& more) const {
    const auto machine = dir_.path() / "m.yaml";
    std::vector<std::string> args = {"apply",
                                     "--machine",
                                     machine.string(),
                                     "--temp-password",
                                     "-",
                                     "--signal-at-prompt",
                                     std::to_string(GetParam().number)};
    args.insert(args.end(), more.begin(), more.end());
    return test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = args, .stdin_file = password_});
  }

  const test_support::TempFolder dir_{"aspnet_fixer_stop_at_prompt"};
  const std::filesystem::path machine_ = dir_.Write("m.yaml", test_support::kAffectedMachine);
  const std::filesystem::path password_ = dir_.Write("typed.txt", "Typed-Passw0rd!\n");
};

TEST_P(StopAtPromptTest, ExitsThreeSayingNothingWasChanged) {
  const e2e::StopSignal& signal = GetParam();
  const Ran r = ApplyStoppedAtPrompt({});
  ASSERT_FALSE(r.signaled) << "the signal ended the process: " << r.signal;
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kRefused)) << r.out << r.err;
  EXPECT_EQ(r.out, "Stopped: stopped by " + signal.name +
                       " before any change: nothing was changed.\nOutcome: interrupted (exit 3)\n");
  EXPECT_EQ(r.err, "aspnet-fixer apply: stopped by " + signal.name + " before any change: nothing was changed\n");
  EXPECT_EQ(test_support::Slurp(machine_), test_support::kAffectedMachine) << "the machine file was rewritten";
  EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"m.yaml", "typed.txt"})) << "a log or temporary file was left";
}

TEST_P(StopAtPromptTest, WithJsonPrintsTheOneObject) {
  const Ran r = ApplyStoppedAtPrompt({"--json"});
  ASSERT_FALSE(r.signaled) << "the signal ended the process: " << r.signal;
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kRefused)) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_TRUE(j.is_object()) << r.out;
  EXPECT_EQ(j.value("command", ""), "apply");
  EXPECT_EQ(j.value("outcome", ""), "interrupted");
  EXPECT_EQ(j.value("exit_code", -1), fixer::ToInt(fixer::ExitCode::kRefused));
  EXPECT_THAT(j.value("stopped", ""), HasSubstr("stopped by " + GetParam().name + " before any change"));
  EXPECT_EQ(test_support::Slurp(machine_), test_support::kAffectedMachine);
}

INSTANTIATE_TEST_SUITE_P(Signals, StopAtPromptTest, ::testing::ValuesIn(e2e::StopSignals()), e2e::StopSignalTestName);

}  // namespace
