// The `worker-password` invariant compares ASPNET's password with the LSA secret itself, not by
// logging on: a lockout or a disabled account answers a logon before the password is compared,
// so a mismatch found behind a lockout would pass and, once the lockout expired, fail as the
// fixer's doing (explore seed 31337 case 71329).
#include <gtest/gtest.h>

#include <string>

#include "fakes/machine_yaml.h"
#include "sim/invariants.h"

namespace {

// XP with ASP.NET 1.0 installed: ASPNET's password is the LSA secret's; `aspnet` adds to its entry.
fakes::MachineState Machine(const std::string& aspnet) {
  auto loaded = fakes::LoadMachineText("frameworks: ['1.0']\naccounts:\n  ASPNET: {" + aspnet + "}\n", "m.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return *loaded.value;
}

TEST(WorkerPassword, IsTheSecretOnAnInstalledMachine) {
  for (const char* entry : {"", "flags: [locked_out]", "flags: [disabled]"})
    EXPECT_TRUE(sim::WorkerPasswordIsTheSecret(Machine(entry), "ASPNET").passed) << entry;
}

TEST(WorkerPassword, AMismatchIsOneWhetherLockedOutOrDisabled) {
  for (const char* entry : {"password: 'N3w-Passw0rd!'", "password: 'N3w-Passw0rd!', flags: [locked_out]",
                            "password: 'N3w-Passw0rd!', flags: [disabled]"}) {
    const sim::CheckResult c = sim::WorkerPasswordIsTheSecret(Machine(entry), "ASPNET");
    EXPECT_FALSE(c.passed) << entry;
    EXPECT_EQ(c.actual, "it is not (a logon with it would fail with 1326)") << entry;
  }
}

TEST(WorkerPassword, NotWorseThanAMismatchFoundBehindALockout) {
  const fakes::MachineState hidden = Machine("password: 'N3w-Passw0rd!', flags: [locked_out]");
  const fakes::MachineState unlocked = Machine("password: 'N3w-Passw0rd!'");
  const fakes::MachineState consistent = Machine("");
  EXPECT_TRUE(sim::WorkerSecretNotWorse(hidden, unlocked, "ASPNET").passed);
  EXPECT_FALSE(sim::WorkerSecretNotWorse(consistent, hidden, "ASPNET").passed);  // made by the run
}

}  // namespace
