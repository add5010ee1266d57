// A value under a key that is, or resembles, a secret key is never quoted in a load error, in
// either loader (audit 8 item 1): the loader's own "spelt 'password' here" spellings (any case, `_`
// or `-` anywhere or none), and typos of a password key (within two edits). And an unknown key's
// value is not quoted at all, unless the key is a known one spelt another way: what it holds is
// not known to be harmless.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/load_result.h"
#include "fakes/machine_yaml.h"
#include "sim/scenario.h"
#include "support/valid_scenario_head.h"

namespace {

using test_support::kValidScenarioHead;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kMisspeltSecret = "S3cretPW1x";

fakes::LoadError MisspeltMachineError(const std::string& text) {
  auto loaded = fakes::LoadMachineText(text, "m.yaml");
  EXPECT_FALSE(loaded.ok()) << text;
  if (!loaded.error) return {};
  fakes::AttachSource(*loaded.error, text);
  return *loaded.error;
}

fakes::LoadError MisspeltScenarioError(const std::string& text) {
  auto loaded = sim::LoadScenarioText(text, "s.yaml");
  EXPECT_FALSE(loaded.ok()) << text;
  return loaded.error.value_or(fakes::LoadError{});
}

}  // namespace

TEST(MisspeltSecretKeys, AMachineFileNeverQuotesAPasswordUnderAnotherSpellingOrATypo) {
  for (const std::string key : {"pass_word", "PASS_WORD", "pass-word", "Password", "passwordHash", "password-history",
                                "passwrd", "pasword", "passowrd", "passwd"}) {
    const fakes::LoadError e = MisspeltMachineError("accounts:\n  alice: {" + key + ": " + kMisspeltSecret + "}\n");
    EXPECT_THAT(e.message, HasSubstr("unknown key '" + key + "'")) << key;
    EXPECT_EQ(e.source_line, "  alice: {" + key + ": ********}") << key;
    EXPECT_THAT(e.ToString(), Not(HasSubstr(kMisspeltSecret))) << key;
  }
  // A typo beside the keys a processModel takes, the audit's example.
  const fakes::LoadError pm = MisspeltMachineError(
      "frameworks:\n  - version: '1.0'\n    process_model: {userName: SYSTEM, passwrd: W0rker!pass}\n");
  EXPECT_THAT(pm.ToString(), Not(HasSubstr("W0rker!pass")));
  EXPECT_THAT(pm.source_line, HasSubstr("userName: SYSTEM"));
}

TEST(MisspeltSecretKeys, AScenarioStepNeverQuotesATemporaryPasswordUnderAnotherSpelling) {
  for (const std::string key : {"temp-password", "tempPassword", "TEMP_PASSWORD", "temp_pasword"}) {
    const fakes::LoadError e = MisspeltScenarioError(kValidScenarioHead + "  - fixer: {command: apply, " + key + ": " +
                                                     kMisspeltSecret + "}\n");
    EXPECT_THAT(e.message, HasSubstr("unknown key '" + key + "'")) << key;
    EXPECT_THAT(e.source_line, HasSubstr(key + ": ********}")) << key;
    EXPECT_THAT(e.ToString(), Not(HasSubstr(kMisspeltSecret))) << key;
  }
  // The hint names the key meant, as before.
  EXPECT_THAT(MisspeltScenarioError(kValidScenarioHead + "  - fixer: {command: apply, temp-password: x1}\n").message,
              HasSubstr("spelt 'temp_password' here"));
  // A machine inside a scenario: the machine loader's rule.
  const fakes::LoadError machine = MisspeltScenarioError(
      "summary: s\nmachine:\n  accounts:\n    alice: {pass_word: " + std::string(kMisspeltSecret) + "}\nsteps: []\n");
  EXPECT_THAT(machine.ToString(), Not(HasSubstr(kMisspeltSecret)));
}

TEST(UnknownKeyValues, AreNotQuotedUnlessTheKeyIsAKnownOneSpeltAnotherWay) {
  // Unknown at the top of a machine file, in a step, as a step, as a check: masked.
  const fakes::LoadError top =
      MisspeltMachineError("os: windows-xp-professional\nbogus: " + std::string(kMisspeltSecret) + "\n");
  EXPECT_EQ(top.source_line, "bogus: ********");
  // The mask takes nothing out of the message: an unknown key's value is no word of it.
  EXPECT_THAT(MisspeltMachineError("os: windows-xp-professional\nbogus: computer_name\n").message,
              HasSubstr("computer_name"));
  const std::vector<std::string> steps = {"  - fixer: {command: apply, bogus: S3cretPW1x}\n", "  - bogus: S3cretPW1x\n",
                                          "  - expect: {bogus: S3cretPW1x}\n"};
  for (const std::string& step : steps) {
    const fakes::LoadError e = MisspeltScenarioError(kValidScenarioHead + step);
    EXPECT_THAT(e.message, HasSubstr("unknown")) << step;
    EXPECT_THAT(e.ToString(), Not(HasSubstr(kMisspeltSecret))) << step;
    EXPECT_THAT(e.source_line, HasSubstr("********")) << step;
  }
  // A known key spelt another way holds what that key holds: shown, to be fixed.
  EXPECT_THAT(MisspeltMachineError("frameworks:\n  - version: '1.0'\n    toolsPresent: true\n").source_line,
              HasSubstr("toolsPresent: true"));
  EXPECT_THAT(MisspeltScenarioError(kValidScenarioHead + "  - map_application: {path: /x, physical-path: 'C:\\x'}\n")
                  .source_line,
              HasSubstr("physical-path: 'C:\\x'"));
}

// Near misses of the short secret keys are other keys, shown as they are: `answers` is no answer.
TEST(MisspeltSecretKeys, KnownKeysThatAreNoSecretsAreShown) {
  const fakes::LoadError e = MisspeltMachineError(
      "accounts:\n  alice: {password_expired: maybe}\n");  // a known key: its wrong value is what the error is about
  EXPECT_THAT(e.message, HasSubstr("'maybe'"));
  EXPECT_THAT(e.source_line, HasSubstr("password_expired: maybe"));
}

// `output_lacks` holds the text a scenario proves never printed, most often a password: an error
// on its line masks it as it masks a password (audit 9 item 9), in its scalar and map forms.
TEST(MisspeltSecretKeys, AnOutputLacksTextIsNeverQuotedByAnErrorOnItsLine) {
  for (const std::string& check : {"{output_lacks: " + std::string(kMisspeltSecret) + ", statuss: 1}",
                                   "{output_lacks: {text: " + std::string(kMisspeltSecret) + ", bogus: 1}}"}) {
    const fakes::LoadError e =
        MisspeltScenarioError(kValidScenarioHead + "  - command: net helpmsg 2221\n    expect: " + check + "\n");
    EXPECT_THAT(e.message, Not(HasSubstr(kMisspeltSecret))) << check;
    EXPECT_THAT(e.ToString(), Not(HasSubstr(kMisspeltSecret))) << check;
  }
}
