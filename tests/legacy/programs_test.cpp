// iisreset, aspnet_regiis, cd, echo and unknown commands: texts of
// docs/windows-reference.md#net-commands and #aspnet-regiis
// and cmd.exe's 9009.
#include <algorithm>

#include "fakes/lsa.h"
#include "fakes/objects.h"
#include "fakes/sam.h"
#include "fakes/scm.h"
#include "fixer/name_case.h"
#include "fixer/ports/secrets.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class Programs : public LegacyFixture {};

TEST_F(Programs, IisresetStopAndStart) {
  EXPECT_EQ(Run("iisreset /stop"), 0);
  EXPECT_EQ(Out(), "Attempting stop...\nInternet services successfully stopped\n");
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kStopped);
  EXPECT_EQ(fakes::Scm(machine).Find("IISADMIN")->state, fixer::ServiceState::kStopped);
  EXPECT_EQ(Run("iisreset /start"), 0);
  EXPECT_EQ(Out(), "Attempting start...\nInternet services successfully started\n");
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kRunning);
  EXPECT_EQ(Run("iisreset"), 0);
  EXPECT_EQ(Out(),
            "Attempting stop...\nInternet services successfully stopped\nAttempting start...\n"
            "Internet services successfully restarted\n");
}

TEST_F(Programs, IisresetStartsOnlyAutomaticServices) {
  Run("iisreset /stop");
  fakes::Scm(machine).SetStartType("SMTPSVC", fixer::StartType::kManual);
  Run("iisreset /start");
  EXPECT_EQ(fakes::Scm(machine).Find("SMTPSVC")->state, fixer::ServiceState::kStopped);
}

// Audit 22 item 2: `iisreset [computername] [options]`; the local computer's name runs here.
TEST_F(Programs, IisresetTakesTheLocalComputerNameFirst) {
  EXPECT_EQ(Run("iisreset xppro /stop"), 0);
  EXPECT_EQ(Out(), "Attempting stop...\nInternet services successfully stopped\n");
  EXPECT_EQ(Run("iisreset localhost /start"), 0);
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kRunning);
  EXPECT_EQ(Run("iisreset XPPRO"), 0);
  EXPECT_NE(Out().find("Internet services successfully restarted"), std::string::npos);
  EXPECT_EQ(Run("iisreset /stop XPPRO"), 1);  // the name comes first, or it is a usage error
  EXPECT_NE(Out().find("iisreset [computername]"), std::string::npos);
  EXPECT_EQ(Run("iisreset XPPRO OTHER /stop"), 1);
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kRunning);
}

// A computer the simulated machine cannot reach: the connection fails before any attempt.
TEST_F(Programs, IisresetOnAnotherComputerFindsNoRpcServer) {
  EXPECT_EQ(Run("iisreset WEB02 /stop"), 1);
  EXPECT_EQ(Out(), "Stop attempt failed.\nThe RPC server is unavailable.\n");
  EXPECT_EQ(Run("iisreset WEB02 /status"), 1);
  EXPECT_EQ(Out(), "Status attempt failed.\nThe RPC server is unavailable.\n");
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kRunning);
}

// Audit 22 item 3: a paused service is started; /status says so, /start leaves it, /stop stops it.
TEST_F(Programs, IisresetSeesAPausedServiceAsStarted) {
  ASSERT_TRUE(fakes::Scm(machine).Pause("W3SVC").ok());
  EXPECT_EQ(Run("iisreset /status"), 0);
  EXPECT_NE(Out().find("Status for World Wide Web Publishing ( W3SVC ) : Paused\n"), std::string::npos);
  EXPECT_EQ(Run("iisreset /start"), 0);
  EXPECT_EQ(Out(), "Attempting start...\nInternet services successfully started\n");
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kPaused);
  ASSERT_TRUE(fakes::Scm(machine).Pause("IISADMIN").ok());
  EXPECT_EQ(Run("iisreset /stop"), 0);
  EXPECT_EQ(fakes::Scm(machine).Find("IISADMIN")->state, fixer::ServiceState::kStopped);
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kStopped);
}

TEST_F(Programs, UnknownCommandIs9009) {
  EXPECT_EQ(Run("frobnicate /x"), 9009);
  EXPECT_EQ(Out(),
            "'frobnicate' is not recognized as an internal or external command,\n"
            "operable program or batch file.\n");
}

TEST_F(Programs, AspnetRegiisIsFoundOnlyInItsFrameworkFolder) {
  EXPECT_EQ(Run("aspnet_regiis -i"), 9009);
  EXPECT_EQ(Run("cd /d C:\\WINDOWS\\microsoft.net\\framework\\v1.0.3705"), -1);
  EXPECT_EQ(con->cwd, "C:\\WINDOWS\\microsoft.net\\framework\\v1.0.3705");
  auto before = fakes::Lsa(machine).RetrieveSecret(std::string(fixer::kAspNetWorkerSecret));
  EXPECT_EQ(Run("aspnet_regiis -i"), 0);
  EXPECT_EQ(Out(), "Start installing ASP.NET (1.0.3705.0).\nFinished installing ASP.NET (1.0.3705.0).\n");
  auto after = fakes::Lsa(machine).RetrieveSecret(std::string(fixer::kAspNetWorkerSecret));
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_FALSE(*before == *after);  // a new random password
  EXPECT_EQ(Out().find(std::string(after->Reveal())), std::string::npos);
}

TEST_F(Programs, AspnetRegiisRecreatesAMissingAspnet) {
  Run("net user ASPNET /delete");
  EXPECT_EQ(Run("C:\\WINDOWS\\Microsoft.NET\\Framework\\v1.0.3705\\aspnet_regiis.exe -i"), 0);
  const fakes::UserAccount* u = fakes::Sam(machine).FindUser("ASPNET");
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->full_name, "aspnet_wp account");
}

// docs/windows-reference.md#aspnet-regiis: on an existing ASPNET, -i keeps the account (its SID)
// and re-applies the default access settings an administrator took away: its rights, its ACEs and
// "password never expires".
TEST_F(Programs, AspnetRegiisReappliesTheDefaultsToAnExistingAspnet) {
  fakes::Sam sam(machine);
  const fixer::Sid sid = sam.SidOf(*sam.FindUser("ASPNET"));
  fakes::Lsa lsa(machine);
  ASSERT_TRUE(lsa.Revoke(sid, "SeBatchLogonRight").ok());
  const fixer::ObjectRef temp{fixer::ObjectNamespace::kFile, R"(C:\WINDOWS\Temp)"};
  const fixer::Ace full{fixer::AceType::kAllow, sid, fixer::kFileAllAccess,
                        fixer::kObjectInheritAce | fixer::kContainerInheritAce};
  fakes::ObjectStore objects(machine);
  ASSERT_TRUE(objects.RemoveAce(temp, full).ok());
  auto has_full = [&] {
    for (const fixer::AceGrant& g : objects.FindAces(sid))
      if (fixer::SameWindowsName(g.object.path, temp.path) && g.ace == full) return true;
    return false;
  };
  ASSERT_FALSE(has_full());
  ASSERT_TRUE(sam.SetFlags("ASPNET", {.cannot_change_password = true}).ok());

  EXPECT_EQ(Run(R"(C:\WINDOWS\Microsoft.NET\Framework\v1.0.3705\aspnet_regiis.exe -i)"), 0);
  EXPECT_EQ(sam.SidOf(*sam.FindUser("ASPNET")), sid);
  const std::vector<std::string> rights = lsa.RightsOf(sid);
  EXPECT_NE(std::find(rights.begin(), rights.end(), "SeBatchLogonRight"), rights.end());
  EXPECT_TRUE(has_full());
  EXPECT_TRUE(sam.FindUser("ASPNET")->flags.password_never_expires);
}

TEST_F(Programs, AspnetRegiisUnknownOptionPrintsUsage) {
  Run("cd /d C:\\WINDOWS");  // not the framework's folder: the path finds the program
  EXPECT_EQ(Run("C:\\WINDOWS\\Microsoft.NET\\Framework\\v1.0.3705\\aspnet_regiis -z"), 1);
  EXPECT_NE(Out().find("Usage: aspnet_regiis"), std::string::npos);
}

TEST_F(Programs, CdToAMissingFolder) {
  EXPECT_EQ(Run("cd /d C:\\WINDOWS\\microsoft.net\\framework\\v1.1.4322"), 1);
  EXPECT_EQ(Out(), "The system cannot find the path specified.\n");
  EXPECT_EQ(con->cwd, "C:\\");
}

TEST_F(Programs, EchoForms) {
  EXPECT_EQ(Run("echo \"Stopping IIS\""), -1);
  EXPECT_EQ(Out(), "\"Stopping IIS\"\n");
  Run("echo.");
  EXPECT_EQ(Out(), "\n");
  Run("echo");
  EXPECT_EQ(Out(), "ECHO is on.\n");
  Run("echo off");
  EXPECT_FALSE(con->echo_on);
  Run("echo");
  EXPECT_EQ(Out(), "ECHO is off.\n");
}

}  // namespace
}  // namespace legacy_test
