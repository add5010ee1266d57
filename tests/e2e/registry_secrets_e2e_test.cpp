// A registry value's data never reaches either tool's output, as real processes: aspnet_setreg's
// worker credentials and Winlogon's DefaultPassword in a machine file are not printed by
// `fixup-sim show` in any form, nor by a load error's excerpt (on standard error, in `--json`,
// JUnit and HTML), nor by `aspnet-fixer` loading the file as its state file
// (docs/machine-format.md, "What output never shows").
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/built_tools.h"
#include "fakes/machine_yaml.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;

// Secrets the machine holds in registry values (W3b-Worker-2003 is webworker's password too).
constexpr const char* kSecrets[] = {"W3b-Worker-2003", "Adm1nPass", "Pwd=Sh0p-Db"};

// The worker runs as webworker with the password aspnet_setreg stored: the site answers 200.
constexpr const char* kMachine =
    "os: windows-xp-professional\n"
    "accounts:\n"
    "  webworker: {password: W3b-Worker-2003}\n"
    "rights:\n"
    "  webworker: [SeBatchLogonRight]\n"
    "objects:\n"
    "  - registry: 'HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG'\n"
    "    acl:\n"
    "      - {allow: SYSTEM, mask: full}\n"
    "    values: {userName: webworker, password: W3b-Worker-2003}\n"
    "  - registry: 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon'\n"
    "    values:\n"
    "      AutoAdminLogon: '1'\n"
    "      DefaultPassword: Adm1nPass\n"
    "  - registry: 'HKLM\\SOFTWARE\\Shop'\n"
    "    values: {ConnectionString: 'Server=.;Uid=sa;Pwd=Sh0p-Db'}\n"
    "  - file: 'C:\\WINDOWS\\Microsoft.NET\\Framework\\v1.0.3705\\Temporary ASP.NET Files'\n"
    "    acl: [{allow: webworker, mask: full, flags: [OI, CI]}]\n"
    "  - file: 'C:\\WINDOWS\\Temp'\n"
    "    acl: [{allow: webworker, mask: full, flags: [OI, CI]}]\n"
    "  - file: 'C:\\WINDOWS\\Microsoft.NET\\Framework\\v1.0.3705'\n"
    "    acl: [{allow: webworker, mask: read, flags: [OI, CI]}]\n"
    "frameworks:\n"
    "  - version: '1.0'\n"
    "    process_model:\n"
    "      userName: 'registry:HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG,userName'\n"
    "      password: 'registry:HKLM\\SOFTWARE\\Contoso\\ASPNET_SETREG,password'\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

class RegistrySecretsE2e : public ::testing::Test {
 protected:
  Ran Run(const char* program, const std::vector<std::string>& args) {
    return test_support::RunProgram({.program = program, .args = args, .cwd = dir_.path()});
  }
  static void ExpectNoSecret(const std::string& what, const std::string& text) {
    for (const char* secret : kSecrets) EXPECT_EQ(text.find(secret), std::string::npos) << what << ":\n" << text;
  }

  const test_support::TempFolder dir_{"registry_secrets_e2e"};
};

TEST_F(RegistrySecretsE2e, ShowPrintsNoRegistryValuesDataInAnyForm) {
  dir_.Write("m.yaml", kMachine);
  for (const std::vector<std::string>& form :
       {std::vector<std::string>{}, {"--format", "yaml"}, {"--format", "json"}, {"--json"}}) {
    std::vector<std::string> args = {"show", "m.yaml"};
    args.insert(args.end(), form.begin(), form.end());
    const Ran r = Run(FIXUP_SIM_BIN, args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    ExpectNoSecret("show " + (form.empty() ? std::string("(text)") : form.back()), r.out + r.err);
  }
  // The yaml still loads back, each value named, its data masked; the machine's own file keeps it.
  const Ran yaml = Run(FIXUP_SIM_BIN, {"show", "m.yaml", "--format", "yaml"});
  auto back = fakes::LoadMachineText(yaml.out, "shown.yaml");
  ASSERT_TRUE(back.ok()) << back.error->ToString();
  EXPECT_NE(yaml.out.find("DefaultPassword: '********'"), std::string::npos) << yaml.out;
  // --json's responses are the machine's own: the worker logs on with the registry's password
  // (the masked copy it prints would answer 503).
  const Ran json = Run(FIXUP_SIM_BIN, {"show", "m.yaml", "--json"});
  EXPECT_NE(json.out.find("\"/LM/W3SVC/1/ROOT/app\": 200"), std::string::npos) << json.out;
}

// A block-style `values:` map, its error on the line below: stderr, --json, JUnit and HTML quote
// the line with the data masked; aspnet-fixer reading it as its state file too.
TEST_F(RegistrySecretsE2e, ALoadErrorNeverQuotesARegistryValuesData) {
  std::string broken = kMachine;
  broken.replace(broken.find("      DefaultPassword: Adm1nPass\n"), 0, "      DefaultPassword: Adm1nPass\n");
  dir_.Write("m.yaml", broken);
  const Ran show = Run(FIXUP_SIM_BIN, {"show", "m.yaml"});
  EXPECT_EQ(show.exit_code, 2) << show.out << show.err;
  EXPECT_NE(show.err.find("DefaultPassword: ********"), std::string::npos) << show.err;
  ExpectNoSecret("show", show.out + show.err);
  for (const std::string verb : {"diagnose", "plan", "apply"}) {
    const Ran fixer = Run(ASPNET_FIXER_BIN, {verb, "--machine", "m.yaml", "--json"});
    EXPECT_EQ(fixer.exit_code, 2) << fixer.out << fixer.err;
    ExpectNoSecret("aspnet-fixer " + verb, fixer.out + fixer.err);
  }
  std::string scenario = "summary: a machine whose registry holds credentials\nmachine:\n";
  for (size_t at = 0; at < broken.size();) {
    const size_t end = broken.find('\n', at);
    scenario += "  " + broken.substr(at, end - at + 1);
    at = end + 1;
  }
  scenario += "steps:\n  - fixer: diagnose\n";
  dir_.Write("s.yaml", scenario);
  const Ran run = Run(FIXUP_SIM_BIN, {"run", "s.yaml", "--json", "--junit", "j.xml", "--html", "h.html"});
  EXPECT_EQ(run.exit_code, 2) << run.out << run.err;
  EXPECT_NE(run.out.find("DefaultPassword: ********"), std::string::npos) << run.out;
  ExpectNoSecret("run --json", run.out + run.err);
  ExpectNoSecret("--junit", dir_.Read("j.xml"));
  ExpectNoSecret("--html", dir_.Read("h.html"));
}

// The tool on the machine itself: diagnose, plan and apply read the worker's name through the
// registry (webworker) and print neither its password nor any other value's data.
TEST_F(RegistrySecretsE2e, AspnetFixerPrintsNoRegistryValuesData) {
  dir_.Write("m.yaml", kMachine);
  for (const std::string verb : {"diagnose", "plan", "apply"}) {
    const Ran r = Run(ASPNET_FIXER_BIN, {verb, "--machine", "m.yaml", "-v"});
    EXPECT_NE(r.out.find("webworker"), std::string::npos) << verb << ": the worker named\n" << r.out << r.err;
    ExpectNoSecret("aspnet-fixer " + verb, r.out + r.err);
  }
}

}  // namespace
