// TestMachine: a minimal hand-built XP Professional machine for the fake layer's own tests.
//
// Built here, not with FreshInstall, so the identity tests (SAM, LSA, profiles, logon) do not
// depend on another subsystem's defaults. What it holds: the machine SID from the seed; the
// builtin groups Administrators, Users, Guests and Power Users; Administrator (RID 500, in
// Administrators, password "Adm1n!pass") and Guest (RID 501, disabled, blank password);
// next_rid 1000; Users holding SeInteractiveLogonRight and SeNetworkLogonRight; a running,
// automatic "seclogon" service; computer name "XPPRO"; the XP default policy (no
// complexity, 42-day maximum age, no lockout).
//
//   fakes::Machine m(fakes_test::MinimalXpState());
//   fakes::Sam sam(m);
//   auto sid = sam.CreateUser({.name = "ASPNET"}, fakes_test::Pw("1pass@word"));
#pragma once

#include <cstdint>
#include <string>

#include "fakes/machine.h"
#include "fakes/password_rules.h"
#include "fakes/sam.h"
#include "fixer/secret.h"

namespace fakes_test {

inline constexpr uint64_t kTestSeed = 7;
inline constexpr const char* kAdminPassword = "Adm1n!pass";

inline fixer::Secret Pw(std::string clear) { return fixer::Secret::FromString(std::move(clear)); }

inline fakes::MachineState MinimalXpState(uint64_t seed = kTestSeed) {
  using fixer::Sid;
  fakes::MachineState s;
  s.seed = seed;
  s.rng_state = seed;
  s.products.os.edition = fixer::OsEdition::kWindowsXpProfessional;
  s.products.os.computer_name = "XPPRO";
  s.sam.domain = fakes::MachineSidFromSeed(seed);
  s.sam.next_rid = 1000;

  fakes::UserAccount admin;
  admin.rid = 500;
  admin.name = "Administrator";
  admin.comment = "Built-in account for administering the computer/domain";
  admin.password_hash = fakes::NtHash(kAdminPassword);
  admin.password_last_set = s.clock;
  fakes::UserAccount guest;
  guest.rid = 501;
  guest.name = "Guest";
  guest.flags.disabled = true;
  guest.flags.password_never_expires = true;
  s.sam.users = {admin, guest};

  s.sam.groups = {
      {Sid::Administrators(), "Administrators", "", {s.sam.domain.WithRid(500)}},
      {Sid::Users(), "Users", "", {}},
      {Sid::Guests(), "Guests", "", {s.sam.domain.WithRid(501)}},
      {Sid::PowerUsers(), "Power Users", "", {}},
  };

  s.lsa.password_policy = {};  // XP defaults: length 0, no complexity, 42 days, no history
  s.lsa.lockout = {};          // threshold 0: never lock out
  s.lsa.rights[Sid::Users()] = {"SeInteractiveLogonRight", "SeNetworkLogonRight"};
  s.lsa.rights[Sid::Administrators()] = {"SeInteractiveLogonRight", "SeNetworkLogonRight"};

  fixer::ServiceInfo seclogon;
  seclogon.name = "seclogon";
  seclogon.display_name = "Secondary Logon";
  seclogon.state = fixer::ServiceState::kRunning;
  seclogon.start_type = fixer::StartType::kAutomatic;
  s.services.push_back(seclogon);
  return s;
}

}  // namespace fakes_test
