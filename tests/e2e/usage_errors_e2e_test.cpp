// Usage errors of both tools as real processes: an option whose value was forgotten (the next
// word is one of the tool's own options) is refused before anything runs, naming the option.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/process_output.h"
#include "support/run_program.h"

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using test_support::Ran;

constexpr const char* kAffectedMachine =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

class UsageErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("usage_errors_e2e_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    machine_ = (dir_ / "m.yaml").string();
    std::ofstream(machine_, std::ios::binary) << kAffectedMachine;
  }
  void TearDown() override { fs::remove_all(dir_); }

  Ran Run(const char* program, const std::vector<std::string>& args) const {
    return test_support::RunProgram({.program = program, .args = args, .cwd = dir_});
  }

  fs::path dir_;
  std::string machine_;
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
    EXPECT_EQ(test_support::NamesIn(dir_), std::vector<std::string>{"m.yaml"}) << command;
    EXPECT_EQ(test_support::Slurp(machine_), kAffectedMachine) << command;
  }
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

}  // namespace
