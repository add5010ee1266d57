// Scm: every error number (1051, 1056, 1058, 1059, 1060, 1061, 1062, 1068, 1069, 1075), dependents
// stopped in order, Start pulling dependencies transitively, and the logon check of a service
// account.
#include "fakes/scm.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "fakes/fresh_install.h"
#include "fakes/lsa.h"
#include "fakes/machine_ports.h"
#include "fakes/sam.h"

namespace {

using fixer::ServiceState;
using fixer::StartType;

std::vector<std::string> Ops(fakes::Machine& m) {
  std::vector<std::string> out;
  for (const auto& e : m.faults().trace()) out.push_back(e.op + " " + e.target);
  return out;
}

class ScmTest : public ::testing::Test {
 protected:
  // Windows 2000 Server: IISADMIN with W3SVC, SMTPSVC and MSFTPSVC depending on it.
  ScmTest() : machine_(fakes::FreshInstall({.os = fixer::OsEdition::kWindows2000Server, .seed = 3})), scm_(machine_) {}

  void AddService(std::string name, std::vector<std::string> deps, ServiceState state = ServiceState::kStopped,
                  std::string account = "LocalSystem") {
    machine_.state().services.push_back({.name = std::move(name),
                                         .display_name = "",
                                         .state = state,
                                         .start_type = StartType::kManual,
                                         .account = std::move(account),
                                         .dependencies = std::move(deps)});
  }
  ServiceState StateOf(const std::string& name) { return scm_.Find(name)->state; }

  fakes::Machine machine_;
  fakes::Scm scm_;
};

TEST_F(ScmTest, FindsByKeyOrDisplayNameIgnoringCase) {
  ASSERT_NE(scm_.Find("w3svc"), nullptr);
  EXPECT_EQ(scm_.Find("w3svc")->name, "W3SVC");
  // Windows 2000's display name (docs/windows-reference.md#services).
  ASSERT_NE(scm_.Find("world wide web publishing service"), nullptr);
  EXPECT_EQ(scm_.Find("world wide web publishing service")->name, "W3SVC");
  EXPECT_EQ(scm_.Find("nosuch"), nullptr);
  EXPECT_EQ(scm_.Start("nosuch").code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(scm_.Stop("nosuch").code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(scm_.SetStartType("nosuch", StartType::kDisabled).code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(scm_.ActiveDependents("nosuch").status().code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(scm_.StopWithDependents("nosuch").status().code(), fixer::kErrorServiceDoesNotExist);
}

// The fixer's port opens services as OpenService does, by key name only: a display name is
// 1060 there (OpenService's page: "not the service display name"), while Scm itself, which
// `net start` and `net stop` use, accepts both.
TEST_F(ScmTest, ThePortKnowsServicesByKeyNameOnly) {
  fakes::MachinePorts ports(machine_);
  fixer::ServiceControl& services = ports.ports().services;
  ASSERT_TRUE(services.Query("w3svc").ok());
  EXPECT_EQ(services.Query("World Wide Web Publishing").status().code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(services.ActiveDependents("IIS Admin").status().code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(services.Stop("World Wide Web Publishing").code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(services.Start("World Wide Web Publishing").code(), fixer::kErrorServiceDoesNotExist);
  EXPECT_EQ(StateOf("W3SVC"), ServiceState::kRunning);
  EXPECT_EQ(services.Stop("w3svc").code(), 0u);
  EXPECT_EQ(services.Start("W3SVC").code(), 0u);
}

// docs/windows-reference.md#services: boot and system start are for drivers only; a Win32
// service refuses them with 87 and keeps its start type (Wine's conformance tests, service.c).
TEST_F(ScmTest, BootAndSystemStartAreForDriversOnly) {
  for (StartType type : {StartType::kBoot, StartType::kSystem}) {
    EXPECT_EQ(scm_.SetStartType("W3SVC", type).code(), fixer::kErrorInvalidParameter);
    EXPECT_EQ(scm_.Find("W3SVC")->start_type, StartType::kAutomatic);
  }
  EXPECT_TRUE(scm_.SetStartType("W3SVC", StartType::kManual).ok());
}

TEST_F(ScmTest, StopRefusesWhileDependentsRun) {
  EXPECT_EQ(scm_.Stop("IISADMIN").code(), fixer::kErrorDependentServicesRunning);
  EXPECT_EQ(StateOf("IISADMIN"), ServiceState::kRunning);
  EXPECT_EQ(scm_.Stop("IIS Admin Service").code(), fixer::kErrorDependentServicesRunning);
}

// Scm keeps who depends on whom between calls: a list of services put in place of the machine's
// (a state restored, a file loaded) is read afresh, whatever that Scm answered before.
TEST_F(ScmTest, DependentsAreReadAfreshWhenTheServicesAreReplaced) {
  EXPECT_EQ(scm_.Stop("IISADMIN").code(), fixer::kErrorDependentServicesRunning);
  fakes::NamedList<fixer::ServiceInfo> alone;
  alone.push_back({.name = "IISADMIN", .state = ServiceState::kRunning});
  alone.push_back({.name = "W3SVC", .state = ServiceState::kRunning});  // depends on nothing here
  machine_.state().services = alone;
  EXPECT_EQ(*scm_.ActiveDependents("IISADMIN"), std::vector<std::string>{});
  EXPECT_TRUE(scm_.Stop("IISADMIN").ok());
  AddService("Child", {"W3SVC"}, ServiceState::kRunning);  // added: W3SVC has a dependent now
  EXPECT_EQ(*scm_.ActiveDependents("W3SVC"), std::vector<std::string>{"Child"});
  EXPECT_EQ(scm_.Stop("W3SVC").code(), fixer::kErrorDependentServicesRunning);
}

TEST_F(ScmTest, StopWithDependentsStopsDependentsFirstInOrder) {
  auto deps = scm_.ActiveDependents("iisadmin");
  ASSERT_TRUE(deps.ok());
  EXPECT_EQ(*deps, (std::vector<std::string>{"W3SVC", "SMTPSVC", "MSFTPSVC"}));

  machine_.faults().ResetCounters();
  auto stopped = scm_.StopWithDependents("IISADMIN");
  ASSERT_TRUE(stopped.ok());
  EXPECT_EQ(*stopped, (std::vector<std::string>{"W3SVC", "SMTPSVC", "MSFTPSVC", "IISADMIN"}));
  EXPECT_EQ(Ops(machine_),
            (std::vector<std::string>{"scm.stop W3SVC", "scm.stop SMTPSVC", "scm.stop MSFTPSVC", "scm.stop IISADMIN"}));
  for (const char* s : {"IISADMIN", "W3SVC", "SMTPSVC", "MSFTPSVC"}) EXPECT_EQ(StateOf(s), ServiceState::kStopped) << s;
  EXPECT_EQ(StateOf("seclogon"), ServiceState::kRunning);
  EXPECT_TRUE(scm_.ActiveDependents("IISADMIN")->empty());
}

// A chain and a diamond: each dependent once, its own dependents before it, a stopped one's
// dependents still found through it, a dependency named in another case still its service.
TEST_F(ScmTest, ALongChainAndADiamondListEachDependentOnceDeepestFirst) {
  constexpr int kChain = 2000;
  for (int i = 0; i < kChain; ++i) {
    AddService("Chain" + std::to_string(i), {i == 0 ? std::string("w3svc") : "CHAIN" + std::to_string(i - 1)},
               i == 5 ? ServiceState::kStopped : ServiceState::kRunning);
  }
  AddService("Left", {"Chain0"}, ServiceState::kRunning);
  AddService("Right", {"Chain0"}, ServiceState::kRunning);
  AddService("Bottom", {"Left", "Right"}, ServiceState::kRunning);
  auto deps = scm_.ActiveDependents("W3SVC");
  ASSERT_TRUE(deps.ok());
  std::vector<std::string> expected;
  for (int i = kChain - 1; i >= 1; --i) {
    if (i != 5) expected.push_back("Chain" + std::to_string(i));
  }
  for (const char* s : {"Bottom", "Left", "Right", "Chain0"}) expected.push_back(s);
  EXPECT_EQ(*deps, expected);
}

TEST_F(ScmTest, DependentsOfDependentsComeFirst) {
  AddService("APPPOOL", {"W3SVC"}, ServiceState::kRunning);
  EXPECT_EQ(*scm_.ActiveDependents("IISADMIN"), (std::vector<std::string>{"APPPOOL", "W3SVC", "SMTPSVC", "MSFTPSVC"}));
  EXPECT_EQ(scm_.Stop("W3SVC").code(), fixer::kErrorDependentServicesRunning);
  // Stopped dependents are not listed.
  ASSERT_TRUE(scm_.Stop("APPPOOL").ok());
  ASSERT_TRUE(scm_.Stop("SMTPSVC").ok());
  EXPECT_EQ(*scm_.ActiveDependents("IISADMIN"), (std::vector<std::string>{"W3SVC", "MSFTPSVC"}));
}

TEST_F(ScmTest, StoppedAndRunningErrors) {
  ASSERT_TRUE(scm_.StopWithDependents("IISADMIN").ok());
  EXPECT_EQ(scm_.Stop("W3SVC").code(), fixer::kErrorServiceNotActive);
  EXPECT_EQ(scm_.StopWithDependents("IISADMIN").status().code(), fixer::kErrorServiceNotActive);
  EXPECT_EQ(scm_.Start("seclogon").code(), fixer::kErrorServiceAlreadyRunning);
}

// docs/windows-reference.md#services: ControlService looks for running dependents before the
// service's own state (ReactOS RControlService), so a stopped service that running services
// depend on (a machine file can say so) answers 1051, not 1062, and nothing changes.
TEST_F(ScmTest, RunningDependentsAreSaidBeforeAStoppedServicesOwnState) {
  scm_.Find("IISADMIN")->state = ServiceState::kStopped;
  ASSERT_EQ(StateOf("W3SVC"), ServiceState::kRunning);
  const fakes::MachineState before = machine_.state();
  EXPECT_EQ(scm_.Stop("IISADMIN").code(), fixer::kErrorDependentServicesRunning);
  EXPECT_TRUE(machine_.state() == before);
}

// docs/windows-reference.md#services: ControlService cannot send a stop to a service that is
// starting or stopping (1061), and changes nothing; running dependents are still said first (1051).
TEST_F(ScmTest, APendingServiceCannotAcceptAStop) {
  for (ServiceState pending : {ServiceState::kStartPending, ServiceState::kStopPending}) {
    AddService("PENDING", {}, pending);
    machine_.faults().ResetCounters();
    EXPECT_EQ(scm_.Stop("PENDING").code(), fixer::kErrorServiceCannotAcceptCtrl) << fixer::ToString(pending);
    EXPECT_EQ(StateOf("PENDING"), pending);
    EXPECT_TRUE(Ops(machine_).empty());
    EXPECT_EQ(scm_.StopWithDependents("PENDING").status().code(), fixer::kErrorServiceCannotAcceptCtrl);
    AddService("CHILD", {"PENDING"}, ServiceState::kRunning);
    EXPECT_EQ(scm_.Stop("PENDING").code(), fixer::kErrorDependentServicesRunning);
    machine_.state().services.erase_if([](const auto& s) { return s.name == "PENDING" || s.name == "CHILD"; });
  }
}

// docs/windows-reference.md#services: StartService looks at the start type before the state
// (Wine's and ReactOS's service control managers), so a running service an administrator set to
// Disabled answers 1058, not 1056.
TEST_F(ScmTest, ARunningServiceSetToDisabledAnswers1058) {
  ASSERT_TRUE(scm_.SetStartType("seclogon", StartType::kDisabled).ok());
  EXPECT_EQ(StateOf("seclogon"), ServiceState::kRunning);
  EXPECT_EQ(scm_.Start("seclogon").code(), fixer::kErrorServiceDisabled);
  EXPECT_EQ(StateOf("seclogon"), ServiceState::kRunning);
}

TEST_F(ScmTest, StartPullsDependenciesFirst) {
  ASSERT_TRUE(scm_.StopWithDependents("IISADMIN").ok());
  AddService("APPPOOL", {"W3SVC"});
  machine_.faults().ResetCounters();
  ASSERT_TRUE(scm_.Start("apppool").ok());
  EXPECT_EQ(Ops(machine_), (std::vector<std::string>{"scm.start IISADMIN", "scm.start W3SVC", "scm.start APPPOOL"}));
  EXPECT_EQ(StateOf("W3SVC"), ServiceState::kRunning);
  EXPECT_EQ(StateOf("SMTPSVC"), ServiceState::kStopped);  // only what is needed
}

TEST_F(ScmTest, DisabledServiceAndFailedDependency) {
  ASSERT_TRUE(scm_.StopWithDependents("IISADMIN").ok());
  ASSERT_TRUE(scm_.SetStartType("W3SVC", StartType::kDisabled).ok());
  EXPECT_EQ(scm_.Find("W3SVC")->start_type, StartType::kDisabled);
  EXPECT_EQ(scm_.Start("W3SVC").code(), fixer::kErrorServiceDisabled);
  EXPECT_EQ(StateOf("IISADMIN"), ServiceState::kStopped);  // refused before any dependency

  ASSERT_TRUE(scm_.SetStartType("W3SVC", StartType::kAutomatic).ok());
  ASSERT_TRUE(scm_.SetStartType("IISADMIN", StartType::kDisabled).ok());
  EXPECT_EQ(scm_.Start("W3SVC").code(), fixer::kErrorServiceDependencyFail);
  EXPECT_EQ(StateOf("W3SVC"), ServiceState::kStopped);
}

TEST_F(ScmTest, MissingDependencyAndCycles) {
  AddService("ORPHAN", {"GONE"});
  EXPECT_EQ(scm_.Start("ORPHAN").code(), fixer::kErrorServiceDependencyDeleted);
  AddService("A", {"B"});
  AddService("B", {"A"});
  EXPECT_EQ(scm_.Start("A").code(), fixer::kErrorCircularDependency);
  EXPECT_EQ(StateOf("A"), ServiceState::kStopped);
  EXPECT_EQ(StateOf("B"), ServiceState::kStopped);
}

// A dependency names a key: one written as another service's display name is a dependency on a
// service that does not exist (1075), and does not hold that service up.
TEST_F(ScmTest, ADependencyNamesAKeyNotADisplayName) {
  const std::string display = scm_.FindByKey("IISADMIN")->display_name;
  ASSERT_FALSE(display.empty());
  AddService("BYDISPLAY", {display});
  EXPECT_EQ(scm_.Start("BYDISPLAY").code(), fixer::kErrorServiceDependencyDeleted);

  machine_.state().services.back().state = ServiceState::kRunning;
  const auto dependents = scm_.ActiveDependents("IISADMIN");
  ASSERT_TRUE(dependents.ok());
  EXPECT_EQ(std::count(dependents->begin(), dependents->end(), "BYDISPLAY"), 0);
  ASSERT_TRUE(scm_.StopWithDependents("IISADMIN").ok());
  EXPECT_EQ(StateOf("BYDISPLAY"), ServiceState::kRunning);
}

// The SCM keeps the password it was given: a change of the account's leaves it stale (1069) until
// ChangeServiceConfig's lpPassword gives it the new one [Changing a Service's Password].
TEST_F(ScmTest, AServiceLogsOnWithThePasswordItWasGiven) {
  fakes::Sam sam(machine_);
  auto sid = sam.CreateUser({.name = "svcuser"}, fixer::Secret::FromString("Svc!pass1"));
  ASSERT_TRUE(sid.ok());
  ASSERT_TRUE(fakes::Lsa(machine_).Grant(*sid, "SeServiceLogonRight").ok());
  AddService("MYSVC", {}, ServiceState::kStopped, ".\\svcuser");

  ASSERT_TRUE(sam.SetPassword("svcuser", fixer::Secret::FromString("Svc!pass2")).ok());
  EXPECT_EQ(scm_.Start("MYSVC").code(), fixer::kErrorServiceLogonFailed);
  // Another password than the account's is kept as given: still 1069.
  ASSERT_TRUE(scm_.SetLogonPassword("MYSVC", fixer::Secret::FromString("Svc!pass3")).ok());
  EXPECT_EQ(scm_.Start("MYSVC").code(), fixer::kErrorServiceLogonFailed);
  ASSERT_TRUE(scm_.SetLogonPassword("MYSVC", fixer::Secret::FromString("Svc!pass2")).ok());
  EXPECT_TRUE(scm_.Start("MYSVC").ok());
  EXPECT_EQ(machine_.state().lsa.service_passwords.count("MYSVC"), 0U);  // the account's: no copy of its own
  EXPECT_EQ(scm_.SetLogonPassword("NOSUCH", fixer::Secret::FromString("x")).code(), fixer::kErrorServiceDoesNotExist);
}

TEST_F(ScmTest, ALocalAccountMustBeAbleToLogOnAsAService) {
  fakes::Sam sam(machine_);
  auto sid = sam.CreateUser({.name = "svcuser"}, fixer::Secret::FromString("Svc!pass1"));
  ASSERT_TRUE(sid.ok());
  AddService("MYSVC", {"IISADMIN"}, ServiceState::kStopped, ".\\svcuser");
  ASSERT_TRUE(scm_.StopWithDependents("IISADMIN").ok());

  // No SeServiceLogonRight: 1069, but the dependency was started first, as the SCM does.
  EXPECT_EQ(scm_.Start("MYSVC").code(), fixer::kErrorServiceLogonFailed);
  EXPECT_EQ(StateOf("IISADMIN"), ServiceState::kRunning);
  EXPECT_EQ(StateOf("MYSVC"), ServiceState::kStopped);

  fakes::Lsa lsa(machine_);
  ASSERT_TRUE(lsa.Grant(*sid, "SeServiceLogonRight").ok());
  ASSERT_TRUE(scm_.Start("MYSVC").ok());
  ASSERT_TRUE(scm_.Stop("MYSVC").ok());

  // The deny twin, held through a group, wins.
  ASSERT_TRUE(lsa.Grant(fixer::Sid::Users(), "SeDenyServiceLogonRight").ok());
  EXPECT_EQ(scm_.Start("MYSVC").code(), fixer::kErrorServiceLogonFailed);
  ASSERT_TRUE(lsa.Revoke(fixer::Sid::Users(), "SeDenyServiceLogonRight").ok());

  ASSERT_TRUE(sam.SetFlags("svcuser", {.disabled = true}).ok());
  EXPECT_EQ(scm_.Start("MYSVC").code(), fixer::kErrorServiceLogonFailed);
  ASSERT_TRUE(sam.SetFlags("svcuser", {}).ok());
  ASSERT_TRUE(scm_.Start("MYSVC").ok());
  ASSERT_TRUE(scm_.Stop("MYSVC").ok());

  ASSERT_TRUE(sam.DeleteUser("svcuser").ok());
  EXPECT_EQ(scm_.Start("MYSVC").code(), fixer::kErrorServiceLogonFailed);
}

TEST_F(ScmTest, AccountSpellingsAndBuiltinIdentities) {
  fakes::Sam sam(machine_);
  auto sid = sam.CreateUser({.name = "svcuser"}, fixer::Secret::FromString("Svc!pass1"));
  ASSERT_TRUE(sid.ok());
  ASSERT_TRUE(fakes::Lsa(machine_).Grant(*sid, "SeServiceLogonRight").ok());
  AddService("BYCOMPUTER", {}, ServiceState::kStopped, "W2KSRV\\svcuser");
  AddService("BARE", {}, ServiceState::kStopped, "svcuser");
  AddService("DOMAIN", {}, ServiceState::kStopped, "CORP\\svcuser");
  AddService("NETSVC", {}, ServiceState::kStopped, "NT AUTHORITY\\NetworkService");
  EXPECT_TRUE(scm_.Start("BYCOMPUTER").ok());
  EXPECT_TRUE(scm_.Start("BARE").ok());
  EXPECT_EQ(scm_.Start("DOMAIN").code(), fixer::kErrorServiceLogonFailed);
  EXPECT_TRUE(scm_.Start("NETSVC").ok());
}

TEST_F(ScmTest, AFailedMutationLeavesTheServiceAsItWas) {
  fakes::FaultPlan plan;
  plan.Add({.op = "scm.stop", .nth = 1, .error = fixer::kErrorServiceRequestTimeout});
  machine_.set_faults(plan);
  auto stopped = scm_.StopWithDependents("IISADMIN");
  EXPECT_EQ(stopped.status().code(), fixer::kErrorServiceRequestTimeout);
  EXPECT_EQ(StateOf("W3SVC"), ServiceState::kRunning);
  EXPECT_EQ(StateOf("IISADMIN"), ServiceState::kRunning);
}

}  // namespace

namespace {

// ControlService(SERVICE_CONTROL_PAUSE) in Wine's order (docs/windows-reference.md#services): the
// state first (1062 stopped, 1061 pending), a running service paused as one "scm.pause", a paused
// one left so with no call counted; 1060 for a name that is no service.
TEST_F(ScmTest, PausePausesARunningServiceAndAnswersTheStateErrors) {
  EXPECT_EQ(scm_.Pause("nosuch").code(), fixer::kErrorServiceDoesNotExist);
  AddService("Stopped", {});
  AddService("Starting", {}, ServiceState::kStartPending);
  AddService("Stopping", {}, ServiceState::kStopPending);
  EXPECT_EQ(scm_.Pause("Stopped").code(), fixer::kErrorServiceNotActive);
  EXPECT_EQ(scm_.Pause("Starting").code(), fixer::kErrorServiceCannotAcceptCtrl);
  EXPECT_EQ(scm_.Pause("Stopping").code(), fixer::kErrorServiceCannotAcceptCtrl);
  EXPECT_TRUE(Ops(machine_).empty());
  ASSERT_TRUE(scm_.Pause("SMTPSVC").ok());
  EXPECT_EQ(StateOf("SMTPSVC"), ServiceState::kPaused);
  ASSERT_TRUE(scm_.Pause("SMTPSVC").ok());
  EXPECT_EQ(StateOf("SMTPSVC"), ServiceState::kPaused);
  EXPECT_EQ(Ops(machine_), (std::vector<std::string>{"scm.pause SMTPSVC"}));
}

// A paused service is active: IISADMIN's stop lists it among the dependents, and it stops.
TEST_F(ScmTest, APausedDependentIsActiveAndStops) {
  ASSERT_TRUE(scm_.Pause("SMTPSVC").ok());
  auto deps = scm_.ActiveDependents("IISADMIN");
  ASSERT_TRUE(deps.ok());
  EXPECT_NE(std::find(deps->begin(), deps->end(), "SMTPSVC"), deps->end());
  EXPECT_EQ(scm_.Stop("IISADMIN").code(), fixer::kErrorDependentServicesRunning);
  ASSERT_TRUE(scm_.Stop("SMTPSVC").ok());
  EXPECT_EQ(StateOf("SMTPSVC"), ServiceState::kStopped);
}

}  // namespace
