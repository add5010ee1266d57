// A capture writes the machine SID it reads from the LSA, not only from an account it read (audit
// 24 item 6: under Wine every account read fails with 2140, and the reproduction took the seed's
// SID, so the caller's own SID on System32 read as no account's). Unread, it is listed.
#include <algorithm>
#include <string>

#include <gtest/gtest.h>

#include "app/capture.h"
#include "capture_helpers.h"
#include "fakes/faults.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"

namespace capture_machine_sid {

using capture_helpers::CaptureOf;
using capture_helpers::Load;

constexpr const char* kMachine = R"(os: windows-xp-professional
seed: 7
frameworks: ['1.0']
hotfixes: [MS03-032]
accounts:
  ASPNET: {flags: [password_never_expires, cannot_change_password]}
)";

// Every account lookup fails, as NetUserGetInfo does under Wine (2140).
fakes::FaultPlan NoAccountRead() {
  fakes::FaultPlan plan;
  for (uint64_t n = 1; n <= 32; ++n) plan.Add({.op = "sam.lookup_user", .nth = n, .error = 2140, .read = true});
  return plan;
}

bool Lists(const app::Capture& c, std::string_view read) {
  return std::any_of(c.unreadable.begin(), c.unreadable.end(),
                     [&](const app::UnreadablePart& u) { return u.read == read; });
}

TEST(CaptureMachineSid, ItIsReadWhenNoAccountIs) {
  fakes::Machine machine(Load(kMachine, "m.yaml"));
  const std::string sid = machine.state().sam.domain.ToString();
  machine.set_faults(NoAccountRead());
  const app::Capture c = CaptureOf(machine);
  ASSERT_TRUE(c.document["accounts"].empty()) << app::CaptureText(c);
  EXPECT_EQ(c.document.value("machine_sid", std::string()), sid) << app::CaptureText(c);
  EXPECT_FALSE(Lists(c, "the machine SID"));
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  EXPECT_EQ(reproduced.state().sam.domain.ToString(), sid);
}

TEST(CaptureMachineSid, UnreadItIsListedNotTheSeedsTakenSilently) {
  fakes::Machine machine(Load(kMachine, "m.yaml"));
  fakes::FaultPlan plan = NoAccountRead();
  plan.Add({.op = "inventory.machine_sid", .nth = 1, .error = 5, .read = true});
  machine.set_faults(plan);
  const app::Capture c = CaptureOf(machine);
  EXPECT_FALSE(c.document.contains("machine_sid")) << app::CaptureText(c);
  EXPECT_TRUE(Lists(c, "the machine SID")) << app::CaptureText(c);
  // Its reproduction's read fails as the machine's did: captured again, it is listed again.
  fakes::Machine reproduced(Load(app::CaptureText(c), "captured.json"));
  EXPECT_TRUE(Lists(CaptureOf(reproduced), "the machine SID"));
}

// An account read gives it too, where the LSA's read failed.
TEST(CaptureMachineSid, AnAccountReadGivesItWhereTheLsaDoesNot) {
  fakes::Machine machine(Load(kMachine, "m.yaml"));
  const std::string sid = machine.state().sam.domain.ToString();
  fakes::FaultPlan plan;
  plan.Add({.op = "inventory.machine_sid", .nth = 1, .error = 5, .read = true});
  machine.set_faults(plan);
  const app::Capture c = CaptureOf(machine);
  EXPECT_EQ(c.document.value("machine_sid", std::string()), sid) << app::CaptureText(c);
  EXPECT_FALSE(Lists(c, "the machine SID")) << app::CaptureText(c);
}

}  // namespace capture_machine_sid
