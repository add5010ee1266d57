// One example per port of fixup-sim (fixer/include/fixer/ports/), each run on a fresh fake
// machine through fakes::MachinePorts: what a consumer's code sees when it calls the port.
// docs/library.md quotes these; they compile and pass in every build.
#include <gmock/gmock.h>

#include <algorithm>

#include "fakes/testing/matchers.h"

namespace {

using fakes_testing::HasAccount;
using fakes_testing::HasProfile;
using ::testing::IsEmpty;
using ::testing::Not;

class PortExample : public fakes_testing::FreshMachineTest {
 protected:
  PortExample() : FreshMachineTest({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 5}) {}
};

TEST_F(PortExample, ServiceControl) {
  fixer::ServiceControl& scm = ports().services;
  auto dependents = scm.ActiveDependents("IISADMIN");  // running services that need IISADMIN
  ASSERT_TRUE(dependents.ok());
  EXPECT_THAT(*dependents, ::testing::Contains("W3SVC"));
  EXPECT_EQ(scm.Stop("IISADMIN").code(), fixer::kErrorDependentServicesRunning);  // 1051
  for (const std::string& name : *dependents) ASSERT_TRUE(scm.Stop(name).ok());
  EXPECT_TRUE(scm.Stop("IISADMIN").ok());
  EXPECT_THAT(machine(), fakes_testing::ServiceIs("W3SVC", fixer::ServiceState::kStopped));
}

TEST_F(PortExample, Accounts) {
  fixer::Accounts& accounts = ports().accounts;
  auto sid = accounts.Create({.name = "Tester"}, fixer::Secret::FromString("T3st!pass"));
  ASSERT_TRUE(sid.ok());
  EXPECT_THAT(machine(), HasAccount("Tester").WithSid(*sid).Enabled().InGroup("Users"));
  EXPECT_EQ(accounts.Lookup("Nobody").status().code(), fixer::kNerrUserNotFound);  // 2221
  ASSERT_TRUE(accounts.Delete("Tester").ok());
  EXPECT_EQ(accounts.Lookup("Tester").status().code(), fixer::kNerrUserNotFound);  // and its SID is never reused
}

TEST_F(PortExample, Rights) {
  fixer::Rights& rights = ports().rights;
  ASSERT_TRUE(rights.Grant(fixer::Sid::Users(), "SeBatchLogonRight").ok());
  EXPECT_THAT(machine(), fakes_testing::HasRight("Users", "SeBatchLogonRight"));
  EXPECT_EQ(rights.Grant(fixer::Sid::Users(), "SeNoSuchRight").code(), fixer::kErrorNoSuchPrivilege);  // 1313
}

TEST_F(PortExample, Secrets) {
  fixer::Secrets& secrets = ports().secrets;
  ASSERT_TRUE(secrets.Store("L$MyAppKey", fixer::Secret::FromString("s3cret")).ok());
  EXPECT_EQ(secrets.Retrieve("L$MyAppKey")->Reveal(), "s3cret");
  EXPECT_EQ(secrets.Retrieve("L$NoSuchKey").status().code(), fixer::kErrorFileNotFound);  // 2
}

TEST_F(PortExample, LogonAndProfiles) {
  // A profile-loading logon (runas /profile) creates the profile on first use.
  EXPECT_THAT(machine(), Not(HasProfile("Administrator")));
  ASSERT_TRUE(ports().logon.RunWithProfile("Administrator", AdministratorPassword(), "cmd.exe /c exit").ok());
  EXPECT_EQ(ports().logon.RunWithProfile("Administrator", fixer::Secret::FromString("wrong"), "cmd.exe").code(),
            fixer::kErrorLogonFailure);  // 1326
  const fixer::Sid admin = machine().state().sam.domain.WithRid(500);
  auto profile = ports().profiles.Find(admin);
  ASSERT_TRUE(profile.ok() && profile->has_value());
  EXPECT_EQ((*profile)->path, R"(C:\Documents and Settings\Administrator)");
  EXPECT_THAT(machine(), HasProfile("Administrator").At((*profile)->path).WithFolder());
}

TEST_F(PortExample, Security) {
  fixer::Security& security = ports().security;
  const fixer::ObjectRef wwwroot{fixer::ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot)"};
  ASSERT_TRUE(security
                  .AddAce(wwwroot, {fixer::AceType::kAllow, fixer::Sid::NetworkService(), fixer::kFileGenericRead,
                                    fixer::kContainerInheritAce})
                  .ok());
  EXPECT_THAT(machine(), fakes_testing::HasAce(wwwroot, "NETWORK SERVICE", fixer::kFileGenericRead));
  auto grants = security.FindAces(fixer::Sid::NetworkService());  // explicit ACEs naming the SID, anywhere
  ASSERT_TRUE(grants.ok());
  auto on_wwwroot =
      std::find_if(grants->begin(), grants->end(), [&](const fixer::AceGrant& g) { return g.object == wwwroot; });
  ASSERT_NE(on_wwwroot, grants->end());
  EXPECT_EQ(on_wwwroot->ace.mask, fixer::kFileGenericRead);
  EXPECT_EQ(security.AddAce({fixer::ObjectNamespace::kFile, R"(C:\nowhere)"}, on_wwwroot->ace).code(),
            fixer::kErrorFileNotFound);  // 2
}

TEST_F(PortExample, AspNet) {
  fixer::AspNet& aspnet = ports().aspnet;
  EXPECT_THAT(*aspnet.Frameworks(), IsEmpty());
  InstallAspNet("1.0.3705");  // the framework's files, then aspnet_regiis -i
  ASSERT_EQ(aspnet.Frameworks()->size(), 1u);
  EXPECT_EQ(aspnet.Frameworks()->front().version, "1.0.3705");
  EXPECT_EQ(aspnet.Register("1.1.4322").code(), fixer::kErrorFileNotFound);  // 2: not installed
  EXPECT_THAT(machine(), HasAccount("ASPNET").Enabled().PasswordNeverExpires());
}

TEST_F(PortExample, Inventory) {
  fixer::Inventory& inventory = ports().inventory;
  EXPECT_EQ(inventory.Os()->computer_name, "XPPRO");
  EXPECT_EQ(inventory.WebServer()->kind, fixer::WebServerKind::kIis51);
  EXPECT_TRUE(inventory.Caller()->is_admin);
  EXPECT_THAT(*inventory.Hotfixes(), IsEmpty());
}

TEST_F(PortExample, PasswordPolicy) {
  fixer::PasswordPolicy& policy = ports().policy;
  EXPECT_EQ(policy.Get()->min_length, 0u);  // XP's defaults: no minimum, no complexity
  EXPECT_TRUE(policy.Check("Administrator", fixer::Secret::FromString("x")).ok());
  machine().state().lsa.password_policy.min_length = 8;  // a stricter local policy
  EXPECT_EQ(policy.Check("Administrator", fixer::Secret::FromString("x")).code(), fixer::kNerrPasswordTooShort);
}

TEST_F(PortExample, Journal) {
  fixer::Journal& journal = ports().journal;
  ASSERT_TRUE(journal.Append({.seq = 1, .step = "create", .data = {{"account", "Tester"}}}).ok());
  ASSERT_EQ(journal.Load()->size(), 1u);
  EXPECT_EQ(journal.Load()->front().data.at("account"), "Tester");
  ASSERT_TRUE(journal.Clear().ok());
  EXPECT_THAT(*journal.Load(), IsEmpty());
}

TEST_F(PortExample, EventLog) {
  fixer::EventLog& events = ports().events;
  ASSERT_TRUE(events.Write({.log = "Application", .source = "MyInstaller", .id = 1000, .text = "installed"}).ok());
  auto application = events.Read("Application");
  ASSERT_TRUE(application.ok());
  EXPECT_EQ(application->back().source, "MyInstaller");
}

TEST_F(PortExample, Random) {
  // The machine's own randomness: the same seed replays the same values.
  fakes::Machine twin(fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 5}));
  fakes::MachinePorts twin_ports(twin);
  EXPECT_EQ(ports().random.Next(), twin_ports.ports().random.Next());
}

TEST_F(PortExample, WebProbe) {
  // MachinePorts without a web model answers 50 (ERROR_NOT_SUPPORTED); fixup-sim's simulator
  // passes its model of IIS and ASP.NET, which answers 200 or 503.
  EXPECT_EQ(ports().web.Get("/LM/W3SVC/1/ROOT").status().code(), fixer::kErrorNotSupported);
}

}  // namespace
