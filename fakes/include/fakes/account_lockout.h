// Account lockout as time passes: is a user locked out at the machine's clock right now.
//
// A lockout is stored as flags.locked_out plus locked_out_at; it ends by itself once lockout.duration_minutes
// of machine clock have passed (0 minutes: only an administrator can unlock it). Readers must ask here
// instead of reading the flag, which stays set until the next write to the account clears it.
//
//   #include "fakes/sam.h"
//   const fakes::UserAccount* user = fakes::FindUserIn(machine.state(), "ASPNET");
//   if (user != nullptr && fakes::IsLockedOutNow(*user, machine.state())) logger->warn("locked out: 1909");
#pragma once

#include "fakes/state.h"

namespace fakes {

// Flagged locked out, and the lockout has not run out.
bool IsLockedOutNow(const UserAccount& user, const MachineState& state);
// Flagged locked out, but the lockout duration has passed: the flag is stale.
bool LockoutHasExpired(const UserAccount& user, const MachineState& state);

}  // namespace fakes
