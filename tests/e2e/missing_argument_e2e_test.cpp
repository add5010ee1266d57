// A line that leaves out what a verb needs (its file, its folders, its command, aspnet-fixer's
// --machine) is said in the tools' own words, naming what is missing and what it is, for every
// verb of both tools: exit 2, `Run with --help for more information.`, nothing run; never CLI11's
// "paths is required" or "state is required"; with --json the one JSON object saying the same.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

struct LeftOut {
  const char* program;
  std::vector<std::string> args;
  std::string said;  // the whole line on standard error
  bool json = true;  // the verb takes --json
};

const std::vector<LeftOut> kLeftOut = {
    {FIXUP_SIM_BIN, {}, "fixup-sim: give a command: run, matrix, show, sweep, legacy, compare or explore"},
    {FIXUP_SIM_BIN, {"run"}, "fixup-sim run: give at least one scenario file or folder"},
    {FIXUP_SIM_BIN, {"run", "-v", "--seed", "3"}, "fixup-sim run: give at least one scenario file or folder"},
    {FIXUP_SIM_BIN, {"show"}, "fixup-sim show: give the machine state file to show"},
    {FIXUP_SIM_BIN,
     {"legacy"},
     "fixup-sim legacy: give the scenario or machine state file whose machine the batch file runs on",
     /*json=*/false},
    {FIXUP_SIM_BIN,
     {"compare"},
     "fixup-sim compare: give the scenario or machine state file whose machine the two tools repair"},
    {ASPNET_FIXER_BIN, {}, "aspnet-fixer: give a command: diagnose, plan, apply, resume, rollback or capture"},
    {ASPNET_FIXER_BIN,
     {"--machine", "m.yaml"},
     "aspnet-fixer: give a command: diagnose, plan, apply, resume, rollback or capture"},
    {ASPNET_FIXER_BIN,
     {"diagnose"},
     "aspnet-fixer diagnose: give --machine FILE: the machine state file (YAML) to work on"},
    {ASPNET_FIXER_BIN, {"plan"}, "aspnet-fixer plan: give --machine FILE: the machine state file (YAML) to work on"},
    {ASPNET_FIXER_BIN, {"apply"}, "aspnet-fixer apply: give --machine FILE: the machine state file (YAML) to work on"},
    {ASPNET_FIXER_BIN,
     {"resume"},
     "aspnet-fixer resume: give --machine FILE: the machine state file (YAML) to work on"},
    {ASPNET_FIXER_BIN,
     {"rollback"},
     "aspnet-fixer rollback: give --machine FILE: the machine state file (YAML) to work on"},
    {ASPNET_FIXER_BIN,
     {"capture", "--out", "c.json"},
     "aspnet-fixer capture: give --machine FILE: the machine state file (YAML) to work on"},
};

TEST(MissingArgument, EveryVerbSaysWhatIsMissingInItsOwnWords) {
  const test_support::TempFolder dir("missing_argument_e2e");
  for (const LeftOut& c : kLeftOut) {
    const std::string line = std::string(c.program) + " " + testing::PrintToString(c.args);
    const Ran r = test_support::RunProgram({.program = c.program, .args = c.args, .cwd = dir.path()});
    EXPECT_EQ(r.exit_code, 2) << line << "\n" << r.err;
    EXPECT_EQ(r.err, c.said + "\nRun with --help for more information.\n") << line;
    EXPECT_THAT(r.err, Not(HasSubstr("is required"))) << line;
    EXPECT_EQ(r.out, "") << line;
    EXPECT_TRUE(dir.Names().empty()) << line << ": nothing is written";
  }
}

TEST(MissingArgument, WithJsonTheObjectSaysTheSame) {
  for (const LeftOut& c : kLeftOut) {
    std::vector<std::string> args = c.args;
    args.push_back("--json");
    if (!c.json || args.size() == 1) continue;  // no command: --json alone is an option of no verb
    const std::string line = std::string(c.program) + " " + testing::PrintToString(args);
    const Ran r = test_support::RunProgram({.program = c.program, .args = args});
    EXPECT_EQ(r.exit_code, 2) << line << "\n" << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(j.is_object()) << line << "\n" << r.out;
    EXPECT_EQ(j["exit_code"], 2) << line;
    EXPECT_EQ(c.said.substr(c.said.find(": ") + 2), j["error"]) << line << "\n" << r.out;
  }
}

}  // namespace
