// Audit 14's capture round trips at the ports: a reproduction reads what the machine's reads gave,
// and fails the reads the machine failed, in the order the fixer makes them (item 13), and the
// rights of the SIDs of a token beyond the account's own are those the machine holds (item 1).
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/capture.h"
#include "capture_helpers.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "fixer/fixer.h"

namespace capture_round_trip {

using capture_helpers::CaptureOf;
using capture_helpers::Load;

constexpr const char* kAffected =
    "os: windows-xp-professional\n"
    "frameworks: ['1.0']\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/shop\n";

fixer::Status DiagnoseStatus(fakes::Machine& machine) {
  fakes::MachineBackend backend(machine);
  fixer::Fixer fixer(backend.ports(), nullptr);
  const fixer::Result<fixer::Diagnosis> d = fixer.Diagnose();
  return d.ok() ? fixer::Status::Ok() : d.status();
}

// Item 13, as under Wine: the caller's account cannot be read (2140), the OS read fails (50). The
// machine's diagnose passes its caller read and fails at the OS; so does the reproduction's.
TEST(CaptureRoundTrip, TheReproductionFailsTheReadTheMachineFailed) {
  fakes::Machine machine(Load(kAffected, "wine.yaml"));
  fakes::FaultPlan plan;
  for (uint64_t n = 1; n <= 20; ++n) {
    plan.Add({.op = "sam.lookup_user", .nth = n, .error = 2140, .read = true});
    plan.Add({.op = "inventory.os", .nth = n, .error = 50, .read = true});
  }
  machine.set_faults(plan);
  const fixer::Status theirs = DiagnoseStatus(machine);
  ASSERT_EQ(theirs.code(), 50u) << theirs.ToString();

  const app::Capture c = CaptureOf(machine);
  fakes::Machine reproduced(Load(app::CaptureText(c), "wine.json"));
  const fixer::Status ours = DiagnoseStatus(reproduced);
  EXPECT_EQ(ours.code(), theirs.code()) << ours.ToString() << "\n" << app::CaptureText(c);
  // And the capture of the reproduction says the same.
  EXPECT_EQ(app::CaptureText(CaptureOf(reproduced)), app::CaptureText(c));
}

// Item 1: the rights of Everyone, of the built-in groups and of a group of the machine are those
// the machine holds, each read by the reproduction's LsaEnumerateAccountRights as on the machine.
TEST(CaptureRoundTrip, TheRightsOfEverySidOfATokenAreTheMachines) {
  fakes::Machine machine(Load(std::string(kAffected) +
                                  "accounts:\n"
                                  "  svcuser: {password: Svc-User-2003, groups: [Users, SvcAccounts]}\n"
                                  "groups:\n"
                                  "  SvcAccounts: {}\n"
                                  "  Batchers: {members: ['NT AUTHORITY\\SERVICE']}\n"
                                  "rights:\n"
                                  "  Everyone: [SeDenyBatchLogonRight]\n"
                                  "  SvcAccounts: [SeServiceLogonRight]\n"
                                  "  Batchers: [SeDenyServiceLogonRight]\n"
                                  "  Users: [SeDenyInteractiveLogonRight]\n"
                                  "services:\n"
                                  "  ShopFeed: {state: stopped, start_type: manual, account: '.\\svcuser'}\n",
                              "rights.yaml"));
  const app::Capture c = CaptureOf(machine);
  EXPECT_TRUE(c.unreadable.empty()) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "rights.json"));
  fakes::MachineBackend a(machine), b(reproduced);
  auto sid_of = [](fakes::MachineBackend& backend, const char* group) {
    const fixer::Sid one[] = {fixer::Sid::Service()};
    auto groups = backend.ports().accounts.GroupsContaining(one);
    for (const fixer::LocalGroupRef& g : *groups)
      if (g.name == group) return g.sid;
    return fixer::Sid();
  };
  for (const fixer::Sid& sid : {fixer::Sid::Everyone(), fixer::Sid::Users(), fixer::Sid::AuthenticatedUsers()}) {
    EXPECT_EQ(*a.ports().rights.Of(sid), *b.ports().rights.Of(sid)) << sid.ToString();
  }
  EXPECT_EQ(*b.ports().rights.Of(sid_of(b, "Batchers")), *a.ports().rights.Of(sid_of(a, "Batchers")));
  const auto svcuser = b.ports().accounts.Lookup("svcuser");
  ASSERT_TRUE(svcuser.ok());
  EXPECT_NE(std::find(svcuser->groups.begin(), svcuser->groups.end(), "SvcAccounts"), svcuser->groups.end());
  EXPECT_EQ(app::CaptureText(CaptureOf(reproduced)), app::CaptureText(c));
}

// A read of the rights the capture could not make fails in the reproduction with its error.
struct EveryoneUnread : fixer::RightsWrapper {
  using RightsWrapper::RightsWrapper;
  fixer::Result<std::vector<std::string>> Of(const fixer::Sid& sid) override {
    if (sid == fixer::Sid::Everyone()) return fixer::Status::Win(5);
    return RightsWrapper::Of(sid);
  }
};

TEST(CaptureRoundTrip, AnUnreadRightsReadFailsInTheReproduction) {
  fakes::Machine machine(Load(kAffected, "m.yaml"));
  fakes::MachineBackend backend(machine);
  EveryoneUnread rights(backend.ports().rights);
  fixer::Ports ports = backend.ports().With(rights);
  const app::Capture c = app::CaptureMachine(ports, "aspnet-fixer test");
  const auto unread = std::find_if(c.unreadable.begin(), c.unreadable.end(),
                                   [](const app::UnreadablePart& u) { return u.read == "the rights of S-1-1-0"; });
  ASSERT_NE(unread, c.unreadable.end()) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "m.json"));
  fakes::MachineBackend b(reproduced);
  EXPECT_EQ(b.ports().rights.Of(fixer::Sid::Everyone()).status().code(), 5u);
  EXPECT_TRUE(b.ports().rights.Of(fixer::Sid::Users()).ok());
}

}  // namespace capture_round_trip
