// Account state as time passes: is a user locked out, is its password expired, at the machine's
// clock right now (docs/windows-reference.md#lockout, #password-age).
//
// A lockout is stored as flags.locked_out plus locked_out_at; it ends by itself once
// lockout.duration_minutes of machine clock have passed (0 minutes: only an administrator can
// unlock it). Readers must ask here instead of reading the flag, which stays set until the
// next write to the account clears it. Bad passwords count toward lockout.threshold only
// while they are younger than lockout.reset_minutes (the observation window).
//
//   #include "fakes/sam.h"
//   const fakes::UserAccount* user = fakes::FindUserIn(machine.state(), "ASPNET");
//   if (user != nullptr && fakes::IsLockedOutNow(*user, machine.state())) logger->warn("locked out: 1909");
#pragma once

#include <cstdint>
#include <optional>

#include "fakes/state.h"

namespace fakes {

// Flagged locked out, and the lockout has not run out.
bool IsLockedOutNow(const UserAccount& user, const MachineState& state);
// Flagged locked out, but the lockout duration has passed: the flag is stale.
bool LockoutHasExpired(const UserAccount& user, const MachineState& state);
// The last bad password is older than "reset account lockout counter after": the count
// restarts from zero at the next bad password.
bool ObservationWindowPassed(const UserAccount& user, const MachineState& state);
// When the password reaches the maximum password age (PasswordLastSet + the age, in the machine
// clock's seconds); nullopt when it never does: "password never expires", no maximum age, or a
// limit past kLatestMachineTime (the year 30828), which the clock never reaches.
std::optional<int64_t> PasswordAgeLimitAt(const UserAccount& user, const MachineState& state);
// When the password may next be changed: PasswordLastSet + the minimum password age.
int64_t PasswordChangeableAt(const UserAccount& user, const MachineState& state);
// "User must change password at next logon", or older than the maximum password age; never
// while "password never expires" is set, which overrides both.
bool PasswordExpiredNow(const UserAccount& user, const MachineState& state);
// The error a logon with the right password gets for the password's age: 1907 for "must change
// password at next logon" (PasswordLastSet 0), 1330 for one older than the maximum age, 0 when
// PasswordExpiredNow is false (docs/windows-reference.md#password-age).
uint32_t PasswordLogonError(const UserAccount& user, const MachineState& state);

}  // namespace fakes
