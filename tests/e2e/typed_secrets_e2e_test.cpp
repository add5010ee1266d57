// A usage error never shows a word typed as a secret (app/typed_secrets.h): a password with an
// unquoted space arrives as two words and CLI11 quotes the second. aspnet-fixer masked it after
// --temp-password but not after --temp-password=VALUE; fixup-sim showed runas's answer (legacy,
// compare --answer) as typed; and a password of stars hung aspnet-fixer (each mask it put in was
// found again in itself); a one-letter word after it was shown.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/affected_machine.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using ::testing::HasSubstr;
using ::testing::Not;

class TypedSecrets : public ::testing::Test {
 protected:
  // Under timeout(1): a hang is exit 124, not a test that never ends.
  Ran Run(const char* program, std::vector<std::string> args) const {
    args.insert(args.begin(), {"20", program});
    return test_support::RunProgram({.program = "timeout", .args = args, .cwd = dir_.path()});
  }

  const test_support::TempFolder dir_{"typed_secrets_e2e"};
  const std::string machine_ = dir_.Write("m.yaml", test_support::kAffectedMachine).string();
};

TEST_F(TypedSecrets, TheSecondWordOfAnAnswerIsNotShown) {
  const std::string scenario = std::string(FIXUP_SOURCE_DIR) + "/scenarios/legacy/fixes-default-policy.yaml";
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"compare", scenario, "--answer", "Tell", "N0body-Else"},
                                             {"legacy", scenario, "--answer=Tell", "N0body-Else"},
                                             {"compare", scenario, "--answer", "Tell", "N0body-Else", "--json"}}) {
    const Ran r = Run(FIXUP_SIM_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_THAT(r.out + r.err, HasSubstr("'********' was not expected"));
    EXPECT_THAT(r.out + r.err, Not(HasSubstr("N0body-Else")));
  }
}

TEST_F(TypedSecrets, AWordAfterTheEqualsFormIsNotShown) {
  const Ran r = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp-password=Tell", "N0body-Else"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("'********' was not expected"));
  EXPECT_THAT(r.out + r.err, Not(HasSubstr("N0body-Else")));
}

// One rule for every place a secret is echoed (fixer::MaskedSecret): a one-letter word typed after
// the password is masked where it stands as a word, as the console masks one (it was shown: words
// under 2 characters were let through); `-` reads the password from input and is no secret.
TEST_F(TypedSecrets, AOneLetterWordIsNotShown) {
  const Ran r = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp-password", "Tell", "q"});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("'********' was not expected"));
  EXPECT_THAT(r.err, Not(HasSubstr("'q'")));
}

TEST_F(TypedSecrets, APasswordOfStarsEndsAsAUsageError) {
  const Ran r = Run(ASPNET_FIXER_BIN, {"apply", "--machine", "m.yaml", "--temp-password", "**", "**"});
  EXPECT_EQ(r.exit_code, 2) << "124: it hung\n" << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("********' was not expected"));  // each `**` typed masked, the masks too
  const Ran sim = Run(FIXUP_SIM_BIN, {"compare", "x.yaml", "--answer", "***", "***"});
  EXPECT_EQ(sim.exit_code, 2) << sim.out << sim.err;
}

}  // namespace
