// `fixup-sim show` never prints a password a machine.config keeps in clear (`processModel
// password="..."` for a custom worker account), in any form: the text form does not list it, and
// `--format yaml|json` and `--json` write it as '********' while `AutoGenerate` and a
// `registry:` reference, which are no password, stay as written (docs/machine-format.md, "What
// output never shows"; the `secrets` invariant counts that password as a secret too).
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"
#include "fakes/password_rules.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;

constexpr const char* kPassword = "W0rker!pass-2003";

// 1.0 runs as webworker, its password in clear in machine.config; 1.1 keeps the default.
constexpr const char* kWebworkerMachine =
    "accounts:\n"
    "  webworker: {password: 'W0rker!pass-2003'}\n"
    "frameworks:\n"
    "  - version: '1.0'\n"
    "    process_model: {userName: 'XPPRO\\webworker', password: 'W0rker!pass-2003'}\n"
    "  - version: '1.1'\n"
    "    process_model: {userName: machine, password: AutoGenerate}\n";

// show's forms: text, the two loadable ones, and --json.
const std::vector<std::vector<std::string>> kEveryForm = {{}, {"--format", "yaml"}, {"--format", "json"}, {"--json"}};
std::string FormName(const std::vector<std::string>& form) { return form.empty() ? "text" : form.back(); }

class ShowSecretsE2e : public ::testing::Test {
 protected:
  Ran Show(const std::vector<std::string>& form) {
    std::vector<std::string> args = {"show", "m.yaml"};
    args.insert(args.end(), form.begin(), form.end());
    return test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .cwd = dir_.path()});
  }

  const test_support::TempFolder dir_{"show_secrets_e2e"};
};

TEST_F(ShowSecretsE2e, AProcessModelPasswordInClearIsShownInNoForm) {
  dir_.Write("m.yaml", kWebworkerMachine);
  for (const std::vector<std::string>& form : kEveryForm) {
    const Ran r = Show(form);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string name = FormName(form);
    EXPECT_EQ((r.out + r.err).find(kPassword), std::string::npos) << name << ":\n" << r.out << r.err;
  }
}

TEST_F(ShowSecretsE2e, TheLoadableFormsMaskOnlyAClearTextPassword) {
  dir_.Write("m.yaml", kWebworkerMachine);
  const Ran yaml = Show({"--format", "yaml"});
  ASSERT_EQ(yaml.exit_code, 0) << yaml.err;
  EXPECT_NE(yaml.out.find("      password: '********'\n"), std::string::npos) << yaml.out;
  EXPECT_NE(yaml.out.find("      password: AutoGenerate\n"), std::string::npos) << yaml.out;
  auto back = fakes::LoadMachineText(yaml.out, "shown.yaml");
  ASSERT_TRUE(back.ok()) << back.error->ToString();
  const Ran json = Show({"--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("\"password\": \"********\""), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"password\": \"AutoGenerate\""), std::string::npos) << json.out;
}

// An account's password is in no form; its NT hash only in the forms that load back, which must
// answer the same requests (the worker's logon compares the LSA secret with it): the exception
// "What output never shows" makes by design.
TEST_F(ShowSecretsE2e, AnAccountsHashIsOnlyInTheFormsThatLoadBack) {
  dir_.Write("m.yaml", kWebworkerMachine);
  const std::string hash = fakes::NtHash(kPassword);
  for (const std::vector<std::string>& form : kEveryForm) {
    const Ran r = Show(form);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string name = FormName(form);
    EXPECT_EQ(r.out.find(hash) != std::string::npos, !form.empty()) << name << ":\n" << r.out;
  }
}

}  // namespace
