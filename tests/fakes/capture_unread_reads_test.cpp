// Every read a capture could not make fails in its reproduction with the machine's error (audit 24
// item 13): the frameworks, applications, hotfixes, secret, journal, event logs, services, groups,
// rights, profiles, ACEs, DACLs and SQL logins alike, so no verdict rests on the file's defaults.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "app/capture.h"
#include "capture_helpers.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"

namespace capture_unread_reads {

using capture_helpers::CaptureOf;
using capture_helpers::Load;

constexpr const char* kAffected = R"(os: windows-xp-professional
frameworks: ['1.0']
hotfixes: [MS03-032]
accounts:
  ASPNET: {flags: [password_never_expires, cannot_change_password]}
applications:
  - path: /LM/W3SVC/1/ROOT/app
)";

std::vector<std::string> Listed(const app::Capture& c) {
  std::vector<std::string> listed;
  for (const app::UnreadablePart& u : c.unreadable) listed.push_back(u.read + ": " + u.error.ToString());
  return listed;
}

class CaptureUnreadRead : public ::testing::TestWithParam<const char*> {};

// The machine's first read of the op fails (1359, ERROR_INTERNAL_ERROR); the reproduction, read
// again, lists the same read with the same error: it failed there too.
TEST_P(CaptureUnreadRead, FailsInTheReproductionAsOnTheMachine) {
  fakes::Machine machine(Load(kAffected, "affected.yaml"));
  fakes::FaultPlan plan;
  plan.Add({.op = std::string(GetParam()), .nth = 1, .error = 1359, .read = true});
  machine.set_faults(plan);
  const app::Capture c = CaptureOf(machine);
  ASSERT_EQ(c.unreadable.size(), 1u) << app::CaptureText(c);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  const app::Capture again = CaptureOf(reproduced);
  EXPECT_EQ(Listed(again), Listed(c)) << app::CaptureText(again);
}

INSTANTIATE_TEST_SUITE_P(EachRead, CaptureUnreadRead,
                         ::testing::Values("aspnet.applications", "inventory.hotfixes", "lsa.retrieve_secret",
                                           "journal.load", "eventlog.read", "scm.query", "scm.active_dependents",
                                           "lsa.rights_of", "profiles.find", "acl.find_aces", "sql.logins_for",
                                           "sql.db_users_for"),
                         [](const ::testing::TestParamInfo<const char*>& info) {
                           std::string name = info.param;
                           for (char& ch : name) {
                             if (ch == '.') ch = '_';
                           }
                           return name;
                         });

// The framework read the verdict rests on: the machine's diagnosis fails it, and so does the
// reproduction's, rather than read "ASP.NET 1.0 is not installed" from the file's default.
TEST(CaptureUnreadReads, AnUnreadFrameworkIsNoMachineWithoutAspNet) {
  // No application: a capture's application naming the unread framework does not load yet (left undone).
  fakes::Machine machine(Load("os: windows-xp-professional\nframeworks: ['1.0']\nhotfixes: [MS03-032]\n", "fw.yaml"));
  fakes::FaultPlan plan;
  plan.Add({.op = "aspnet.frameworks", .nth = 1, .error = 13, .read = true});
  machine.set_faults(plan);
  const app::Capture c = CaptureOf(machine);
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  fakes::MachineBackend b(reproduced);
  EXPECT_EQ(b.ports().aspnet.Frameworks().status().code(), 13u);
}

}  // namespace capture_unread_reads
