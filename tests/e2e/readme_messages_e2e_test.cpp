// The usage errors README.md quotes are what the tools print: each quoted message is run and
// found on standard error, and found in README.md (its lines joined, as a reader reads it). An
// example went stale (`--jobs: Value 0 not in range 1 to 256`, CLI11's old wording) while the
// tool said another thing; a change of either now fails here.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/affected_machine.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;

// README.md with every run of whitespace (a line break, an indent) one space.
std::string ReadmeAsRead() {
  const std::string text = test_support::Slurp(std::string(FIXUP_SOURCE_DIR) + "/README.md");
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && !out.empty() && out.back() == ' ') continue;
    out += space ? ' ' : c;
  }
  return out;
}

struct Quoted {
  const char* program;
  std::vector<std::string> args;
  std::string said;  // as README.md quotes it, between backquotes
  int exit_code = 2;
};

TEST(ReadmeMessages, EveryQuotedUsageErrorIsWhatTheToolSays) {
  const test_support::TempFolder dir("readme_messages_e2e");
  dir.Write("m.yaml", test_support::kAffectedMachine);
  const std::string readme = ReadmeAsRead();
  const std::vector<Quoted> quoted = {
      {FIXUP_SIM_BIN, {"sweep", "--jobs", "0"}, "fixup-sim sweep: --jobs: '0' is not a whole number from 1 to 256"},
      {FIXUP_SIM_BIN, {"sweep", "--jobs", "0x10"}, "--jobs: '0x10' is not a whole number from 1 to 256"},
      {FIXUP_SIM_BIN,
       {"sweep", std::string(FIXUP_SOURCE_DIR) + "/scenarios/support/second-apply-is-a-no-op.yaml", "--step", "2",
        "--case", "fail@1=99999"},
       "fail@1=99999: call 1 (journal.append plan begin) cannot fail with 99999; the errors it can give: 112, 5"},
      {ASPNET_FIXER_BIN, {"plan"}, "aspnet-fixer plan: give --machine FILE: the machine state file (YAML) to work on"},
      {FIXUP_SIM_BIN, {"run"}, "fixup-sim run: give at least one scenario file or folder"},
      {ASPNET_FIXER_BIN,
       {"apply", "--temp-password", "--machine", "m.yaml"},
       "--temp-password: has no value: the word after it, '--machine', is an option of aspnet-fixer"},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--out", ""}, "--out: the file name is empty"},
      {ASPNET_FIXER_BIN,
       {"apply", "--machine", "m.yaml", "--dry-run=0"},
       "--dry-run: takes no value, but was given '0'"},
      {ASPNET_FIXER_BIN,
       {"--dry-run=0", "apply", "--machine", "m.yaml"},
       "aspnet-fixer apply: --dry-run: takes no value"},
      {ASPNET_FIXER_BIN,
       {"--machine", "m.yaml", "--", "apply"},
       "command: 'apply' comes after '--', which ends the options and the command: name it first"},
      {ASPNET_FIXER_BIN, {"bogus", "apply"}, "aspnet-fixer: command: bogus not in"},
      {FIXUP_SIM_BIN,
       {"show", "m.yaml", "y", "z"},
       "fixup-sim show: 'y' and 'z' were not expected: show takes 1 argument"},
      {FIXUP_SIM_BIN, {"run", "m.yaml", "--bogus"}, "--bogus: not an option of fixup-sim run"},
      {ASPNET_FIXER_BIN, {"apply", "-x"}, "-x: not an option of aspnet-fixer apply"},
      {FIXUP_SIM_BIN, {"--json", "run"}, "--json: an option of run, given before it: write it after run"},
      {FIXUP_SIM_BIN, {"run", "m.yaml", "--junit"}, "--junit: has no value: nothing follows it"},
      {FIXUP_SIM_BIN,
       {"run", "m.yaml", "--junit", "--"},
       "--junit: has no value: the word after it, '--', ends the options"},
      {FIXUP_SIM_BIN, {"matrix", "--seed", "1", "--seed", "2"}, "--seed: given 2 times: give it once"},
      {FIXUP_SIM_BIN, {}, "fixup-sim: give a command: run, matrix, show, sweep, legacy, compare or explore"},
      {ASPNET_FIXER_BIN,
       {"apply", "--machine", "m.yaml", "--out", "out/m.yaml"},
       "aspnet-fixer apply: out/m.yaml: cannot create a file beside it: 3: The system cannot find the path specified."},
      // An ignored option is said and the verb answers as without it (no journal: exit 3).
      {ASPNET_FIXER_BIN,
       {"rollback", "--machine", "m.yaml", "--strategy", "keep-sid"},
       "aspnet-fixer rollback: --strategy ignored: only plan, apply read it",
       3},
  };
  for (const Quoted& q : quoted) {
    EXPECT_THAT(readme, HasSubstr("`" + q.said)) << "README.md no longer quotes: " << q.said;
    const Ran r = test_support::RunProgram({.program = q.program, .args = q.args, .cwd = dir.path()});
    EXPECT_EQ(r.exit_code, q.exit_code) << q.said << "\n" << r.err;
    EXPECT_THAT(r.err, HasSubstr(q.said)) << "the tool no longer says it";
  }
}

}  // namespace
