// The fake's ports answer a caller who may not change something as Windows does: 5, Access is
// denied, with nothing changed (fakes/src/who_may.h; docs/windows-reference.md#power-users).
#include <gtest/gtest.h>

#include "fakes/aspnet_setup.h"
#include "fakes/fresh_install.h"
#include "fakes/machine_ports.h"
#include "fakes/sam.h"
#include "fixer/win_error.h"

namespace {

const fixer::Secret kCallerPassword = fixer::Secret::FromString("Tmp-pa55word!x");

// An XP machine with ASP.NET 1.0 whose session caller is `caller`, a new member of `group`.
fakes::Machine MachineWithCaller(const fixer::Sid& group) {
  fakes::Machine m(fakes::FreshInstall({.seed = 7}));
  EXPECT_TRUE(fakes::AspNetSetup(m).InstallFramework("1.0.3705").ok());
  fakes::Sam sam(m);
  auto sid = sam.CreateUser({.name = "caller"}, kCallerPassword);
  EXPECT_TRUE(sid.ok());
  if (group != fixer::Sid::Users()) {
    const fakes::LocalGroup* g = nullptr;
    for (const fakes::LocalGroup& each : m.state().sam.groups)
      if (each.sid == group) g = &each;
    EXPECT_NE(g, nullptr);
    EXPECT_TRUE(sam.AddMember(g->name, *sid).ok());
  }
  m.state().session.caller = "caller";
  return m;
}

TEST(CallerAccess, APlainUserIsDeniedEveryChangeAndNothingChanges) {
  fakes::Machine m = MachineWithCaller(fixer::Sid::Users());
  const fakes::MachineState before = m.state();
  fakes::MachinePorts mp(m);
  fixer::Ports& p = mp.ports();
  const fixer::Sid caller = p.accounts.Lookup("caller")->sid;
  const fixer::Secret pw = fixer::Secret::FromString("An0ther-pa55!");
  EXPECT_EQ(p.accounts.Create({.name = "eve"}, pw).status().code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(p.accounts.SetPassword("Administrator", pw).code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(p.accounts.SetFlags("Administrator", {.disabled = true}).code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(p.accounts.Delete("ASPNET").code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(p.accounts.AddToGroup("Administrators", caller).code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(p.rights.Grant(caller, "SeTcbPrivilege").code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(p.secrets.Store("L$x", pw).code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(p.services.Stop("W3SVC").code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(p.aspnet.Register("1.0.3705").code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(p.security
                .AddAce({fixer::ObjectNamespace::kFile, R"(C:\WINDOWS\Temp)"},
                        {fixer::AceType::kAllow, caller, fixer::kFileModify, 0})
                .code(),
            fixer::kErrorAccessDenied);
  EXPECT_TRUE(m.state() == before) << "a denied call changed the machine";
}

// A name that does not exist is looked up first: its own error, not 5.
TEST(CallerAccess, AMissingNameSaysSoBeforeAccess) {
  fakes::Machine m = MachineWithCaller(fixer::Sid::Users());
  fakes::MachinePorts mp(m);
  fixer::Ports& p = mp.ports();
  EXPECT_EQ(p.accounts.Delete("nobody").code(), fixer::kNerrUserNotFound);
  EXPECT_EQ(p.accounts.AddToGroup("No Such Group", fixer::Sid::Users()).code(), fixer::kNerrGroupNotFound);
  EXPECT_EQ(p.services.Stop("NoSuchService").code(), fixer::kErrorServiceDoesNotExist);
}

// Power Users may create accounts, add members to Users, and start and stop services; not more.
TEST(CallerAccess, APowerUserMayWhatTheDocumentationSays) {
  fakes::Machine m = MachineWithCaller(fixer::Sid::PowerUsers());
  fakes::MachinePorts mp(m);
  fixer::Ports& p = mp.ports();
  auto eve = p.accounts.Create({.name = "eve"}, fixer::Secret::FromString("An0ther-pa55!"));
  ASSERT_TRUE(eve.ok()) << eve.status();
  const uint32_t to_users = p.accounts.AddToGroup("Users", *eve).code();  // a new account is in Users already
  EXPECT_TRUE(to_users == 0 || to_users == fixer::kErrorMemberInAlias) << to_users;
  EXPECT_EQ(p.accounts.AddToGroup("Administrators", *eve).code(), fixer::kErrorAccessDenied);
  EXPECT_TRUE(p.services.Stop("W3SVC").ok());
  EXPECT_TRUE(p.services.Start("W3SVC").ok());
  EXPECT_EQ(p.rights.Grant(*eve, "SeBatchLogonRight").code(), fixer::kErrorAccessDenied);
}

TEST(CallerAccess, AnAdministratorMayChange) {
  fakes::Machine m = MachineWithCaller(fixer::Sid::Administrators());
  fakes::MachinePorts mp(m);
  fixer::Ports& p = mp.ports();
  auto eve = p.accounts.Create({.name = "eve"}, fixer::Secret::FromString("An0ther-pa55!"));
  ASSERT_TRUE(eve.ok()) << eve.status();
  EXPECT_TRUE(p.rights.Grant(*eve, "SeBatchLogonRight").ok());
  EXPECT_TRUE(p.accounts.AddToGroup("Administrators", *eve).ok());
}

}  // namespace

// A run is one process: its token keeps the groups the caller had at its first check, as Windows
// keeps a token's groups until the next logon (docs/windows-reference.md#choice-live-membership).
// The next run (new ports) reads the SAM again.
TEST(CallerAccess, ARunKeepsTheGroupsItsTokenHadTheNextRunReadsThemAgain) {
  fakes::Machine m = MachineWithCaller(fixer::Sid::Administrators());
  const fixer::Secret pw = fixer::Secret::FromString("An0ther-pa55!");
  {
    fakes::MachinePorts mp(m);
    fixer::Ports& p = mp.ports();
    ASSERT_TRUE(p.accounts.SetPassword("Administrator", pw).ok());  // the token: an administrator
    const fixer::Sid caller = p.accounts.Lookup("caller")->sid;
    ASSERT_TRUE(fakes::Sam(m).RemoveMember("Administrators", caller).ok());
    EXPECT_TRUE(p.accounts.SetPassword("Administrator", pw).ok()) << "the run's token lost its groups";
    EXPECT_TRUE(p.services.Stop("W3SVC").ok());
  }
  fakes::MachinePorts next(m);
  EXPECT_EQ(next.ports().accounts.SetPassword("Administrator", pw).code(), fixer::kErrorAccessDenied);
  EXPECT_EQ(next.ports().services.Start("W3SVC").code(), fixer::kErrorAccessDenied);
}
