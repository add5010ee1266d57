#include "fakes/account_lockout.h"

#include "fixer/win_error.h"

namespace fakes {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

}  // namespace

bool LockoutHasExpired(const UserAccount& user, const MachineState& state) {
  if (!user.flags.locked_out) return false;
  const uint32_t minutes = state.lsa.lockout.duration_minutes;
  // Duration 0 means "until an administrator unlocks it" (docs/windows-reference.md#lockout).
  if (minutes == 0) return false;
  return state.clock - user.locked_out_at >= int64_t{minutes} * 60;
}

bool IsLockedOutNow(const UserAccount& user, const MachineState& state) {
  return user.flags.locked_out && !LockoutHasExpired(user, state);
}

bool ObservationWindowPassed(const UserAccount& user, const MachineState& state) {
  uint32_t minutes = state.lsa.lockout.reset_minutes;
  // The window never exceeds the duration (MS-SAMR 3.1.1.6): a longer stored one, such as the
  // default 30 minutes beside a shorter duration, is read as the duration
  // (docs/windows-reference.md#lockout). A duration of 0 (forever) bounds nothing.
  const uint32_t duration = state.lsa.lockout.duration_minutes;
  if (duration != 0 && minutes > duration) minutes = duration;
  // No machine file holds a window of 0 (secpol.msc's range is 1 to 99,999 minutes).
  if (user.bad_password_count == 0) return false;
  return state.clock - user.last_bad_password_at >= int64_t{minutes} * 60;
}

std::optional<int64_t> PasswordAgeLimitAt(const UserAccount& user, const MachineState& state) {
  const uint32_t max_age = state.lsa.password_policy.max_age_days;
  if (user.flags.password_never_expires || max_age == 0) return std::nullopt;
  const int64_t limit = user.password_last_set + int64_t{max_age} * kSecondsPerDay;
  // Past the last time Windows keeps (year 30828) the clock never gets there: the password never
  // expires, and `net user` says Never rather than a date no FILETIME holds [M].
  if (limit > kLatestMachineTime) return std::nullopt;
  return limit;
}

int64_t PasswordChangeableAt(const UserAccount& user, const MachineState& state) {
  return user.password_last_set + int64_t{state.lsa.password_policy.min_age_days} * kSecondsPerDay;
}

bool PasswordExpiredNow(const UserAccount& user, const MachineState& state) {
  // "Password never expires" comes first: it overrides "must change password at next logon"
  // too (MS-SAMR PasswordMustChange; docs/windows-reference.md#password-age).
  if (user.flags.password_never_expires) return false;
  if (user.password_expired) return true;
  const std::optional<int64_t> limit = PasswordAgeLimitAt(user, state);
  return limit && state.clock > *limit;
}

uint32_t PasswordLogonError(const UserAccount& user, const MachineState& state) {
  if (!PasswordExpiredNow(user, state)) return 0;
  // STATUS_PASSWORD_MUST_CHANGE when the password was never set by the user, else
  // STATUS_PASSWORD_EXPIRED (docs/windows-reference.md#password-age).
  return user.password_expired ? fixer::kErrorPasswordMustChange : fixer::kErrorPasswordExpired;
}

}  // namespace fakes
