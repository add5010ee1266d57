// Bad input to every verb of both tools, as real processes: each error line names the program and
// the verb; aspnet-fixer says a file it cannot read or write in Windows' words (the error number and
// text CreateFile gives there); a file holding a character YAML cannot print (U+FFFE) or one that
// reorders what a reader is shown (a bidi control, CVE-2021-42574) is an input error at its line and
// column; nothing crashes, no file is made, and the input file keeps its bytes and its time.
#include <sys/stat.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/affected_machine.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"
#include "support/valid_scenario_head.h"

namespace {

namespace fs = std::filesystem;
using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

using test_support::kAffectedMachine;

const std::vector<std::string> kFixerVerbs = {"diagnose", "plan", "apply", "resume", "rollback", "capture"};

// A file's bytes and modification time: a verb that changes nothing leaves both.
struct Kept {
  std::string bytes;
  struct timespec mtime {};
  bool operator==(const Kept& o) const {
    return bytes == o.bytes && mtime.tv_sec == o.mtime.tv_sec && mtime.tv_nsec == o.mtime.tv_nsec;
  }
};

Kept KeptOf(const fs::path& file) {
  Kept k{test_support::Slurp(file.string()), {}};
  struct stat st {};
  if (::stat(file.c_str(), &st) == 0) k.mtime = st.st_mtim;
  return k;
}

class BadInput : public ::testing::Test {
 protected:
  Ran Run(const char* program, const std::vector<std::string>& args) const {
    return test_support::RunProgram({.program = program, .args = args, .cwd = dir_.path()});
  }

  // Every line of standard error that says something begins `PROGRAM VERB: ` (a loader's quoted
  // excerpt and CLI11's hint follow a message and are no line of their own).
  static void ExpectEveryLineNamed(const std::string& err, const std::string& prefix, const std::string& command) {
    EXPECT_FALSE(err.empty()) << command;
    std::istringstream lines(err);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line.starts_with("    near: ") || line == "Run with --help for more information.") continue;
      EXPECT_TRUE(line.starts_with(prefix)) << command << ": " << line;
    }
  }

  const test_support::TempFolder dir_{"bad_input_e2e"};
};

// aspnet-fixer's CLI11 errors and its state file's load errors lacked the prefix fixup-sim's have
// (`m.yaml:1:5: ...`, `--machine is required`); `aspnet-fixer:` alone when no verb was named.
TEST_F(BadInput, EveryErrorLineOfAspnetFixerNamesTheProgramAndTheVerb) {
  dir_.Write("m.yaml", kAffectedMachine);
  dir_.Write("bad.yaml", "os: [\n");
  dir_.Write("dup.yaml", "os: windows-xp-professional\nos: windows-xp-professional\n");
  dir_.Write("journal.yaml",
             std::string(kAffectedMachine) +
                 "journal:\n  - {seq: 1, step: stop-services, phase: begin, data: {services: W3SVC}}\n");
  fs::create_directories(dir_ / "folder");
  struct Case {
    std::vector<std::string> args;
    std::string prefix;
  };
  std::vector<Case> cases = {
      {{"bogus"}, "aspnet-fixer: "},
      {{"--machine", "m.yaml"}, "aspnet-fixer: "},
  };
  for (const std::string& verb : kFixerVerbs) {
    const std::string prefix = "aspnet-fixer " + verb + ": ";
    for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
             {},
             {"--machine", "m.yaml", "--no-such-option"},
             {"--machine", "m.yaml", "extra"},
             {"--machine", "missing.yaml"},
             {"--machine", "folder"},
             {"--machine", "bad.yaml"},
             {"--machine", "dup.yaml"},
             {"--machine", "m.yaml", "--out", "folder"},
             {"--machine", "m.yaml", "--out", "no-such-folder/o.yaml"},
             {"--machine", "m.yaml", "--out", "m.yaml.log"},
         }) {
      args.insert(args.begin(), verb);
      cases.push_back({args, prefix});
    }
    if (verb != "capture") cases.push_back({{verb, "--machine", "journal.yaml"}, prefix});
  }
  cases.push_back({{"apply", "--machine", "m.yaml", "--strategy", "sideways"}, "aspnet-fixer apply: "});
  cases.push_back({{"apply", "--machine", "m.yaml", "--temp-password", "-"}, "aspnet-fixer apply: "});
  cases.push_back({{"capture", "--machine", "m.yaml", "--out", "m.yaml"}, "aspnet-fixer capture: "});
  const Kept machine = KeptOf(dir_ / "m.yaml");
  for (const Case& c : cases) {
    for (const bool json : {false, true}) {
      std::vector<std::string> args = c.args;
      if (json) args.push_back("--json");
      std::string command = "aspnet-fixer";
      for (const std::string& a : args) command += " " + a;
      const Ran r = Run(ASPNET_FIXER_BIN, args);
      EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.out << r.err;
      ExpectEveryLineNamed(r.err, c.prefix, command);
      if (json) {  // the message alone as `error`, the verb as `command`
        nlohmann::json j;
        ASSERT_NO_THROW(j = nlohmann::json::parse(r.out)) << command << "\n" << r.out;
        EXPECT_THAT(r.err, HasSubstr(c.prefix + j["error"].get<std::string>().substr(0, 40))) << command;
      }
    }
  }
  EXPECT_TRUE(KeptOf(dir_ / "m.yaml") == machine);
}

// The checks before the work spoke the C library's words (`No such file or directory`, `Is a
// directory`) where aspnet-fixer says every other Windows error in Windows' (`112: There is not
// enough space on the disk.`): a missing file is 2, a missing folder 3, a folder 5, as CreateFile
// answers. fixup-sim keeps the system's words.
TEST_F(BadInput, AspnetFixerSaysAFileItCannotReadOrWriteInWindowsWords) {
  dir_.Write("m.yaml", kAffectedMachine);
  fs::create_directories(dir_ / "folder");
  struct Case {
    std::vector<std::string> args;  // after the verb
    std::string said;
  };
  const std::vector<Case> cases = {
      {{"--machine", "missing.yaml"},
       "missing.yaml: cannot read machine state file: 2: The system cannot find the file specified."},
      {{"--machine", "no-such-folder/m.yaml"},
       "no-such-folder/m.yaml: cannot read machine state file: 3: The system cannot find the path specified."},
      {{"--machine", "folder"}, "folder: cannot read machine state file: 5: Access is denied."},
      {{"--machine", "m.yaml", "--out", "folder"}, "folder: cannot be written: 5: Access is denied."},
      {{"--machine", "m.yaml", "--out", "no-such-folder/o.yaml"},
       "no-such-folder/o.yaml: cannot create a file beside it: 3: The system cannot find the path specified."},
  };
  for (const std::string& verb : kFixerVerbs) {
    for (const Case& c : cases) {
      std::vector<std::string> args = c.args;
      args.insert(args.begin(), verb);
      const Ran r = Run(ASPNET_FIXER_BIN, args);
      EXPECT_EQ(r.exit_code, 2) << verb << " " << c.said << "\n" << r.err;
      EXPECT_THAT(r.err, HasSubstr("aspnet-fixer " + verb + ": " + c.said)) << verb;
      for (const char* system_words : {"No such file", "Is a directory", "Permission denied"})
        EXPECT_THAT(r.err, Not(HasSubstr(system_words))) << verb << ": " << r.err;
    }
  }
  EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"folder", "m.yaml"}));
  const Ran sim = Run(FIXUP_SIM_BIN, {"show", "missing.yaml"});
  EXPECT_EQ(sim.exit_code, 2);
  EXPECT_THAT(sim.err, HasSubstr("fixup-sim show: missing.yaml: cannot read machine state file: No such file"));
}

// A noncharacter (YAML 1.2 prints no U+FFFE or U+FFFF) or a bidi control (U+202E reorders what a
// reader is shown after it) in a machine file or a scenario, raw or escaped in double quotes, was
// loaded: an account named `a\uFFFEb`, a computer name that showed on the terminal reversed.
TEST_F(BadInput, ANoncharacterOrABidiControlInAFileIsAnInputErrorAtItsPlace) {
  struct Character {
    std::string raw;      // its UTF-8 bytes
    std::string escaped;  // as a YAML double-quoted escape
    std::string said;
  };
  const std::vector<Character> characters = {
      {"\xef\xbf\xbe", "\\uFFFE", "noncharacter U+FFFE in text"},
      {"\xef\xbf\xbf", "\\uFFFF", "noncharacter U+FFFF in text"},
      {"\xef\xb7\x90", "\\uFDD0", "noncharacter U+FDD0 in text"},
      {"\xf0\x9f\xbf\xbe", "\\U0001FFFE", "noncharacter U+1FFFE in text"},
      {"\xe2\x80\xae", "\\u202E", "bidirectional control character U+202E in text"},
      {"\xe2\x80\xaa", "\\u202A", "bidirectional control character U+202A in text"},
      {"\xe2\x81\xa6", "\\u2066", "bidirectional control character U+2066 in text"},
      {"\xe2\x81\xa9", "\\u2069", "bidirectional control character U+2069 in text"},
  };
  for (const Character& c : characters) {
    for (const bool raw : {true, false}) {
      const std::string value = raw ? "admin" + c.raw + "txt" : "\"admin" + c.escaped + "txt\"";
      const std::string machine = std::string(kAffectedMachine) + "accounts:\n  bob: {full_name: " + value + "}\n";
      dir_.Write("m.yaml", machine);
      const std::string key_machine = std::string(kAffectedMachine) + "computer_name: " + value + "\n";
      dir_.Write("k.yaml", key_machine);
      dir_.Write("s.yaml", test_support::kValidScenarioHead + "  - create_account: {name: " + value + "}\n");
      const Kept kept_m = KeptOf(dir_ / "m.yaml");
      const Kept kept_k = KeptOf(dir_ / "k.yaml");
      const Kept kept_s = KeptOf(dir_ / "s.yaml");
      struct Run_ {
        const char* program;
        std::vector<std::string> args;
        std::string at;
      };
      std::vector<Run_> runs;
      for (const std::string& verb : kFixerVerbs) {
        runs.push_back({ASPNET_FIXER_BIN, {verb, "--machine", "m.yaml"}, "m.yaml:7:"});
        runs.push_back({ASPNET_FIXER_BIN, {verb, "--machine", "k.yaml"}, "k.yaml:6:"});
      }
      runs.push_back({FIXUP_SIM_BIN, {"show", "m.yaml"}, "m.yaml:7:"});
      runs.push_back({FIXUP_SIM_BIN, {"show", "k.yaml", "--format", "yaml"}, "k.yaml:6:"});
      runs.push_back({FIXUP_SIM_BIN, {"run", "s.yaml"}, "s.yaml:7:"});
      runs.push_back({FIXUP_SIM_BIN, {"legacy", "s.yaml", "--answer", "1pass@word"}, "s.yaml:7:"});
      runs.push_back({FIXUP_SIM_BIN, {"compare", "s.yaml"}, "s.yaml:7:"});
      for (const Run_& run : runs) {
        std::string command = fs::path(run.program).filename().string();
        for (const std::string& a : run.args) command += " " + a;
        command += raw ? " (raw " : " (escaped ";
        command += c.escaped + ")";
        const Ran r = Run(run.program, run.args);
        EXPECT_EQ(r.exit_code, 2) << command << "\n" << r.out << r.err;
        EXPECT_THAT(r.err, HasSubstr(run.at)) << command;
        EXPECT_THAT(r.err, HasSubstr(c.said)) << command << "\n" << r.err;
        // The excerpt of the line shows the character escaped, never as itself.
        EXPECT_THAT(r.err, Not(HasSubstr(c.raw))) << command;
      }
      EXPECT_TRUE(KeptOf(dir_ / "m.yaml") == kept_m) << c.escaped;
      EXPECT_TRUE(KeptOf(dir_ / "k.yaml") == kept_k) << c.escaped;
      EXPECT_TRUE(KeptOf(dir_ / "s.yaml") == kept_s) << c.escaped;
      EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"k.yaml", "m.yaml", "s.yaml"})) << c.escaped;
    }
  }
}

// A bidi control in a name typed on the command line (a file name) is shown escaped on standard
// error, as ESC and U+FFFE are: through the one rule, fixer::ShowableLength.
TEST_F(BadInput, ABidiControlInAFileNameIsShownEscaped) {
  const std::string name = "m\xe2\x80\xaelmy.yaml";  // shows as "mymL.yaml" reversed after U+202E
  const Ran fixer = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", name});
  EXPECT_EQ(fixer.exit_code, 2);
  EXPECT_THAT(fixer.err,
              HasSubstr("aspnet-fixer diagnose: m\\xe2\\x80\\xaelmy.yaml: cannot read machine state file: 2: "));
  EXPECT_THAT(fixer.err, Not(HasSubstr("\xe2\x80\xae")));
  const Ran sim = Run(FIXUP_SIM_BIN, {"run", name});
  EXPECT_EQ(sim.exit_code, 2);
  EXPECT_THAT(sim.err, HasSubstr("m\\xe2\\x80\\xaelmy.yaml: cannot open the file: No such file or directory"));
  EXPECT_THAT(sim.out + sim.err, Not(HasSubstr("\xe2\x80\xae")));
}

// A value of an option the verb does not read was still checked: `diagnose --strategy sideways`
// said the option was ignored, then refused it (exit 2).
TEST_F(BadInput, AnIgnoredOptionsValueIsNotChecked) {
  dir_.Write("m.yaml", kAffectedMachine);
  const Ran without = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml"});
  const Ran with = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--strategy", "sideways"});
  EXPECT_EQ(with.exit_code, without.exit_code) << with.err;
  EXPECT_EQ(with.out, without.out);
  EXPECT_THAT(with.err, HasSubstr("aspnet-fixer diagnose: --strategy ignored: only plan, apply read it"));
  EXPECT_THAT(with.err, Not(HasSubstr("must be keep-sid or recreate")));
}

// Files that are not machine files, for every verb of aspnet-fixer and fixup-sim's show: an input
// error (exit 2) at its line and column, never a crash, nothing written, the file as it was.
TEST_F(BadInput, EveryKindOfBadMachineFileIsAnInputErrorAtItsPlace) {
  struct File {
    std::string text;
    std::string at;  // FILE:LINE:COL
    std::string said;
  };
  const std::vector<File> files = {
      {"os: windows-xp-prof\xc3", "m.yaml:1:5", "text is not UTF-8"},
      {"os: windows-xp-professional\nos: windows-xp-professional\n", "m.yaml:2:1", "duplicate key 'os'"},
      {"os: windows-xp-professional\nbogus: 1\n", "m.yaml:2:1", "unknown key 'bogus'"},
      {"os: [1]\n", "m.yaml:1:5", "os: expected a string, got a list"},
      {"os: windows-xp-professional\nseed: 99999999999999999999999999\n", "m.yaml:2:7",
       "seed: expected an integer from 0 to 18446744073709551615"},
      {"os: windows-xp-professional\nservice_pack: -1\n", "m.yaml:2:15", "service_pack"},
      // A comment is text too (YAML 1.2 prints none of these anywhere): it was not read at all.
      {"# caf\xe9\nos: windows-xp-professional\n", "m.yaml:1:1", "comment: text is not UTF-8"},
      {"os: windows-xp-professional # \xef\xbf\xbe\n", "m.yaml:1:29", "comment: noncharacter U+FFFE in text"},
      {"accounts: # \xe2\x80\xae\n  bob: {}\n", "m.yaml:1:11",
       "comment: bidirectional control character U+202E in text"},
      {"frameworks: [\"1.0\", # \x1b[2J\n]\n", "m.yaml:1:21", "comment: control character U+001B in text"},
  };
  for (const File& f : files) {
    dir_.Write("m.yaml", f.text);
    const Kept kept = KeptOf(dir_ / "m.yaml");
    std::vector<std::pair<const char*, std::vector<std::string>>> runs;
    for (const std::string& verb : kFixerVerbs) runs.push_back({ASPNET_FIXER_BIN, {verb, "--machine", "m.yaml"}});
    runs.push_back({ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--out", "o.yaml"}});
    runs.push_back({FIXUP_SIM_BIN, {"show", "m.yaml"}});
    for (const auto& [program, args] : runs) {
      std::string command = fs::path(program).filename().string();
      for (const std::string& a : args) command += " " + a;
      const Ran r = Run(program, args);
      EXPECT_EQ(r.exit_code, 2) << command << " on " << f.at << "\n" << r.out << r.err;
      EXPECT_THAT(r.err, HasSubstr(f.at)) << command;
      EXPECT_THAT(r.err, HasSubstr(f.said)) << command;
      ExpectEveryLineNamed(r.err, fs::path(program).filename().string() + " " + args[0] + ": ", command);
    }
    EXPECT_TRUE(KeptOf(dir_ / "m.yaml") == kept) << f.at;
    EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"}) << f.at;
  }
}

}  // namespace
