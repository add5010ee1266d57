// Every verb of both tools, given each mistake a command line can hold (a word too many, a value
// left off at the end, `--` where a value goes, an option given twice, an option it does not have,
// words after `--`), says it in the tools' own words (app/parse_errors.h): the option or the words
// named, in the order they were typed, exit 2, nothing run or written. CLI11's own phrases reached
// users: "The following arguments were not expected: z y" (the words last first, `--` among them),
// "--junit: 1 required TEXT:FILE missing", "--seed: At Most 1 required but received 2", "A
// subcommand is required"; and `run --junit --` wrote its report to a file named `--`.
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
using ::testing::Not;

// A verb's command line that runs, and the mistakes made on it.
struct Verb {
  const char* program;
  std::vector<std::string> line;  // the verb and what it needs
  std::string option;             // an option of the verb that takes one value
  std::string value;              // a value it takes
  std::string takes;              // "show takes 1 argument": what a word too many is told
};

std::vector<Verb> Verbs() {
  const std::string apply = std::string(FIXUP_SOURCE_DIR) + "/scenarios/fixer/acl-loss-recreate-regrants-each.yaml";
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml";
  std::vector<Verb> verbs = {
      {FIXUP_SIM_BIN, {"run", scenario}, "--seed", "7", ""},
      {FIXUP_SIM_BIN, {"matrix"}, "--seed", "7", "matrix takes no arguments"},
      {FIXUP_SIM_BIN, {"show", "m.yaml"}, "--format", "yaml", "show takes 1 argument"},
      {FIXUP_SIM_BIN, {"sweep", apply}, "--jobs", "1", ""},
      {FIXUP_SIM_BIN, {"legacy", apply, "--answer", "1pass@word"}, "--script", "x.cmd", "legacy takes 1 argument"},
      {FIXUP_SIM_BIN, {"compare", apply}, "--strategy", "recreate", "compare takes 1 argument"},
      {FIXUP_SIM_BIN, {"explore", "--count", "1"}, "--seed", "7", "explore takes no arguments"},
      {FIXUP_SIM_BIN, {"run", scenario}, "--junit", "r.xml", ""},
  };
  for (const char* verb : {"diagnose", "plan", "apply", "resume", "rollback", "capture"}) {
    const std::string takes = std::string(verb) + " takes no arguments";
    verbs.push_back({ASPNET_FIXER_BIN, {verb, "--machine", "m.yaml"}, "--out", "o.yaml", takes});
    verbs.push_back({ASPNET_FIXER_BIN, {verb, "--machine", "m.yaml"}, "--strategy", "keep-sid", takes});
  }
  verbs.push_back({ASPNET_FIXER_BIN, {"apply", "--out", "o.yaml"}, "--machine", "m.yaml", "apply takes no arguments"});
  return verbs;
}

struct Mistake {
  std::vector<std::string> args;
  std::string said;  // after "PROGRAM VERB: "
};

std::vector<std::string> With(std::vector<std::string> line, const std::vector<std::string>& more) {
  line.insert(line.end(), more.begin(), more.end());
  return line;
}

std::vector<Mistake> MistakesOn(const Verb& v) {
  const std::string tool = std::string(v.program) == FIXUP_SIM_BIN ? "fixup-sim" : "aspnet-fixer";
  const std::string command = tool + " " + v.line[0];
  std::vector<Mistake> m = {
      {With(v.line, {v.option}), v.option + ": has no value: nothing follows it"},
      {With(v.line, {v.option, "--"}), v.option + ": has no value: the word after it, '--', ends the options"},
      {With(v.line, {v.option, v.value, v.option, v.value}), v.option + ": given 2 times: give it once"},
      {With(v.line, {"--bogus"}), "--bogus: not an option of " + command},
      {With(v.line, {"--bogus", "y"}), "--bogus: not an option of " + command},
  };
  if (!v.takes.empty()) {  // run and sweep take any number of files
    // A word after a password option's value may be the password's second half: masked, however short.
    const bool after_secret = v.line.size() >= 2 && (v.line[v.line.size() - 2] == "--answer" ||
                                                     v.line[v.line.size() - 2] == "--temp-password");
    const std::string y = after_secret ? "'********'" : "'y'", z = after_secret ? "'********'" : "'z'";
    m.push_back({With(v.line, {"y"}), y + " was not expected: " + v.takes});
    m.push_back({With(v.line, {"y", "z"}), y + " and " + z + " were not expected: " + v.takes});
    m.push_back({With(v.line, {"y", "z", "--"}), y + " and " + z + " were not expected: " + v.takes});
    m.push_back({With(v.line, {"--", "y", "z", "w"}), "'y', 'z' and 'w' were not expected: " + v.takes});
    m.push_back({With(v.line, {"--", "--json"}), "'--json' was not expected: " + v.takes});
  }
  return m;
}

TEST(ParseErrors, EveryMistakeOnEveryVerbIsSaidInTheToolsWords) {
  const test_support::TempFolder dir("parse_errors_e2e");
  const std::string machine = dir.Write("m.yaml", test_support::kAffectedMachine).string();
  for (const Verb& v : Verbs()) {
    for (const Mistake& m : MistakesOn(v)) {
      const std::string tool = std::string(v.program) == FIXUP_SIM_BIN ? "fixup-sim" : "aspnet-fixer";
      std::string command = tool;
      for (const std::string& a : m.args) command += " " + a;
      const Ran r = test_support::RunProgram({.program = v.program, .args = m.args, .cwd = dir.path()});
      EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.out << r.err;
      EXPECT_EQ(r.err, tool + " " + m.args[0] + ": " + m.said + "\nRun with --help for more information.\n") << command;
      for (const char* cli11 : {"following argument", "required but received", "required TEXT", "A subcommand"})
        EXPECT_THAT(r.err, Not(HasSubstr(cli11))) << command;
      EXPECT_THAT(r.err, Not(HasSubstr("1pass@word"))) << command;
      EXPECT_EQ(r.out, "") << command << ": it ran";
      EXPECT_EQ(dir.Names(), std::vector<std::string>{"m.yaml"}) << command << ": it wrote a file";
      EXPECT_EQ(test_support::Slurp(machine), test_support::kAffectedMachine) << command;
    }
  }
}

// With --json the message is the one JSON object's `error`, the same words.
TEST(ParseErrors, WithJsonTheWordsAreTheError) {
  const test_support::TempFolder dir("parse_errors_e2e");
  dir.Write("m.yaml", test_support::kAffectedMachine);
  const std::vector<std::pair<const char*, std::vector<std::string>>> lines = {
      {FIXUP_SIM_BIN, {"show", "m.yaml", "--json", "y", "z"}},
      {FIXUP_SIM_BIN, {"matrix", "--json", "--seed", "1", "--seed", "2"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--json", "--", "y", "z"}},
      {ASPNET_FIXER_BIN, {"plan", "--json", "--machine"}},
  };
  const std::vector<std::string> said = {
      "'y' and 'z' were not expected: show takes 1 argument",
      "--seed: given 2 times: give it once",
      "'y' and 'z' were not expected: diagnose takes no arguments",
      "--machine: has no value: nothing follows it",
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const Ran r = test_support::RunProgram({.program = lines[i].first, .args = lines[i].second, .cwd = dir.path()});
    EXPECT_EQ(r.exit_code, 2) << said[i];
    nlohmann::json j;
    ASSERT_NO_THROW(j = nlohmann::json::parse(r.out)) << said[i] << "\n" << r.out;
    EXPECT_EQ(j["error"], said[i]);
    EXPECT_EQ(j["exit_code"], 2);
  }
}

// A flag given twice is said as an option with a value given twice is (CLI11 kept a bool flag's
// last and said nothing), with --json in the one JSON object; a command's option on a line that
// names no command asks for the command, as no words at all do.
TEST(ParseErrors, AFlagGivenTwiceAndAnOptionWithoutACommandAreSaid) {
  const test_support::TempFolder dir("parse_errors_e2e");
  dir.Write("m.yaml", test_support::kAffectedMachine);
  const std::vector<std::pair<const char*, std::vector<std::string>>> lines = {
      {FIXUP_SIM_BIN, {"matrix", "--json", "--json"}},
      {FIXUP_SIM_BIN, {"run", "x.yaml", "-v", "--verbose"}},
      {ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--dry-run", "--dry-run"}},
      {ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--json", "--json"}},
  };
  const std::vector<std::string> said = {
      "--json: given 2 times: give it once", "-v and --verbose: given 2 times: give it once",
      "--dry-run: given 2 times: give it once", "--json: given 2 times: give it once"};
  for (size_t i = 0; i < lines.size(); ++i) {
    const Ran r = test_support::RunProgram({.program = lines[i].first, .args = lines[i].second, .cwd = dir.path()});
    EXPECT_EQ(r.exit_code, 2) << said[i];
    EXPECT_THAT(r.err, HasSubstr(said[i])) << r.err;
  }
  const Ran json = test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"--json"}});
  EXPECT_EQ(json.exit_code, 2);
  nlohmann::json j;
  ASSERT_NO_THROW(j = nlohmann::json::parse(json.out)) << json.out;
  EXPECT_EQ(j["error"], "give a command: run, matrix, show, sweep, legacy, compare or explore");
  // --help and --version ask for a text: asked twice they ask the same, alone or together.
  for (const std::vector<std::string>& asked : std::vector<std::vector<std::string>>{
           {"--version", "--version"}, {"--help", "--help"}, {"--help", "--version"}, {"run", "--help", "--help"}})
    EXPECT_EQ(test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = asked}).exit_code, 0) << asked[0];
  // A flag given twice is named as typed: `-v -v` is `-v`, not `--verbose`, a word not typed.
  const Ran short_twice = test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"run", "-v", "-v", "x.yaml"}});
  EXPECT_EQ(short_twice.exit_code, 2);
  EXPECT_THAT(short_twice.err, HasSubstr("fixup-sim run: -v: given 2 times: give it once")) << short_twice.err;
  const Ran fixer_twice = test_support::RunProgram(
      {.program = ASPNET_FIXER_BIN, .args = {"diagnose", "--machine", "m.yaml", "-v", "-v"}, .cwd = dir.path()});
  EXPECT_THAT(fixer_twice.err, HasSubstr("-v: given 2 times: give it once")) << fixer_twice.err;
}

// A line CLI11 checked for what is required before it looked at what was left over: `apply -x`
// said "--machine is required". The first mistake of the line is named; no command at all is
// said as aspnet-fixer says it.
// A value left off before the verb is said as after it, in the order typed: CLI11 gave the next
// word to the option and judged the verb's place first ("command: m.yaml not in {...}", `apply`
// masked as the password it was taken for).
TEST(ParseErrors, AValueLeftOffBeforeTheVerbIsSaidAsAfterIt) {
  const test_support::TempFolder dir("parse_errors_e2e");
  dir.Write("m.yaml", test_support::kAffectedMachine);
  const std::vector<std::pair<std::vector<std::string>, std::string>> lines = {
      {{"--temp-password", "--machine", "m.yaml", "apply"},
       "aspnet-fixer apply: --temp-password: has no value: the word after it, '--machine', is an option of "
       "aspnet-fixer"},
      {{"apply", "--temp-password", "--machine", "m.yaml"},
       "aspnet-fixer apply: --temp-password: has no value: the word after it, '--machine', is an option of "
       "aspnet-fixer"},
      {{"--out", "--machine", "m.yaml", "diagnose"},
       "aspnet-fixer diagnose: --out: has no value: the word after it, '--machine', is an option of aspnet-fixer"},
      {{"--strategy", "--temp-password", "x", "apply", "--machine", "m.yaml"},
       "aspnet-fixer apply: --strategy: has no value: the word after it, '--temp-password', is an option of "
       "aspnet-fixer"},
      // The `=` form's value is masked as typed after a secret option, but names no command.
      {{"--temp-password=--machine", "m.yaml", "apply"},
       "aspnet-fixer apply: --temp-password: has no value: the word after it, '"},
  };
  for (const auto& [args, said] : lines) {
    const Ran r = test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = args, .cwd = dir.path()});
    EXPECT_EQ(r.exit_code, 2) << said;
    EXPECT_THAT(r.err, HasSubstr(said)) << r.err;
    EXPECT_THAT(r.err, Not(HasSubstr("not in {"))) << "no value is taken for the command";
  }
  const Ran json = test_support::RunProgram(
      {.program = ASPNET_FIXER_BIN, .args = {"--out", "--machine", "m.yaml", "--json", "diagnose"}, .cwd = dir.path()});
  EXPECT_EQ(json.exit_code, 2);
  EXPECT_THAT(json.out, HasSubstr("--out: has no value: the word after it, '--machine'")) << json.out;
  const Ran sim =
      test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"run", "--junit", "--html", "r.html", "s.yaml"}});
  EXPECT_THAT(sim.err, HasSubstr("fixup-sim run: --junit: has no value: the word after it, '--html', is an option of "
                                 "fixup-sim"))
      << sim.err;
}

// Audit 24 item 4: an option the tool does not have, its value taken for the command by CLI11
// (`aspnet-fixer.exe --machine m.json diagnose`: no --machine there), is the line's first
// mistake, named as after the verb; its value is no command, and never said.
TEST(ParseErrors, AnUnknownOptionBeforeTheVerbIsNamedNotItsValue) {
  for (const std::vector<std::string>& line : {std::vector<std::string>{"--bogus", "m.json", "diagnose"},
                                               std::vector<std::string>{"--bogus=Pw1Secret!a", "m.json", "diagnose"}}) {
    const Ran text = test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = line});
    EXPECT_EQ(text.exit_code, 2);
    EXPECT_THAT(text.err, HasSubstr("aspnet-fixer diagnose: --bogus: not an option of aspnet-fixer diagnose\n"))
        << text.err;
    EXPECT_THAT(text.err, Not(HasSubstr("not in {")));
    EXPECT_THAT(text.err, Not(HasSubstr("Pw1Secret")));
    std::vector<std::string> with_json = line;
    with_json.insert(with_json.begin(), "--json");
    const Ran json = test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = with_json});
    EXPECT_EQ(json.exit_code, 2);
    EXPECT_EQ(nlohmann::json::parse(json.out)["error"], "--bogus: not an option of aspnet-fixer diagnose") << json.out;
  }
}

TEST(ParseErrors, TheWordLeftOverIsNamedBeforeWhatIsRequired) {
  const Ran fixer = test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = {"apply", "-x"}});
  EXPECT_EQ(fixer.exit_code, 2);
  EXPECT_THAT(fixer.err, HasSubstr("aspnet-fixer apply: -x: not an option of aspnet-fixer apply\n"));
  const Ran show = test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"show", "--bogus"}});
  EXPECT_EQ(show.exit_code, 2);
  EXPECT_THAT(show.err, HasSubstr("fixup-sim show: --bogus: not an option of fixup-sim show\n"));
  // A verb's option before the verb is the verb's, where only fixup-sim's own options go.
  const Ran before = test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"--color", "never", "run"}});
  EXPECT_EQ(before.exit_code, 2);
  EXPECT_THAT(before.err, HasSubstr("fixup-sim run: --color: an option of run, given before it: write it after run\n"));
  const Ran none = test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {}});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_THAT(none.err, HasSubstr("fixup-sim: give a command: run, matrix, show, sweep, legacy, compare or explore\n"));
  // A password split in two words is never said, whatever the mistake.
  const Ran split =
      test_support::RunProgram({.program = ASPNET_FIXER_BIN,
                                .args = {"apply", "--machine", "m.yaml", "--temp-password", "Pw1Secret!a", "Pw2x"}});
  EXPECT_EQ(split.exit_code, 2);
  EXPECT_THAT(split.err, HasSubstr("'********' was not expected: apply takes no arguments"));
  EXPECT_THAT(split.err, Not(HasSubstr("Pw2x")));
}

// Two options that exclude each other are named in the order typed, in the tools' words (CLI11 said
// "--json excludes --format" of `--format yaml --json`, the later one first), and --json still makes
// the error the one JSON object.
TEST(ParseErrors, OptionsThatExcludeEachOtherAreNamedInTheOrderTyped) {
  const test_support::TempFolder dir("parse_errors_e2e");
  dir.Write("m.yaml", test_support::kAffectedMachine);
  const std::vector<std::pair<std::vector<std::string>, std::string>> lines = {
      {{"show", "m.yaml", "--format", "yaml", "--json"},
       "fixup-sim show: --format and --json exclude each other: give one of them\n"},
      {{"show", "m.yaml", "--json", "--format=text"},
       "fixup-sim show: --json and --format exclude each other: give one of them\n"},
      {{"explore", "--seconds", "1", "--count", "2"},
       "fixup-sim explore: --seconds and --count exclude each other: give one of them\n"},
  };
  for (const auto& [args, said] : lines) {
    const Ran r = test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .cwd = dir.path()});
    EXPECT_EQ(r.exit_code, 2) << said;
    EXPECT_THAT(r.err, HasSubstr(said)) << r.err;
    EXPECT_THAT(r.err, Not(HasSubstr("excludes"))) << r.err;
  }
  const Ran json = test_support::RunProgram(
      {.program = FIXUP_SIM_BIN, .args = {"show", "m.yaml", "--format", "yaml", "--json"}, .cwd = dir.path()});
  nlohmann::json j;
  ASSERT_NO_THROW(j = nlohmann::json::parse(json.out)) << json.out;
  EXPECT_EQ(j["error"], "--format and --json exclude each other: give one of them");
}

// Two options that say the same are no conflict: `--json --format json` prints what --json alone
// prints (the machine file as JSON, with each application's answer), in either order and form.
TEST(ParseErrors, OptionsThatSayTheSameAreNoConflict) {
  const test_support::TempFolder dir("parse_errors_e2e");
  dir.Write("m.yaml", test_support::kAffectedMachine);
  const Ran alone =
      test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"show", "m.yaml", "--json"}, .cwd = dir.path()});
  ASSERT_EQ(alone.exit_code, 0) << alone.err;
  ASSERT_TRUE(nlohmann::json::parse(alone.out).contains("responses")) << alone.out;
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"show", "m.yaml", "--json", "--format", "json"},
                                             {"show", "m.yaml", "--format", "json", "--json"},
                                             {"show", "m.yaml", "--format=json", "--json"}}) {
    const Ran r = test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .cwd = dir.path()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_EQ(r.out, alone.out);
  }
  // Each form the other way is still refused, in the same words.
  const Ran yaml = test_support::RunProgram(
      {.program = FIXUP_SIM_BIN, .args = {"show", "m.yaml", "--json", "--format", "yaml"}, .cwd = dir.path()});
  EXPECT_EQ(yaml.exit_code, 2);
  EXPECT_EQ(nlohmann::json::parse(yaml.out)["error"], "--json and --format exclude each other: give one of them");
}

}  // namespace
