// A value an error quotes is shown as the line's excerpt is, at most 60 bytes of it
// (fixer::QuotedValue): a 1 MB scalar in a machine or scenario file, or a long option value, gave
// a message as long, on standard error and in --json's `error`. The cut says so, never splits a
// UTF-8 character, and a secret is never quoted, cut or whole.
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

using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kMegabyte(1 << 20, 'x');
constexpr size_t kMostAnErrorSays = 2000;  // the message, its excerpt of 60 bytes and the file's name

class LongValues : public ::testing::Test {
 protected:
  Ran Run(const char* program, const std::vector<std::string>& args) const {
    return test_support::RunProgram({.program = program, .args = args, .cwd = dir_.path()});
  }
  // Each tool's error is short and says the cut, on standard error and in --json's `error`.
  void ExpectCut(const char* program, std::vector<std::string> args, const std::string& said) const {
    for (const bool json : {false, true}) {
      if (json) args.push_back("--json");
      const Ran r = Run(program, args);
      EXPECT_EQ(r.exit_code, 2) << said << r.err.substr(0, 300);
      EXPECT_LT(r.err.size(), kMostAnErrorSays) << said << "\n" << r.err.substr(0, 300);
      EXPECT_THAT(r.err, HasSubstr(said)) << r.err.substr(0, 300);
      if (json) {
        EXPECT_LT(r.out.size(), kMostAnErrorSays) << said;
        EXPECT_THAT(nlohmann::json::parse(r.out).value("error", ""), HasSubstr(said));
      }
    }
  }
  test_support::TempFolder dir_{"long_values_e2e"};
};

const std::string kCut = std::string(60, 'x') + "'... (60 of 1048576 bytes shown)";

TEST_F(LongValues, AMachineFileValueIsCut) {
  dir_.Write("seed.yaml", std::string(test_support::kAffectedMachine) + "seed: " + kMegabyte + "\n");
  ExpectCut(ASPNET_FIXER_BIN, {"diagnose", "--machine", "seed.yaml"}, "got '" + kCut);
  ExpectCut(FIXUP_SIM_BIN, {"show", "seed.yaml"}, "got '" + kCut);
  dir_.Write("key.yaml", std::string(test_support::kAffectedMachine) + kMegabyte + ": 1\n");
  ExpectCut(ASPNET_FIXER_BIN, {"plan", "--machine", "key.yaml"}, "unknown key '" + kCut);
  // A map's key is part of the path a message names: cut there too.
  dir_.Write("account.yaml",
             std::string(test_support::kAffectedMachine) + "accounts:\n  " + kMegabyte + ": {flags: [bogus]}\n");
  const Ran r = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "account.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_LT(r.err.size(), kMostAnErrorSays) << r.err.substr(0, 300);
}

TEST_F(LongValues, AScenarioValueIsCut) {
  dir_.Write("s.yaml", test_support::kValidScenarioHead + "  - fixer: {command: " + kMegabyte + "}\n");
  ExpectCut(FIXUP_SIM_BIN, {"run", "s.yaml"}, "unknown value '" + kCut);
  dir_.Write("k.yaml", test_support::kValidScenarioHead + "  - fixer: {command: apply}\n" + kMegabyte + ": 1\n");
  ExpectCut(FIXUP_SIM_BIN, {"run", "k.yaml"}, "scenario: unknown key '" + kCut);
}

// A step line names what the step touched as a message quotes it: at most 60 bytes of it.
TEST_F(LongValues, AStepLineCutsTheNameItShows) {
  dir_.Write("s.yaml", test_support::kValidScenarioHead + "  - delete_account: {name: " + kMegabyte + "}\n");
  const Ran r = Run(FIXUP_SIM_BIN, {"run", "-v", "s.yaml"});
  EXPECT_THAT(r.out, HasSubstr("delete account " + std::string(60, 'x') + "... (60 of 1048576 bytes shown)"))
      << r.out.substr(0, 300);
  EXPECT_LT(r.out.size() + r.err.size(), 20 * kMostAnErrorSays) << r.out.substr(0, 300);
}

// 100 KB: one word of a command line may hold at most 128 KB (Linux's MAX_ARG_STRLEN).
TEST_F(LongValues, AnOptionValueIsCut) {
  dir_.Write("m.yaml", test_support::kAffectedMachine);
  const std::string long_word(100'000, 'y');
  const std::string cut = "'" + std::string(60, 'y') + "'... (60 of 100000 bytes shown)";
  ExpectCut(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--strategy", long_word}, "not " + cut);
  ExpectCut(FIXUP_SIM_BIN, {"explore", "--count", long_word}, cut + " is not a whole number");
  ExpectCut(ASPNET_FIXER_BIN, {"plan", "--machine", "m.yaml", "--dry-run=" + long_word}, "was given " + cut);
  // CLI11's own messages quote a word it refuses whole: cut there too (app::WithLongWordsCut).
  const std::string cut_word = std::string(60, 'y') + "... (60 of 100000 bytes shown)";
  ExpectCut(FIXUP_SIM_BIN, {"run", "m.yaml", "--color", long_word}, cut_word);
  ExpectCut(FIXUP_SIM_BIN, {"run", "m.yaml", "--color=" + long_word}, cut_word);
  // A word too many is quoted as every value is (app/parse_errors.h).
  ExpectCut(FIXUP_SIM_BIN, {"matrix", long_word}, cut + " was not expected");
  ExpectCut(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", long_word}, cut + " was not expected");
  ExpectCut(FIXUP_SIM_BIN, {"run", "m.yaml", "--" + long_word}, "--" + std::string(58, 'y') + "... (60 of 100002");
}

// A character of 3 bytes (U+20AC) across the 60th byte: cut before it, never into it.
TEST_F(LongValues, TheCutNeverSplitsACharacter) {
  std::string euros = "a";
  for (int i = 0; i < 1000; ++i) euros += "\xe2\x82\xac";
  dir_.Write("seed.yaml", std::string(test_support::kAffectedMachine) + "seed: " + euros + "\n");
  std::string shown = "a";
  for (int i = 0; i < 19; ++i) shown += "\xe2\x82\xac";  // 58 bytes: the 20th would end at byte 61
  ExpectCut(ASPNET_FIXER_BIN, {"diagnose", "--machine", "seed.yaml"},
            "got '" + shown + "'... (58 of " + std::to_string(euros.size()) + " bytes shown)");
}

// A password long enough to be cut is never shown, cut or whole, whatever the message says of it.
TEST_F(LongValues, ALongSecretIsNeverQuoted) {
  const std::string secret = "Wonder1and!" + std::string(200, 's');
  for (const std::string& entry : {"{password: " + secret + ", flags: [bogus]}", "{password: {" + secret + ": 1}}",
                                   "{password: [" + secret + "]}"}) {
    dir_.Write("m.yaml", std::string(test_support::kAffectedMachine) + "accounts:\n  alice: " + entry + "\n");
    const Ran r = Run(ASPNET_FIXER_BIN, {"diagnose", "--machine", "m.yaml", "--json"});
    EXPECT_EQ(r.exit_code, 2) << entry;
    EXPECT_THAT(r.err + r.out, Not(HasSubstr("Wonder1and!"))) << r.err;
  }
}

}  // namespace
