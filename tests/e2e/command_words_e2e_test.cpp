// Which command a line names, one rule in both tools (app/named_command.h): an error names the
// command the line gives (options may come before it), none when the first word names no command
// (aspnet-fixer named the next verb-like word: `aspnet-fixer bogus apply` said "aspnet-fixer
// apply: ..."), and `--` ends the options and the command: a command word after it is refused in
// both tools (aspnet-fixer ran `--machine m.yaml -- diagnose`; fixup-sim said only "A subcommand
// is required").
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/affected_machine.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::StartsWith;

class CommandWords : public ::testing::Test {
 protected:
  Ran Run(const char* program, const std::vector<std::string>& args) const {
    return test_support::RunProgram({.program = program, .args = args, .cwd = dir_.path()});
  }

  const test_support::TempFolder dir_{"command_words_e2e"};
  const std::string machine_ = dir_.Write("m.yaml", test_support::kAffectedMachine).string();
};

TEST_F(CommandWords, AFirstWordThatNamesNoCommandNamesNone) {
  const Ran fixer = Run(ASPNET_FIXER_BIN, {"bogus", "apply", "--machine", "m.yaml"});
  EXPECT_EQ(fixer.exit_code, 2);
  EXPECT_THAT(fixer.err, StartsWith("aspnet-fixer: command: bogus not in {")) << fixer.err;
  const Ran sim = Run(FIXUP_SIM_BIN, {"bogus", "matrix"});
  EXPECT_EQ(sim.exit_code, 2);
  EXPECT_THAT(sim.err, StartsWith("fixup-sim: command: bogus not in {")) << sim.err;
  const Ran json = Run(ASPNET_FIXER_BIN, {"bogus", "plan", "--json"});
  EXPECT_TRUE(nlohmann::json::parse(json.out).at("command").is_null()) << json.out;
}

TEST_F(CommandWords, OptionsBeforeTheCommandStillNameIt) {
  // Refused before the parser sets the command (a flag given a value): the line's command named.
  const Ran fixer = Run(ASPNET_FIXER_BIN, {"--dry-run=0", "apply", "--machine", "m.yaml"});
  EXPECT_EQ(fixer.exit_code, 2);
  EXPECT_THAT(fixer.err, StartsWith("aspnet-fixer apply: --dry-run: takes no value")) << fixer.err;
  const Ran sim = Run(FIXUP_SIM_BIN, {"matrix", "--json=1"});
  EXPECT_EQ(sim.exit_code, 2);
  EXPECT_THAT(sim.err, StartsWith("fixup-sim matrix: --json: takes no value")) << sim.err;
}

TEST_F(CommandWords, ACommandAfterTheOptionsEndIsRefusedInBothTools) {
  const std::string before = test_support::Slurp(machine_);
  struct Line {
    const char* program;
    std::vector<std::string> args;
    std::string said;
  };
  const std::vector<Line> lines = {
      {ASPNET_FIXER_BIN, {"--machine", "m.yaml", "--", "apply"}, "aspnet-fixer: command: 'apply' comes after '--'"},
      {ASPNET_FIXER_BIN, {"--", "diagnose", "--machine", "m.yaml"}, "aspnet-fixer: command: 'diagnose' comes after"},
      {FIXUP_SIM_BIN, {"--", "matrix"}, "fixup-sim: command: 'matrix' comes after '--'"},
  };
  for (const Line& line : lines) {
    SCOPED_TRACE(line.said);
    const Ran r = Run(line.program, line.args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_THAT(r.err, StartsWith(line.said)) << r.err;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_EQ(test_support::Slurp(machine_), before);
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"});
  // With --json before `--`, the error is the one JSON object; after it, --json is an operand.
  const Ran json = Run(FIXUP_SIM_BIN, {"--json", "--", "matrix"});
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_THAT(nlohmann::json::parse(json.out).value("error", ""), HasSubstr("'matrix' comes after '--'"));
  for (const auto& [program, args] : std::vector<std::pair<const char*, std::vector<std::string>>>{
           {ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--", "--json"}},
           {FIXUP_SIM_BIN, {"matrix", "--", "--json"}}}) {
    const Ran operand = Run(program, args);
    EXPECT_EQ(operand.exit_code, 2) << operand.out << operand.err;
    EXPECT_EQ(operand.out, "") << "--json after -- read as the option";
    EXPECT_THAT(operand.err, HasSubstr("--json")) << operand.err;
  }
  // A command before `--` is the command, in both tools: a word after it is no option.
  EXPECT_EQ(Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--"}).exit_code, 0);
  dir_.Write("-x.yaml",
             test_support::Slurp(std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/keep-sid-fixes-affected-xp.yaml"));
  const Ran dash = Run(FIXUP_SIM_BIN, {"run", "--", "-x.yaml"});
  EXPECT_EQ(dash.exit_code, 0) << dash.out << dash.err;
  EXPECT_THAT(dash.out, HasSubstr("PASS -x.yaml"));
}

}  // namespace
