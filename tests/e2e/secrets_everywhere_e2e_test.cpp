// No password reaches any output of either tool: distinctive passwords set through every route a
// password takes (a machine file's account, LSA secret and registry value, `create_account`,
// `set_password`, a `command` step's net user, an edited batch's net user with an `echo` of it
// before that line and of an earlier step's password after, what was typed at runas, the fixer's
// temporary password, through a power loss and a resume) are looked for in everything `run`
// (text, -v, --json, --junit, --html), `sweep` (--html), `compare` (text, --json, --html), `legacy`,
// `show` (every form) and every `aspnet-fixer` verb (--temp-password, -v, --json, capture) print or
// write (README, "Secrets never reach a log, report, journal or stdout").
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "e2e/built_tools.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;

// Each route's own password, none a part of another.
constexpr const char* kAccountInFile = "File#Alice-2003";
constexpr const char* kSecretInFile = "Lsa#Clear-2003";
constexpr const char* kRegistryInFile = "Sql#Login-2003";
constexpr const char* kCreated = "Create#Bob-2003";
constexpr const char* kSetLater = "Set#Bob-2003";
constexpr const char* kCommandLine = "Command#Carol-2003";
constexpr const char* kBatchSets = "Batch#Aspnet-2003";
constexpr const char* kTypedAtRunas = "Typed#Runas-2003";
constexpr const char* kTempInScenario = "Temp#Scenario-2003";
constexpr const char* kTempOnCommandLine = "Temp#Cli-2003";

const std::vector<std::string> kEveryPassword = {kAccountInFile,  kSecretInFile,     kRegistryInFile, kCreated,
                                                 kSetLater,       kCommandLine,      kBatchSets,      kTypedAtRunas,
                                                 kTempInScenario, kTempOnCommandLine};

const std::string kEveryRouteMachine = std::string(
                                           "os: windows-xp-professional\n"
                                           "frameworks: [1.0]\n"
                                           "hotfixes: [MS03-032]\n"
                                           "accounts:\n"
                                           "  alice: {password: '") +
                                       kAccountInFile +
                                       "'}\n"
                                       "secrets:\n"
                                       "  shop_secret: {clear: '" +
                                       kSecretInFile +
                                       "'}\n"
                                       "objects:\n"
                                       "  - registry: 'HKLM\\SOFTWARE\\Contoso\\Shop'\n"
                                       "    values: {ConnectionString: 'server=.;uid=shop;pwd=" +
                                       kRegistryInFile +
                                       "'}\n"
                                       "applications:\n"
                                       "  - path: /LM/W3SVC/1/ROOT/shop\n";

std::string IndentedTwo(const std::string& text) {
  std::string out;
  size_t begin = 0;
  while (begin < text.size()) {
    const size_t end = text.find('\n', begin);
    out += "  " + text.substr(begin, end - begin + 1);
    begin = end + 1;
  }
  return out;
}

// An edited batch: echo off, so only what it prints shows; it prints its own password before its
// net user line takes it, and the password an earlier step's batch gave carol after.
const std::string kTellingBatch = std::string("@echo off\r\necho next: ") + kBatchSets + "\r\nnet user ASPNET " +
                                  kBatchSets + "\r\nrunas /profile /user:ASPNET cmd.exe\r\necho carol has " +
                                  kCommandLine + "\r\n";

const std::string kPasswordSetUp = std::string("  - create_account: {name: bob, password: '") + kCreated +
                                   "'}\n"
                                   "  - set_password: {user: bob, password: '" +
                                   kSetLater +
                                   "'}\n"
                                   "  - command: {line: 'net user carol " +
                                   kCommandLine + " /add'}\n";

// Every route in one story: the batch, a repair through a power loss and its resume, and a later
// command line naming an earlier password.
const std::string kEveryRoute = "summary: every route a password takes\nmachine:\n" + IndentedTwo(kEveryRouteMachine) +
                                "steps:\n" + kPasswordSetUp + "  - legacy: {script: edited.cmd, answer: '" +
                                kTypedAtRunas +
                                "'}\n"
                                "  - fixer: {command: apply, temp_password: '" +
                                kTempInScenario +
                                "', crash_op: profile.create}\n"
                                "  - fixer: resume\n"
                                "  - command: {line: 'echo " +
                                kCommandLine + " " + kBatchSets + "'}\n";

// What the sweep replays: an apply after the batches.
const std::string kSweptRoute = "summary: an apply after the batches\nmachine:\n" + IndentedTwo(kEveryRouteMachine) +
                                "steps:\n" + kPasswordSetUp + "  - legacy: {script: edited.cmd, answer: '" +
                                kTypedAtRunas +
                                "'}\n"
                                "  - fixer: {command: apply, temp_password: '" +
                                kTempInScenario + "'}\n";

class SecretsEverywhereE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("edited.cmd", kTellingBatch);
    dir_.Write("routes.yaml", kEveryRoute);
    dir_.Write("swept.yaml", kSweptRoute);
    dir_.Write("m.yaml", kEveryRouteMachine);
  }

  Ran Sim(const std::vector<std::string>& args) const {
    return test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .cwd = dir_.path()});
  }
  Ran Fixer(std::vector<std::string> args) const {
    return test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = std::move(args), .cwd = dir_.path()});
  }

  // Each password `text` holds, by name, for the failure message.
  static void ExpectNoPassword(const std::string& what, const std::string& text) {
    for (const std::string& password : kEveryPassword)
      EXPECT_EQ(text.find(password), std::string::npos) << what << " shows " << password << ":\n" << text;
  }
  void ExpectNoPassword(const std::string& what, const Ran& r) const { ExpectNoPassword(what, r.out + r.err); }
  void ExpectNoPasswordInFile(const std::string& name) const { ExpectNoPassword(name, dir_.Read(name)); }

  const test_support::TempFolder dir_{"secrets_everywhere_e2e"};
};

TEST_F(SecretsEverywhereE2e, RunAndItsReportsShowNone) {
  const Ran run = Sim({"run", "routes.yaml", "-v", "--junit", "r.xml", "--html", "r.html"});
  EXPECT_EQ(run.exit_code, 0) << run.out << run.err;  // every invariant, `secrets` included, held
  ExpectNoPassword("run -v", run);
  ExpectNoPasswordInFile("r.xml");
  ExpectNoPasswordInFile("r.html");
  ExpectNoPassword("run --json", Sim({"run", "routes.yaml", "-v", "--json"}));
  // The batch's lines said what they print, masked.
  EXPECT_NE(run.out.find("next: ********"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("carol has ********"), std::string::npos) << run.out;
}

TEST_F(SecretsEverywhereE2e, SweepCompareAndLegacyShowNone) {
  const Ran sweep = Sim({"sweep", "swept.yaml", "--html", "s.html"});
  EXPECT_EQ(sweep.exit_code, 0) << sweep.out << sweep.err;
  ExpectNoPassword("sweep", sweep);
  ExpectNoPasswordInFile("s.html");
  for (const std::string form : {"--json", "--html"}) {
    std::vector<std::string> args = {"compare", "routes.yaml", "--script", "edited.cmd", "--answer", kTypedAtRunas};
    if (form == "--json") args.push_back(form);
    if (form == "--html") args.insert(args.end(), {form, "c.html"});
    const Ran compare = Sim(args);
    EXPECT_EQ(compare.exit_code, 0) << compare.out << compare.err;
    ExpectNoPassword("compare " + form, compare);
  }
  ExpectNoPasswordInFile("c.html");
  const Ran legacy = Sim({"legacy", "routes.yaml", "--script", "edited.cmd", "--answer", kTypedAtRunas});
  ExpectNoPassword("legacy", legacy);
  // The batch set ASPNET's password and nothing changed it after: the row says so, not which one.
  EXPECT_NE(legacy.out.find("secrets:      BAD  a temporary password typed at runas or set by the script still "
                            "logs ASPNET on"),
            std::string::npos)
      << legacy.out;
}

TEST_F(SecretsEverywhereE2e, ShowAndEveryAspnetFixerVerbShowNone) {
  for (const std::vector<std::string>& form :
       std::vector<std::vector<std::string>>{{}, {"--format", "yaml"}, {"--format", "json"}, {"--json"}}) {
    std::vector<std::string> args = {"show", "m.yaml"};
    args.insert(args.end(), form.begin(), form.end());
    ExpectNoPassword("show " + (form.empty() ? std::string("text") : form.back()), Sim(args));
  }
  // Each verb on its own copy, as a support engineer runs them in turn: an apply that loses
  // nothing, then resume and rollback, which find no journal.
  for (const std::string verb : {"diagnose", "plan", "apply", "resume", "rollback"}) {
    for (const std::string form : {"-v", "--json"}) {
      const std::string out = verb + form + ".yaml";
      std::vector<std::string> args = {verb, "--machine",       "m.yaml",           "--out",
                                       out,  "--temp-password", kTempOnCommandLine, form};
      ExpectNoPassword("aspnet-fixer " + verb + " " + form, Fixer(args));
      args.push_back("--dry-run");
      if (verb == "apply") ExpectNoPassword("aspnet-fixer apply --dry-run " + form, Fixer(args));
    }
  }
  // capture reads the machine and writes it: an LSA secret as `redacted`, never in clear.
  const Ran capture = Fixer({"capture", "--machine", "m.yaml"});
  ASSERT_EQ(capture.exit_code, 0) << capture.err;
  ExpectNoPassword("capture", capture);
}

}  // namespace
