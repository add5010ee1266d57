#include "fakes/account_lockout.h"

namespace fakes {

bool LockoutHasExpired(const UserAccount& user, const MachineState& state) {
  if (!user.flags.locked_out) return false;
  const uint32_t minutes = state.lsa.lockout.duration_minutes;
  // Duration 0 means "until an administrator unlocks it" (secpol Account lockout duration).
  if (minutes == 0) return false;
  return state.clock - user.locked_out_at >= int64_t{minutes} * 60;
}

bool IsLockedOutNow(const UserAccount& user, const MachineState& state) {
  return user.flags.locked_out && !LockoutHasExpired(user, state);
}

}  // namespace fakes
