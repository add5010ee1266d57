// Usage errors of both tools as real processes: an option whose value was forgotten (the next
// word is one of the tool's own options) is refused before anything runs, naming the option; a
// file a command will write that cannot be written (a folder, a missing folder) is refused before
// the work, with the system's reason in words.
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/affected_machine.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

using test_support::kAffectedMachine;

class UsageErrors : public ::testing::Test {
 protected:
  Ran Run(const char* program, const std::vector<std::string>& args) const {
    return test_support::RunProgram({.program = program, .args = args, .cwd = dir_.path()});
  }

  const test_support::TempFolder dir_{"usage_errors_e2e"};
  const std::string machine_ = dir_.Write("m.yaml", kAffectedMachine).string();
};

struct Forgotten {
  const char* program;
  std::vector<std::string> args;
  std::string option;  // the option that lacks its value
  std::string next;    // the option name taken for its value
};

TEST_F(UsageErrors, AValueThatIsAnOptionNameIsAForgottenValue) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml";
  const std::vector<Forgotten> cases = {
      {ASPNET_FIXER_BIN, {"apply", "--temp-password", "--machine", machine_}, "--temp-password", "--machine"},
      {ASPNET_FIXER_BIN, {"apply", "--machine", machine_, "--strategy", "--json"}, "--strategy", "--json"},
      {ASPNET_FIXER_BIN, {"apply", "--machine", machine_, "--out", "--dry-run"}, "--out", "--dry-run"},
      {ASPNET_FIXER_BIN, {"apply", "--machine", "-v"}, "--machine", "-v"},
      {ASPNET_FIXER_BIN, {"capture", "--machine", machine_, "--out", "--help"}, "--out", "--help"},
      {FIXUP_SIM_BIN, {"run", scenario, "--junit", "--html", "r.html"}, "--junit", "--html"},
      {FIXUP_SIM_BIN, {"run", scenario, "--seed", "--json"}, "--seed", "--json"},
      {FIXUP_SIM_BIN, {"explore", "--seconds", "--json"}, "--seconds", "--json"},
      {FIXUP_SIM_BIN, {"explore", "--count", "--out", "x"}, "--count", "--out"},
      {FIXUP_SIM_BIN, {"sweep", scenario, "--case", "--step", "1"}, "--case", "--step"},
      {FIXUP_SIM_BIN, {"compare", scenario, "--answer", "--version"}, "--answer", "--version"},
      // Another subcommand's option is still one of the tool's: `show` has no --junit.
      {FIXUP_SIM_BIN, {"legacy", scenario, "--script", "--junit"}, "--script", "--junit"},
  };
  for (const Forgotten& c : cases) {
    const std::string command = c.args[0] + " " + c.option + " " + c.next;
    const Ran r = Run(c.program, c.args);
    EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.option + ": has no value: the word after it, '" + c.next + "', is an option of"))
        << command;
    EXPECT_THAT(r.err, Not(HasSubstr("is required"))) << command;
    EXPECT_EQ(r.out.find("passed"), std::string::npos) << command << ": it ran\n" << r.out;
    // Nothing written: no file named after the option, the machine as it was.
    EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"}) << command;
    EXPECT_EQ(test_support::Slurp(machine_), kAffectedMachine) << command;
  }
}

// A file option given an empty value (`--out "$UNSET"` in a script) names no file: a usage error
// before anything runs, never read as the option left out. `apply --out ''` rewrote the --machine
// file in place, `capture --out ''` printed to standard output, `run --junit ''` wrote no report
// and exited 0, `legacy --script ''` ran the built-in fixup.cmd; `run --junit= m.yaml s.yaml` wrote
// the report over m.yaml.
TEST_F(UsageErrors, AnEmptyFileNameIsAUsageError) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml";
  const std::string apply = std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/acl-loss-recreate-regrants-each.yaml";
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases = {
      {ASPNET_FIXER_BIN, {"apply", "--machine", machine_, "--out", ""}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", machine_, "--out", "", "--json"}},
      {ASPNET_FIXER_BIN, {"capture", "--machine", machine_, "--out", ""}},
      {ASPNET_FIXER_BIN, {"apply", "--machine", ""}},
      {FIXUP_SIM_BIN, {"run", scenario, "--junit", ""}},
      {FIXUP_SIM_BIN, {"run", scenario, "--html", "", "--json"}},
      {FIXUP_SIM_BIN, {"sweep", apply, "--html", ""}},
      {FIXUP_SIM_BIN, {"compare", apply, "--html", ""}},
      {FIXUP_SIM_BIN, {"compare", apply, "--script", ""}},
      {FIXUP_SIM_BIN, {"legacy", apply, "--script", "", "--answer", "1pass@word"}},
      {FIXUP_SIM_BIN, {"explore", "--count", "1", "--out", ""}},
      // `--out=` is `--out ''`: CLI11 alone took the next word as the value, and wrote over it.
      {ASPNET_FIXER_BIN, {"diagnose", "--out=", "--machine", machine_}},
      {ASPNET_FIXER_BIN, {"apply", "--machine", machine_, "--out="}},
      {FIXUP_SIM_BIN, {"run", "--junit=", machine_, scenario}},
      {FIXUP_SIM_BIN, {"run", scenario, "--html=", machine_, "--json"}},
      // A file argument, not an option: the same refusal, before anything is read.
      {FIXUP_SIM_BIN, {"run", ""}},
      {FIXUP_SIM_BIN, {"run", scenario, "", "--json"}},
      {FIXUP_SIM_BIN, {"sweep", ""}},
      {FIXUP_SIM_BIN, {"show", ""}},
      {FIXUP_SIM_BIN, {"compare", ""}},
      {FIXUP_SIM_BIN, {"legacy", "", "--answer", "1pass@word"}},
  };
  for (const auto& [program, args] : cases) {
    std::string command = fs::path(program).filename().string();
    for (const std::string& a : args) command += " " + (a.empty() ? std::string("''") : a);
    std::ofstream(machine_, std::ios::binary) << kAffectedMachine;  // each case on the machine as written
    const Ran r = Run(program, args);
    EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr(": the file name is empty")) << command;
    if (std::find(args.begin(), args.end(), "--json") != args.end())
      EXPECT_EQ(nlohmann::json::parse(r.out)["exit_code"], 2) << command;
    else
      EXPECT_EQ(r.out, "") << command << ": it ran";
    EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"}) << command;
    EXPECT_EQ(test_support::Slurp(machine_), kAffectedMachine) << command;
  }
}

struct Unwritable {
  const char* program;
  std::vector<std::string> args;
  std::string said;  // on standard error
};

TEST_F(UsageErrors, AnOutputThatCannotBeWrittenIsRefusedBeforeTheWork) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml";
  const std::string apply = std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/acl-loss-recreate-regrants-each.yaml";
  fs::create_directories(dir_ / "folder");
  std::ofstream(dir_ / "file") << "a file\n";
  std::ofstream(dir_ / "kept.out") << "kept\n";
  fs::permissions(dir_ / "kept.out", fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  std::vector<Unwritable> cases;
  // Each output in turn a folder, a read-only file (replaced by root's rename, where Windows
  // refuses to replace a read-only file: 5), and a file in a folder that does not exist: fixup-sim
  // in the system's words, aspnet-fixer in Windows' (the error CreateFile gives there).
  for (const auto& [path, said, windows] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"folder", "folder: cannot be written: Is a directory", "folder: cannot be written: 5: Access is denied."},
           {"kept.out", "kept.out: cannot be written: Permission denied",
            "kept.out: cannot be written: 5: Access is denied."},
           {"missing/r.out", "missing/r.out: cannot create a file beside it: No such file or directory",
            "missing/r.out: cannot create a file beside it: 3: The system cannot find the path specified."}}) {
    cases.push_back({FIXUP_SIM_BIN, {"run", scenario, "--junit", path}, "fixup-sim run: --junit " + said});
    cases.push_back({FIXUP_SIM_BIN, {"run", scenario, "--html", path, "--json"}, "fixup-sim run: --html " + said});
    cases.push_back({FIXUP_SIM_BIN, {"sweep", apply, "--html", path}, "fixup-sim sweep: --html " + said});
    cases.push_back({FIXUP_SIM_BIN, {"compare", apply, "--html", path}, "fixup-sim compare: --html " + said});
    for (const char* verb : {"diagnose", "plan", "apply", "capture"})
      cases.push_back({ASPNET_FIXER_BIN,
                       {verb, "--machine", machine_, "--out", path},
                       "aspnet-fixer " + std::string(verb) + ": " + windows});
  }
  cases.push_back({FIXUP_SIM_BIN,
                   {"explore", "--count", "1", "--out", "file"},
                   "fixup-sim explore: --out file: cannot be a folder: Not a directory"});
  cases.push_back({FIXUP_SIM_BIN,
                   {"explore", "--count", "1", "--out", "file/below", "--json"},
                   "fixup-sim explore: --out file/below: cannot be a folder: Not a directory"});
  if (::geteuid() != 0) {  // root writes in a read-only folder
    fs::create_directories(dir_ / "read-only");
    fs::permissions(dir_ / "read-only", fs::perms::owner_read | fs::perms::owner_exec);
    cases.push_back({FIXUP_SIM_BIN,
                     {"run", scenario, "--junit", "read-only/r.xml"},
                     "--junit read-only/r.xml: cannot create a file beside it: Permission denied"});
    cases.push_back({ASPNET_FIXER_BIN,
                     {"apply", "--machine", machine_, "--out", "read-only/m.yaml"},
                     "aspnet-fixer apply: read-only/m.yaml: cannot create a file beside it: 5: Access is denied."});
  }
  const std::vector<std::string> names = dir_.Names();
  for (const Unwritable& c : cases) {
    std::string command = c.program;
    for (const std::string& a : c.args) command += " " + a;
    const Ran r = Run(c.program, c.args);
    EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.said)) << command;
    // Each tool in its own words: fixup-sim the system's, aspnet-fixer Windows'.
    if (c.program == std::string(FIXUP_SIM_BIN))
      EXPECT_THAT(r.err, Not(HasSubstr("Access is denied"))) << command;
    else
      EXPECT_THAT(r.err, Not(::testing::AnyOf(HasSubstr("Is a directory"), HasSubstr("No such file")))) << command;
    // Before the work: no scenario ran, no diagnosis or summary printed, nothing written.
    const bool json = std::find(c.args.begin(), c.args.end(), "--json") != c.args.end();
    // aspnet-fixer's verbs, and capture with --out (whose standard output is then its report), say a
    // machine not written on standard output too (README.md).
    const bool verb = c.program == std::string(ASPNET_FIXER_BIN);
    if (json)
      EXPECT_EQ(nlohmann::json::parse(r.out)["exit_code"], 2) << command;
    else if (verb)
      EXPECT_EQ(r.out, "Not written: " + c.said.substr(c.said.find(": ") + 2) + "\nNothing was changed.\n") << command;
    else
      EXPECT_EQ(r.out, "") << command;
    EXPECT_EQ(dir_.Names(), names) << command;
    EXPECT_EQ(test_support::Slurp(machine_), kAffectedMachine) << command;
    EXPECT_EQ(test_support::Slurp(dir_ / "kept.out"), "kept\n") << command;
  }
  if (::geteuid() != 0) fs::permissions(dir_ / "read-only", fs::perms::owner_all);
}

// A flag takes no value: `--dry-run=0` was read as no dry run (the machine repaired), `--json=x`
// said "Could not convert: --json = x" as text, `-v=1` "-=1 not expected", `--help=x` printed help.
// Now each is a usage error naming the flag, before anything runs; with --json in any form the one
// JSON object.
TEST_F(UsageErrors, AFlagGivenAValueIsAUsageError) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml";
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases = {
      {ASPNET_FIXER_BIN, {"apply", "--machine", machine_, "--dry-run=0"}},
      {ASPNET_FIXER_BIN, {"apply", "--machine", machine_, "--dry-run=false"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", machine_, "--json=x"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", machine_, "--json=true"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", machine_, "--json="}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", machine_, "-v=1"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", machine_, "--verbose=yes"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", machine_, "--help=x"}},
      {ASPNET_FIXER_BIN, {"--version=1"}},
      {FIXUP_SIM_BIN, {"run", scenario, "--json=x"}},
      {FIXUP_SIM_BIN, {"run", scenario, "--no-invariants=0"}},
      {FIXUP_SIM_BIN, {"run", scenario, "-v=1"}},
      {FIXUP_SIM_BIN, {"matrix", "--json=1"}},
      {FIXUP_SIM_BIN, {"show", machine_, "--json=no"}},
      {FIXUP_SIM_BIN, {"compare", scenario, "--json="}},
      {FIXUP_SIM_BIN, {"explore", "--count", "1", "--no-shrink=1"}},
      {FIXUP_SIM_BIN, {"--version=x"}},
  };
  for (const auto& [program, args] : cases) {
    std::string command = fs::path(program).filename().string();
    for (const std::string& a : args) command += " " + a;
    const std::string& word = *std::find_if(args.begin(), args.end(), [](const std::string& a) {
      return a.starts_with("-") && a.find('=') != std::string::npos;
    });
    const std::string flag = word.substr(0, word.find('='));
    std::ofstream(machine_, std::ios::binary) << kAffectedMachine;  // each case on the machine as written
    const Ran r = Run(program, args);
    EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.err;
    EXPECT_THAT(r.err, HasSubstr(flag + ": takes no value, but was given '" + word.substr(word.find('=') + 1) + "'"))
        << command;
    if (flag == "--json") {
      nlohmann::json j;
      ASSERT_NO_THROW(j = nlohmann::json::parse(r.out)) << command << ": not one JSON object:\n" << r.out;
      EXPECT_EQ(j["exit_code"], 2) << command;
      EXPECT_THAT(j["error"].get<std::string>(), HasSubstr("--json: takes no value")) << command;
    } else {
      EXPECT_TRUE(r.out.empty()) << command << ": it ran";
    }
    EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"}) << command;
    EXPECT_TRUE(test_support::Slurp(machine_) == kAffectedMachine) << command << ": the machine changed";
  }
  // An option's own `=` value is still its value, and a word after `--` no option at all.
  EXPECT_EQ(Run(ASPNET_FIXER_BIN, {"diagnose", "--machine=" + machine_}).exit_code, 0);
}

// Every error of a fixup-sim verb names the program and the verb the same way, whatever found it
// (CLI11, the command, the file loader): `legacy` said its errors bare, `compare` some bare and
// some named, `run` "fixup-sim: no scenario files", CLI11's errors nothing at all.
TEST_F(UsageErrors, EveryErrorOfAVerbNamesTheProgramAndTheVerb) {
  std::ofstream(dir_ / "bad.yaml") << "os: [\n";
  const std::string apply = std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/acl-loss-recreate-regrants-each.yaml";
  fs::create_directories(dir_ / "empty-folder");
  const std::vector<std::vector<std::string>> cases = {
      {"run", "missing.yaml"},
      {"run", "bad.yaml"},
      {"run", "empty-folder"},
      {"run", "bad.yaml", "--seed", "x"},
      {"run", "bad.yaml", "--color", "pink"},
      {"matrix", "--seed", "x"},
      {"matrix", "extra"},
      {"show", "missing.yaml"},
      {"show", "bad.yaml"},
      {"show", "m.yaml", "--format", "xml"},
      {"sweep", apply, "--jobs", "0"},
      {"sweep", apply, "--faults", "3"},
      {"sweep", apply, "--kinds", "foo"},
      {"sweep", apply, "--step", "1"},
      {"sweep", "bad.yaml"},
      {"explore", "--count", "0"},
      {"explore", "--jobs", "-1"},
      {"legacy", "missing.yaml", "--answer", "x"},
      {"legacy", "bad.yaml", "--answer", "x"},
      {"legacy", "m.yaml", "--script", "missing.cmd", "--answer", "x"},
      {"legacy", "empty-folder", "--answer", "x"},
      {"compare", "missing.yaml"},
      {"compare", "m.yaml", "--script", "missing.cmd"},
      {"compare", "m.yaml", "--strategy", "sideways"},
      {"compare", "m.yaml", "--html", "empty-folder"},
  };
  for (const std::vector<std::string>& args : cases) {
    std::string command = "fixup-sim";
    for (const std::string& a : args) command += " " + a;
    const Ran r = Run(FIXUP_SIM_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.out << r.err;
    EXPECT_TRUE(r.err.starts_with("fixup-sim " + args[0] + ": ")) << command << ":\n" << r.err;
    // Each line that says a problem names them (a quoted excerpt and CLI11's hint follow it).
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line.starts_with("    near: ") || line == "Run with --help for more information.") continue;
      EXPECT_TRUE(line.starts_with("fixup-sim " + args[0] + ": ")) << command << ": " << line;
    }
  }
}

// A verb is named when an option comes before it too: `fixup-sim --json run` said "fixup-sim: paths
// is required" and `fixup-sim --json show m.yaml` "fixup-sim: The following argument was not
// expected: --json", as if no verb had been given. A first word of no verb names none.
TEST_F(UsageErrors, AVerbAfterAnOptionIsNamedInItsErrors) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> sim_cases = {
      {{"--json", "run"}, "fixup-sim run: "},
      {{"--json", "show", "m.yaml"}, "fixup-sim show: "},
      {{"--color", "never", "run"}, "fixup-sim run: "},
      {{"--seed", "1", "matrix", "--json"}, "fixup-sim matrix: "},
      {{"frob", "run"}, "fixup-sim: command: frob not in"},
      {{"--bogus", "--", "run"}, "fixup-sim: "},
  };
  for (const auto& [args, said] : sim_cases) {
    const Ran r = Run(FIXUP_SIM_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1];
    EXPECT_TRUE(r.err.starts_with(said)) << args[0] << " " << args[1] << ":\n" << r.err;
  }
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--json", "diagnose"}, {"-v", "plan"}, {"--machine", machine_, "apply", "--bogus"}}) {
    const Ran r = Run(ASPNET_FIXER_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_TRUE(r.err.starts_with("aspnet-fixer " + args[args.size() > 2 ? 2 : 1] + ": ")) << args[0] << ":\n" << r.err;
  }
}

// A number option takes a whole number in its range, written in decimal digits: `--jobs 0x10` ran
// 16 threads, `--jobs ' 2'` 2, `--seconds 0x10` 16 seconds, and `--jobs 1.5` said "Value 1.5 not in
// range 1 to 256".
TEST_F(UsageErrors, ANumberOptionTakesDecimalDigitsInItsRange) {
  const std::string apply = std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/acl-loss-recreate-regrants-each.yaml";
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"sweep", apply, "--jobs", "0"}, "--jobs: '0' is not a whole number from 1 to 256"},
      {{"sweep", apply, "--jobs", "-1"}, "--jobs: '-1' is not a whole number from 1 to 256"},
      {{"sweep", apply, "--jobs", "99999999999"}, "--jobs: '99999999999' is not a whole number from 1 to 256"},
      {{"sweep", apply, "--jobs", "0x10"}, "--jobs: '0x10' is not a whole number from 1 to 256"},
      {{"sweep", apply, "--jobs", " 2"}, "--jobs: ' 2' is not a whole number from 1 to 256"},
      {{"sweep", apply, "--jobs", "1.5"}, "--jobs: '1.5' is not a whole number from 1 to 256"},
      {{"sweep", apply, "--faults", "3"}, "--faults: '3' is not a whole number from 1 to 2"},
      {{"sweep", apply, "--faults", "1e0"}, "--faults: '1e0' is not a whole number from 1 to 2"},
      {{"explore", "--jobs", "257"}, "--jobs: '257' is not a whole number from 1 to 256"},
      {{"explore", "--seconds", "0x10"}, "--seconds: '0x10' is not a number of seconds (0 or more)"},
      {{"explore", "--seconds", " 1"}, "--seconds: ' 1' is not a number of seconds (0 or more)"},
  };
  for (const auto& [args, said] : cases) {
    const Ran r = Run(FIXUP_SIM_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[args.size() - 1] << "\n" << r.out;
    EXPECT_THAT(r.err, HasSubstr("fixup-sim " + args[0] + ": " + said)) << args[args.size() - 1];
    EXPECT_THAT(r.out, Not(HasSubstr("violations"))) << args[args.size() - 1] << ": it ran";
  }
}

// An aspnet-fixer option a verb does not read is refused, not ignored: `rollback --strategy
// recreate` rolled back as its journal said, `diagnose --temp-password -` waited for a line on
// standard input it never used, `capture --dry-run` wrote the capture.
// An option the verb does not read is said to be ignored and has no effect: the verb answers as
// without it (the usage line gives every verb the same options).
TEST_F(UsageErrors, AnOptionTheVerbDoesNotReadIsSaidToBeIgnored) {
  struct Case {
    std::vector<std::string> with, without;
    std::string said;
  };
  const std::vector<Case> cases = {
      {{"rollback", "--strategy", "recreate"},
       {"rollback"},
       "aspnet-fixer rollback: --strategy ignored: only plan, apply read it"},
      {{"resume", "--strategy", "keep-sid"}, {"resume"}, "aspnet-fixer resume: --strategy ignored"},
      {{"diagnose", "--strategy", "recreate"}, {"diagnose"}, "aspnet-fixer diagnose: --strategy ignored"},
      {{"diagnose", "--temp-password", "-"},
       {"diagnose"},
       "aspnet-fixer diagnose: --temp-password ignored: only plan, apply, resume, rollback read it"},
      {{"diagnose", "--temp-password", "Pw-n0t-an-0ption"}, {"diagnose"}, "--temp-password ignored"},
      {{"diagnose", "--dry-run"},
       {"diagnose"},
       "aspnet-fixer diagnose: --dry-run ignored: only apply, resume, rollback read it"},
      {{"plan", "--dry-run"}, {"plan"}, "aspnet-fixer plan: --dry-run ignored"},
  };
  for (const Case& c : cases) {
    auto on_machine = [](std::vector<std::string> args) {
      args.insert(args.begin() + 1, {"--machine", "m.yaml"});
      return args;
    };
    const Ran with = Run(ASPNET_FIXER_BIN, on_machine(c.with));
    const Ran without = Run(ASPNET_FIXER_BIN, on_machine(c.without));
    EXPECT_EQ(with.exit_code, without.exit_code) << c.said << "\n" << with.err;
    EXPECT_EQ(with.out, without.out) << c.said;
    EXPECT_THAT(with.err, HasSubstr(c.said));
    EXPECT_THAT(with.err + with.out, Not(HasSubstr("Pw-n0t-an-0ption")));
    EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"}) << c.said;
    EXPECT_EQ(test_support::Slurp(machine_), kAffectedMachine) << c.said;
  }
  // Each verb that reads them takes them, and says nothing of them.
  const Ran plan = Run(ASPNET_FIXER_BIN, {"plan", "--machine", "m.yaml", "--strategy", "recreate"});
  EXPECT_EQ(plan.exit_code, 0);
  EXPECT_THAT(plan.err, Not(HasSubstr("ignored")));
  EXPECT_EQ(Run(ASPNET_FIXER_BIN, {"rollback", "--machine", "m.yaml", "--dry-run"}).exit_code, 3);
}

// Help names each tool as it was run (help2man makes the man pages from it).
TEST_F(UsageErrors, HelpNamesTheTool) {
  EXPECT_THAT(Run(FIXUP_SIM_BIN, {"--help"}).out, HasSubstr("Usage: fixup-sim [OPTIONS] SUBCOMMAND"));
  EXPECT_THAT(Run(FIXUP_SIM_BIN, {"run", "--help"}).out, HasSubstr("Usage: fixup-sim run [OPTIONS]"));
  EXPECT_THAT(Run(ASPNET_FIXER_BIN, {"--help"}).out, HasSubstr("Usage: aspnet-fixer [OPTIONS] command"));
}

// A word that names no command is named, with the commands there are, as aspnet-fixer names an
// unknown verb; not "A subcommand is required", which is false of a line that gives one.
TEST_F(UsageErrors, AnUnknownCommandIsNamed) {
  const Ran sim = Run(FIXUP_SIM_BIN, {"bogus", "scenarios/"});
  EXPECT_EQ(sim.exit_code, 2);
  EXPECT_THAT(sim.err, HasSubstr("command: bogus not in {run,matrix,show,sweep,legacy,compare,explore}"));
  EXPECT_THAT(sim.err, Not(HasSubstr("A subcommand is required")));
  const Ran json = Run(FIXUP_SIM_BIN, {"bogus", "--json"});
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_THAT(nlohmann::json::parse(json.out)["error"].get<std::string>(), HasSubstr("command: bogus not in"));
  const Ran fixer = Run(ASPNET_FIXER_BIN, {"bogus"});
  EXPECT_EQ(fixer.exit_code, 2);
  EXPECT_THAT(fixer.err, HasSubstr("command: bogus not in {diagnose,plan,apply,resume,rollback,capture}"));
  EXPECT_EQ(Run(FIXUP_SIM_BIN, {}).exit_code, 2);  // no command at all: still a usage error
}

// A value forgotten at the end of the line still names the verb that was given in --json.
TEST_F(UsageErrors, AnErrorAfterTheVerbNamesTheVerb) {
  const Ran r = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--json", "--strategy"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(nlohmann::json::parse(r.out)["command"], "diagnose") << r.out;
}

// --out naming the log beside --machine would leave that file unloadable (its "log" a machine).
TEST_F(UsageErrors, AnOutThatIsTheMachinesLogIsRefused) {
  const Ran r = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--out", "m.yaml.log"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("m.yaml.log: is the log of m.yaml"));
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"});
}

// A report may not be written over a file the command reads (a scenario, or the batch file a
// scenario's `legacy` step runs), nor over the other report: the scenario became the JUnit XML,
// and the batch file the HTML page, exit 0 and 1.
TEST_F(UsageErrors, AReportOverAnInputOrTheOtherReportIsRefused) {
  const std::string source = std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml";
  fs::copy_file(source, dir_ / "s.yaml");
  fs::create_directories(dir_ / "b");
  fs::copy_file(std::string(FIXUP_SOURCE_DIR) + "/scenarios/legacy/fixup.cmd", dir_ / "b" / "edited.cmd");
  std::ofstream(dir_ / "b" / "l.yaml") << "summary: s\nmachine: {os: windows-xp-professional}\nsteps:\n"
                                          "  - legacy: {script: edited.cmd, answer: 1pass@word}\n";
  const std::string text = dir_.Read("s.yaml");
  const std::string script = test_support::Slurp(dir_ / "b" / "edited.cmd");
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"run", "s.yaml", "--junit", "s.yaml"}, "--junit s.yaml is s.yaml, a file it reads"},
      {{"run", ".", "--html", "./s.yaml"}, "--html ./s.yaml is ./s.yaml, a file it reads"},
      {{"run", "s.yaml", "--junit", "r.xml", "--html", "./r.xml"}, "--html ./r.xml is the file --junit writes"},
      {{"compare", "s.yaml", "--html", "s.yaml"}, "--html s.yaml is s.yaml, a file it reads"},
      {{"run", "b/l.yaml", "--html", "b/edited.cmd"}, "--html b/edited.cmd is b/edited.cmd, a file it reads"},
      {{"run", "b", "--junit", "./b/edited.cmd"}, "a file it reads"},
  };
  for (const auto& [args, said] : cases) {
    const Ran r = Run(FIXUP_SIM_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << args[3] << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr(said));
    EXPECT_EQ(dir_.Read("s.yaml"), text);
    EXPECT_EQ(test_support::Slurp(dir_ / "b" / "edited.cmd"), script);
  }
}

// A scenario link in a folder that leads nowhere is a scenario that cannot be read (exit 2),
// not one that is skipped while the run says every scenario passed.
TEST_F(UsageErrors, ALinkToNoScenarioInAFolderIsAnInputError) {
  fs::create_directories(dir_ / "suite");
  fs::copy_file(std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml",
                dir_ / "suite" / "good.yaml");
  fs::create_symlink(dir_ / "suite" / "moved-away.yaml", dir_ / "suite" / "gone.yaml");
  const Ran r = Run(FIXUP_SIM_BIN, {"run", "suite"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("gone.yaml"));
}

// `--json` prints one object everywhere: the matrix's rows are under `rows`.
TEST_F(UsageErrors, MatrixJsonIsOneObject) {
  const Ran r = Run(FIXUP_SIM_BIN, {"matrix", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  ASSERT_TRUE(j.is_object());
  EXPECT_EQ(j["exit_code"], 0);
  EXPECT_FALSE(j["rows"].empty());
}

// `--seconds S` runs at least one case however small S is, 0 included; more than the clock can
// count to from now (1e10 seconds overflowed, ran one case and said 0 violations) is a usage error.
TEST_F(UsageErrors, ExploreForZeroSecondsRunsOneCase) {
  const Ran r = Run(FIXUP_SIM_BIN, {"explore", "--seconds", "0", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(nlohmann::json::parse(r.out)["cases"].get<int>(), 1);
  EXPECT_EQ(Run(FIXUP_SIM_BIN, {"explore", "--seconds", "-1"}).exit_code, 2);
  for (const std::string seconds : {"1e10", "1e300"}) {
    const Ran big = Run(FIXUP_SIM_BIN, {"explore", "--seconds", seconds});
    EXPECT_EQ(big.exit_code, 2) << seconds << ": " << big.out << big.err;
    EXPECT_THAT(big.err, HasSubstr("--seconds: '" + seconds +
                                   "' is more seconds than explore can wait for: at most 1000000000 (about 31 years)"));
    EXPECT_THAT(big.out, Not(HasSubstr("violations")));
  }
}

// A journal the fixer cannot resume or roll back (hand-edited: no plan record first) is an input
// error of every verb at its record, said on standard error and in --json's `error`; it was exit
// 1 for diagnose and plan, and exit 2 with nothing on standard error for the others.
TEST_F(UsageErrors, AJournalTheFixerCannotReadIsAnInputErrorAtItsRecord) {
  const std::string text = std::string(kAffectedMachine) +
                           "journal:\n  - {seq: 1, step: stop-services, phase: begin, data: {services: W3SVC}}\n";
  std::ofstream(machine_, std::ios::binary) << text;
  const std::string said =
      "m.yaml:7:5: journal record 1: not a journal aspnet-fixer can resume or roll back: it does not start with its "
      "plan";
  for (const char* verb : {"diagnose", "plan", "apply", "resume", "rollback"}) {
    for (const bool json : {false, true}) {
      std::vector<std::string> args = {verb, "--machine", "m.yaml"};
      if (json) args.push_back("--json");
      const Ran r = Run(ASPNET_FIXER_BIN, args);
      EXPECT_EQ(r.exit_code, 2) << verb << "\n" << r.out << r.err;
      EXPECT_THAT(r.err, HasSubstr(said)) << verb;
      if (json) {
        EXPECT_THAT(nlohmann::json::parse(r.out)["error"].get<std::string>(), HasSubstr(said)) << verb;
      }
      EXPECT_EQ(test_support::Slurp(machine_), text) << verb;
    }
  }
}

// A machine that cannot be written when the verb ends (the disk full: a device that says so) is
// said on standard error too, and in --json as `error` beside `not_written`.
TEST_F(UsageErrors, AMachineThatCouldNotBeWrittenIsSaidOnStandardError) {
  const fs::path full = dir_ / "full";
  if (::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) GTEST_SKIP() << "cannot make a device node here";
  for (const bool json : {false, true}) {
    // plan: a verb that changes nothing writes into a device (a changing one refuses any device).
    std::vector<std::string> args = {"plan", "--machine", "m.yaml", "--out", "full"};
    if (json) args.push_back("--json");
    const Ran r = Run(ASPNET_FIXER_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr("full: cannot write: 112: There is not enough space on the disk")) << r.out;
    if (json) {
      const nlohmann::json j = nlohmann::json::parse(r.out);
      EXPECT_THAT(j["error"].get<std::string>(),
                  HasSubstr("full: cannot write: 112: There is not enough space on the disk"));
      EXPECT_EQ(j["error"], j["not_written"]);
    }
    EXPECT_EQ(test_support::Slurp(machine_), kAffectedMachine);
  }
}

// Every error of a command run with --json, in either tool: exactly one JSON object on standard
// output with `error` (a string, also said on standard error) and `exit_code` (the exit code).
TEST_F(UsageErrors, WithJsonEveryErrorIsOneObjectWithErrorAndExitCode) {
  const std::string apply = std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/acl-loss-recreate-regrants-each.yaml";
  std::ofstream(dir_ / "bad.yaml") << "os: [\n";
  std::ofstream(dir_ / "m.yaml.log") << "notes, not a machine log";
  fs::create_directories(dir_ / "folder");
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases = {
      {FIXUP_SIM_BIN, {"run", "bad.yaml", "--json"}},
      {FIXUP_SIM_BIN, {"run", "no-such-folder/", "--json"}},
      {FIXUP_SIM_BIN, {"run", "--json"}},
      {FIXUP_SIM_BIN, {"run", apply, "--json", "--junit", "folder"}},
      {FIXUP_SIM_BIN, {"bogus", "--json"}},
      {FIXUP_SIM_BIN, {"show", "bad.yaml", "--json"}},
      {FIXUP_SIM_BIN, {"show", "m.yaml", "--json"}},
      {FIXUP_SIM_BIN, {"compare", "bad.yaml", "--json"}},
      {FIXUP_SIM_BIN, {"compare", apply, "--json", "--strategy", "sideways"}},
      {FIXUP_SIM_BIN, {"compare", apply, "--json", "--html", "folder"}},
      {FIXUP_SIM_BIN, {"explore", "--count", "0", "--json"}},
      {FIXUP_SIM_BIN, {"explore", "--json", "--out", "m.yaml"}},
      {FIXUP_SIM_BIN, {"matrix", "--json", "--seed", "x"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--json"}},
      {ASPNET_FIXER_BIN, {"bogus", "--json"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", "bad.yaml", "--json"}},
      {ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--json"}},  // the log beside it is no log
      {ASPNET_FIXER_BIN, {"plan", "--machine", "bad.yaml", "--out", "folder", "--json"}},
      {ASPNET_FIXER_BIN, {"capture", "--machine", "bad.yaml", "--json"}},
      {ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--json", "--strategy", "sideways"}},
  };
  for (const auto& [program, args] : cases) {
    std::string command = fs::path(program).filename().string();
    for (const std::string& a : args) command += " " + a;
    const Ran r = Run(program, args);
    EXPECT_NE(r.exit_code, 0) << command;
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(r.out)) << command << ": not one JSON object:\n" << r.out;
    ASSERT_TRUE(j.is_object()) << command;
    ASSERT_TRUE(j.contains("error") && j["error"].is_string()) << command << "\n" << r.out;
    ASSERT_TRUE(j.contains("exit_code") && j["exit_code"].is_number_integer()) << command << "\n" << r.out;
    EXPECT_EQ(j["exit_code"], r.exit_code) << command;
    // One rule in both tools (docs/json-reports.md): `error` is the message alone; standard error
    // says it after the program and the verb, which are for a person reading it.
    const std::string error = j["error"].get<std::string>();
    const std::string program_name = fs::path(program).filename().string();
    EXPECT_NE(error.rfind(program_name, 0), 0u) << command << ": " << error;
    const std::string verb = args[0] == "bogus" ? "" : " " + args[0];
    EXPECT_THAT(r.err, HasSubstr(program_name + verb + ": " + error.substr(0, 40))) << command;
    if (program == std::string(ASPNET_FIXER_BIN)) {  // its extra keys, as README.md says
      EXPECT_TRUE(j.contains("command") && j.contains("outcome")) << command << "\n" << r.out;
    }
  }
}

// A file name or an option value that is not UTF-8 (a Latin-1 name typed on a terminal) is said
// back in the JSON object as \xNN: it neither aborts the tool nor breaks the one object --json promises.
TEST_F(UsageErrors, WithJsonTextThatIsNotUtf8IsShownEscaped) {
  const std::string latin1 = "caf\xe9";  // "café" in Latin-1
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases = {
      {FIXUP_SIM_BIN, {"run", latin1 + ".yaml", "--json"}},
      {FIXUP_SIM_BIN, {"run", "m.yaml", "--junit", latin1 + "/r.xml", "--json"}},
      {FIXUP_SIM_BIN, {"show", latin1 + ".yaml", "--json"}},
      {FIXUP_SIM_BIN, {"compare", latin1 + ".yaml", "--json"}},
      {FIXUP_SIM_BIN, {"explore", "--count", "1", "--out", "m.yaml/" + latin1, "--json"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", latin1 + ".yaml", "--json"}},
      {ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--strategy", latin1, "--json"}},
      {ASPNET_FIXER_BIN, {latin1, "--machine", "m.yaml", "--json"}},
      {ASPNET_FIXER_BIN, {"capture", "--machine", "m.yaml", "--out", latin1 + "/c.json", "--json"}},
  };
  for (const auto& [program, args] : cases) {
    std::string command = fs::path(program).filename().string();
    for (const std::string& a : args) command += " " + a;
    const Ran r = Run(program, args);
    EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.err;
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(r.out)) << command << ": not one JSON object:\n" << r.out << r.err;
    EXPECT_EQ(j["exit_code"], 2) << command;
    EXPECT_THAT(j["error"].get<std::string>(), HasSubstr("caf\\xe9")) << command;
  }
  EXPECT_EQ(test_support::Slurp(machine_), kAffectedMachine);
}

// A number option past what it holds (2^64 - 1) is a usage error naming the range, never read as
// another number: the same seed must give the same cases.
TEST_F(UsageErrors, ANumberPastItsRangeIsAUsageError) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml";
  const std::string past = "18446744073709551616";  // 2^64
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"run", scenario, "--seed", past},
       "--seed: '" + past + "' is not a whole number from 0 to 18446744073709551615"},
      {{"run", scenario, "--seed", "99999999999999999999999", "--json"}, "--seed: '99999999999999999999999' is not"},
      {{"matrix", "--seed", past}, "--seed: '" + past + "' is not a whole number from 0 to"},
      {{"explore", "--seed", past, "--count", "1"}, "--seed: '" + past + "' is not a whole number from 0 to"},
      {{"explore", "--case", past}, "--case: '" + past + "' is not a whole number from 0 to"},
      {{"explore", "--count", past}, "--count: '" + past + "' is not a whole number from 1 to 18446744073709551615"},
      {{"sweep", scenario, "--step", past, "--case", "crash@1"},
       "--step: '" + past + "' is not a whole number from 1 to"},
  };
  for (const auto& [args, said] : cases) {
    const Ran r = Run(FIXUP_SIM_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[2] << "\n" << r.out;
    EXPECT_THAT(r.err, HasSubstr(said)) << args[0];
    EXPECT_EQ(r.out.find("PASS"), std::string::npos) << args[0] << ": it ran\n" << r.out;
  }
  // The largest seed is a seed.
  EXPECT_EQ(Run(FIXUP_SIM_BIN, {"run", scenario, "--seed", "18446744073709551615"}).exit_code, 0);
}

// `sweep --step K` and `--case C` name one case together; either alone is a usage error, never a
// whole sweep run as if it were the replay asked for.
TEST_F(UsageErrors, SweepStepAndCaseComeTogether) {
  const std::string apply = std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/acl-loss-recreate-regrants-each.yaml";
  const Ran step = Run(FIXUP_SIM_BIN, {"sweep", apply, "--step", "999"});
  EXPECT_EQ(step.exit_code, 2) << step.out;
  EXPECT_THAT(step.err, HasSubstr("fixup-sim sweep: --step needs --case"));
  EXPECT_EQ(step.out, "");
  const Ran only_case = Run(FIXUP_SIM_BIN, {"sweep", apply, "--case", "fail@1=5"});
  EXPECT_EQ(only_case.exit_code, 2) << only_case.out;
  EXPECT_THAT(only_case.err, HasSubstr("fixup-sim sweep: --case needs --step"));
}

// GoogleTest's sharding variables, as GoogleTest reads them: both or neither, whole numbers, the
// index below the total. Anything else is a usage error before any case runs, never a run of a
// part of the cases (or of all of them) that ends "0 violations".
TEST_F(UsageErrors, ShardingVariablesThatMakeNoSenseAreAUsageError) {
  const std::string apply = std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/acl-loss-recreate-regrants-each.yaml";
  struct Bad {
    std::vector<std::pair<std::string, std::string>> set;
    std::string said;
  };
  const std::vector<Bad> cases = {
      {{{"GTEST_TOTAL_SHARDS", "-1"}, {"GTEST_SHARD_INDEX", "0"}}, "GTEST_TOTAL_SHARDS: '-1' is not a whole number"},
      {{{"GTEST_TOTAL_SHARDS", "99999999999999999999"}, {"GTEST_SHARD_INDEX", "0"}},
       "GTEST_TOTAL_SHARDS: '99999999999999999999' is not a whole number"},
      {{{"GTEST_TOTAL_SHARDS", "2"}, {"GTEST_SHARD_INDEX", "x"}}, "GTEST_SHARD_INDEX: 'x' is not a whole number"},
      {{{"GTEST_TOTAL_SHARDS", ""}, {"GTEST_SHARD_INDEX", "0"}}, "GTEST_TOTAL_SHARDS: '' is not a whole number"},
      {{{"GTEST_TOTAL_SHARDS", "2"}, {"GTEST_SHARD_INDEX", "2"}},
       "GTEST_SHARD_INDEX=2 is not below GTEST_TOTAL_SHARDS=2"},
      {{{"GTEST_TOTAL_SHARDS", "0"}, {"GTEST_SHARD_INDEX", "0"}},
       "GTEST_SHARD_INDEX=0 is not below GTEST_TOTAL_SHARDS=0"},
      {{{"GTEST_TOTAL_SHARDS", "2"}}, "GTEST_TOTAL_SHARDS is set but GTEST_SHARD_INDEX is not: set both, or neither"},
      {{{"GTEST_SHARD_INDEX", "1"}}, "GTEST_SHARD_INDEX is set but GTEST_TOTAL_SHARDS is not: set both, or neither"},
  };
  for (const Bad& c : cases) {
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"sweep", apply}, {"explore", "--count", "4", "--out", "shrunk", "--json"}}) {
      const Ran r = test_support::RunProgram({.program = FIXUP_SIM_BIN,
                                              .args = args,
                                              .cwd = dir_.path(),
                                              .unset = {"GTEST_TOTAL_SHARDS", "GTEST_SHARD_INDEX"},
                                              .set = c.set});
      EXPECT_EQ(r.exit_code, 2) << args[0] << " " << c.said << "\n" << r.out;
      EXPECT_THAT(r.err, HasSubstr("fixup-sim " + args[0] + ": " + c.said)) << args[0];
      EXPECT_THAT(r.out, Not(HasSubstr("violations"))) << args[0];
      EXPECT_FALSE(fs::exists(dir_ / "shrunk")) << "explore made its folder before the usage error";
    }
  }
  // A consistent pair shards; one shard of one is the whole run.
  const Ran one = test_support::RunProgram({.program = FIXUP_SIM_BIN,
                                            .args = {"sweep", apply},
                                            .set = {{"GTEST_TOTAL_SHARDS", "1"}, {"GTEST_SHARD_INDEX", "0"}}});
  EXPECT_EQ(one.exit_code, 0) << one.err;
}

// A password that is no option name is never said back, whatever else is wrong.
TEST_F(UsageErrors, APasswordInAUsageErrorIsNeverEchoed) {
  const std::string password = "Pw-n0t-an-0ption";
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"apply", "--machine", machine_, "--temp-password", password, "--bogus"},
           {"apply", "--machine", machine_, "--temp-password", password, "--strategy", "sideways"},
           {"apply", "--temp-password", password, "--json"},
           {"apply", "--machine", machine_, "--temp-password", password, "--strategy", "--json"}}) {
    const Ran r = Run(ASPNET_FIXER_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(r.err.find(password), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find(password), std::string::npos) << r.out;
  }
}

// A password with an unquoted space is two words; CLI11 quoted the second in its error, on
// standard error and in --json. Neither half is ever said.
TEST_F(UsageErrors, APasswordSplitInTwoWordsIsNeverSaid) {
  for (const bool json : {false, true}) {
    std::vector<std::string> args = {"apply", "--machine", "m.yaml", "--temp-password", "Pw1Secret!a", "Pw2Secret!b"};
    if (json) args.push_back("--json");
    const Ran r = Run(ASPNET_FIXER_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_THAT(r.err + r.out, HasSubstr("'********' was not expected"));
    EXPECT_THAT(r.err + r.out, Not(HasSubstr("Secret!")));
  }
}

// Only a regular file is read as a machine, its log or a scenario: /dev/zero filled memory until
// the process was killed, and a FIFO without a writer blocked forever. Now exit 2 at once;
// aspnet-fixer says it as every file error, in Windows' words (it said no Windows error).
TEST_F(UsageErrors, ADeviceOrAFifoIsNoInputFile) {
  ASSERT_EQ(::mkfifo((dir_ / "fifo.yaml").c_str(), 0600), 0);
  const std::string windows_words = "1920: The file cannot be accessed by the system. (not a regular file";
  for (const char* machine : {"/dev/zero", "fifo.yaml"}) {
    const Ran r = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", machine});
    EXPECT_EQ(r.exit_code, 2) << machine << r.err;
    EXPECT_THAT(r.err, HasSubstr("cannot read machine state file: " + windows_words)) << machine;
  }
  fs::create_symlink("/dev/zero", dir_ / "m.yaml.log");
  EXPECT_THAT(Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml"}).err,
              HasSubstr("cannot read machine log: " + windows_words));
  const Ran run = Run(FIXUP_SIM_BIN, {"run", "fifo.yaml"});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.err, HasSubstr("fifo.yaml: cannot open the file: not a regular file"));
}

// --out as a link to the machine's log, not yet made: weakly_canonical stopped at the dangling
// link, so the check passed and the machine's log became a machine file (the machine then no
// longer loaded, for every verb). The last link is followed too now.
TEST_F(UsageErrors, AnOutLinkedToTheMachinesLogIsRefused) {
  fs::create_symlink("m.yaml.log", dir_ / "out.yaml");
  const Ran r = Run(ASPNET_FIXER_BIN, {"plan", "--machine", "m.yaml", "--out", "out.yaml"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("is the log of m.yaml"));
  EXPECT_FALSE(fs::exists(dir_ / "m.yaml.log"));
  EXPECT_NE(Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml"}).exit_code, 2);  // it still loads
}

// A run that changes the machine keeps it durable as --out and --out.log as it goes: into a device
// or a pipe it ended "interrupted" (exit 4) with nothing to resume, or made /dev/null.log. Refused
// before any change now (exit 2); a verb that changes nothing still writes into a device. Said as
// every other path aspnet-fixer cannot write: the file, the step, Windows' error and text (1920,
// as for a device given as --machine), then why; and fixup-sim's folder it writes into in the
// system's words, as its other refusals of a path.
TEST_F(UsageErrors, AChangingRunRefusesADeviceAsOut) {
  const std::string before = test_support::Slurp(machine_);
  ASSERT_EQ(::mkfifo((dir_ / "fifo.yaml").c_str(), 0600), 0);
  for (const std::string out : {"/dev/null", "fifo.yaml"}) {
    for (const bool json : {false, true}) {
      std::vector<std::string> args = {"apply", "--machine", "m.yaml", "--out", out};
      if (json) args.push_back("--json");
      const Ran r = Run(ASPNET_FIXER_BIN, args);
      EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
      const std::string said =
          out + ": cannot be written: 1920: The file cannot be accessed by the system. (not a regular file";
      EXPECT_THAT(r.err, HasSubstr("aspnet-fixer apply: " + said)) << out;
      if (json) {
        EXPECT_THAT(nlohmann::json::parse(r.out).value("error", ""), testing::StartsWith(said)) << r.out;
      }
    }
  }
  EXPECT_FALSE(fs::exists("/dev/null.log"));
  EXPECT_FALSE(fs::exists(dir_ / "fifo.yaml.log"));
  EXPECT_EQ(test_support::Slurp(machine_), before);
  EXPECT_EQ(Run(ASPNET_FIXER_BIN, {"plan", "--machine", "m.yaml", "--out", "/dev/null"}).exit_code, 0);
  const Ran explore = Run(FIXUP_SIM_BIN, {"explore", "--count", "1", "--out", "/dev/null"});
  EXPECT_EQ(explore.exit_code, 2) << explore.out << explore.err;
  EXPECT_THAT(explore.err, HasSubstr("fixup-sim explore: --out /dev/null: cannot be a folder: Not a directory"));
}

// Saving --out FILE removes FILE.log (the file is then the whole machine): a FILE.log the tool did
// not write was removed too, by any verb. Refused now, the file kept.
TEST_F(UsageErrors, AnOutWhoseLogIsSomeoneElsesFileIsRefused) {
  std::ofstream(dir_ / "report.yaml.log") << "my notes\n";
  const Ran r = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--out", "report.yaml"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("which is not a machine log"));
  EXPECT_EQ(dir_.Read("report.yaml.log"), "my notes\n");
  EXPECT_FALSE(fs::exists(dir_ / "report.yaml"));
}

}  // namespace

// Symbolic links that loop lead to no file: an output named by one was written "to the last name
// reached", the link there replaced by a regular file (capture, plan --out, run --junit: exit 0).
// Refused before any work now, in each tool's words, and the links stay.
TEST(OutputLinks, LinksThatLoopAreRefusedAndStayLinks) {
  const test_support::TempFolder dir("usage_errors_e2e");
  dir.Write("m.yaml", kAffectedMachine);
  fs::create_symlink("b.out", dir / "a.out");
  fs::create_symlink("a.out", dir / "b.out");
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/keep-sid-fixes-affected-xp.yaml";
  struct Line {
    const char* program;
    std::vector<std::string> args;
    std::string said;
  };
  for (const Line& line : std::vector<Line>{
           {ASPNET_FIXER_BIN,
            {"capture", "--machine", "m.yaml", "--out", "a.out"},
            "aspnet-fixer capture: a.out: cannot be written: 1921: The name of the file cannot be resolved by the "
            "system."},
           {ASPNET_FIXER_BIN, {"plan", "--machine", "m.yaml", "--out", "a.out"}, "aspnet-fixer plan: a.out: cannot be"},
           {FIXUP_SIM_BIN,
            {"run", scenario, "--junit", "a.out"},
            "fixup-sim run: --junit a.out: cannot be written: Too many levels of symbolic links"}}) {
    const Ran r = test_support::RunProgram({.program = line.program, .args = line.args, .cwd = dir.path()});
    EXPECT_EQ(r.exit_code, 2) << line.said << "\n" << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr(line.said));
    EXPECT_TRUE(fs::is_symlink(dir / "a.out") && fs::is_symlink(dir / "b.out")) << line.said;
  }
  EXPECT_EQ(dir.Read("m.yaml"), kAffectedMachine);
}
