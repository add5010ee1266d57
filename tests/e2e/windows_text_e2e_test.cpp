// A value that becomes Windows text (aspnet-fixer's --temp-password, typed or read from standard
// input; fixup-sim's --answer for runas's prompt, or the line typed there) must be UTF-8 without a NUL: Windows keeps a
// password as UTF-16, and bytes that are not UTF-8 name no such text. Refused as a usage error
// (exit 2) before anything changes, saying why and never showing the value or a byte of it. A
// line read from standard input ends at LF, a CR before it part of the line end (CRLF), as the
// terminal input of `fixup-sim legacy` reads one.
#include <filesystem>
#include <fstream>
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

// Latin-1 "Päss-1" (0xE4 alone is no UTF-8), and UTF-8 cut short.
const std::string kLatin1 = "P\xe4ss-w0rd!";
const std::string kCutShort = "Pass-w0rd!\xe2\x82";

class WindowsText : public ::testing::Test {
 protected:
  Ran Run(const char* program, const std::vector<std::string>& args, const std::string& input = "") const {
    test_support::Call call{.program = program, .args = args, .cwd = dir_.path()};
    if (!input.empty()) call.stdin_file = dir_.Write("stdin.txt", input);
    return test_support::RunProgram(call);
  }

  // Said as a usage error, the machine and its folder as they were, no byte of the value shown.
  void ExpectRefused(const Ran& r, const std::string& value, const std::string& why) const {
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_THAT(r.err, HasSubstr(why)) << r.err;
    for (const std::string& stream : {r.out, r.err}) {
      EXPECT_THAT(stream, Not(HasSubstr("P\xe4ss"))) << "the password's bytes shown";
      EXPECT_THAT(stream, Not(HasSubstr("ss-w0rd"))) << "the password shown";
      EXPECT_THAT(stream, Not(HasSubstr("\\xe4"))) << "a byte of the password shown";
      EXPECT_THAT(stream, Not(HasSubstr("\\xe2"))) << "a byte of the password shown";
    }
    EXPECT_EQ(test_support::Slurp(machine_), test_support::kAffectedMachine) << value.size();
    EXPECT_FALSE(std::filesystem::exists(dir_ / "m.yaml.log"));
  }

  const test_support::TempFolder dir_{"windows_text_e2e"};
  const std::string machine_ = dir_.Write("m.yaml", test_support::kAffectedMachine).string();
};

TEST_F(WindowsText, ATempPasswordThatIsNotUtf8IsRefusedUnshown) {
  for (const std::string& password : {kLatin1, kCutShort}) {
    for (const std::string verb : {"apply", "plan"}) {
      ExpectRefused(Run(ASPNET_FIXER_BIN, {verb, "--machine", "m.yaml", "--temp-password", password}), password,
                    "aspnet-fixer " + verb + ": --temp-password: its bytes are not UTF-8");
      ExpectRefused(Run(ASPNET_FIXER_BIN, {verb, "--machine", "m.yaml", "--temp-password=" + password}), password,
                    "--temp-password: its bytes are not UTF-8");
    }
    const Ran json = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp-password", password, "--json"});
    ExpectRefused(json, password, "its bytes are not UTF-8");
    const nlohmann::json j = nlohmann::json::parse(json.out);
    EXPECT_EQ(j.value("outcome", ""), "input-error");
    EXPECT_THAT(j.value("error", ""), HasSubstr("--temp-password: its bytes are not UTF-8"));
  }
}

TEST_F(WindowsText, ALineOnStandardInputIsCheckedAlike) {
  for (const std::string& line : {kLatin1 + "\n", kCutShort + "\r\n", std::string("Pass-w0rd!\0x\n", 13)}) {
    const Ran r = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp-password", "-"}, line);
    ExpectRefused(r, line, "aspnet-fixer apply: --temp-password -: the line on standard input: ");
  }
  const Ran nul = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp-password", "-"},
                      std::string("Pass-w0rd!\0x\n", 13));
  EXPECT_THAT(nul.err, HasSubstr("a NUL character, which ends a Windows string"));
  // UTF-8 beyond ASCII is text Windows keeps: planned.
  EXPECT_EQ(Run(ASPNET_FIXER_BIN, {"plan", "--machine", "m.yaml", "--temp-password", "P\xc3\xa4ss-w0rd!"}).exit_code,
            0);
}

// A CRLF line end is a line end: the CR was kept as the password's last character. Under a policy
// of 12 characters at least, an 11-character password is refused (exit 3), which the CR hid.
TEST_F(WindowsText, ACrBeforeTheLineFeedEndsTheLine) {
  dir_.Write("strict.yaml", std::string(test_support::kAffectedMachine) + "policy:\n  password: {min_length: 12}\n");
  const Ran crlf =
      Run(ASPNET_FIXER_BIN, {"plan", "--machine", "strict.yaml", "--temp-password", "-"}, "Pass-w0rd!x\r\n");
  EXPECT_EQ(crlf.exit_code, 3) << crlf.out << crlf.err;
  const Ran lf = Run(ASPNET_FIXER_BIN, {"plan", "--machine", "strict.yaml", "--temp-password", "-"}, "Pass-w0rd!x\n");
  EXPECT_EQ(lf.exit_code, 3) << lf.out << lf.err;
  EXPECT_EQ(crlf.out, lf.out);
}

TEST_F(WindowsText, AnAnswerForRunasIsCheckedAlike) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/legacy/fixes-default-policy.yaml";
  for (const std::string verb : {"legacy", "compare"}) {
    const Ran r = Run(FIXUP_SIM_BIN, {verb, scenario, "--answer", kLatin1});
    ExpectRefused(r, kLatin1, "fixup-sim " + verb + ": --answer: its bytes are not UTF-8");
  }
}

// `fixup-sim legacy` without --answer reads runas's password from standard input: the same rule,
// and the batch stops at that prompt: nothing after it runs (it went on as if the line were a
// wrong password: runas's error, then the rest of fixup.cmd).
TEST_F(WindowsText, ALineTypedAtAPromptIsCheckedAlike) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/legacy/fixes-default-policy.yaml";
  for (const std::string& typed : {kLatin1, std::string("a\0b", 3)}) {
    const Ran r = Run(FIXUP_SIM_BIN, {"legacy", scenario}, typed + "\n");
    ExpectRefused(r, typed, "fixup-sim legacy: standard input: a line typed at a prompt: ");
    EXPECT_THAT(r.out, HasSubstr("Enter the password for")) << "the batch ran up to the prompt";
    EXPECT_THAT(r.out, Not(HasSubstr("RUNAS ERROR"))) << "the line taken for a wrong password";
    EXPECT_THAT(r.out, Not(HasSubstr("What the run left"))) << "a report of a run without the answer typed";
  }
}

}  // namespace
