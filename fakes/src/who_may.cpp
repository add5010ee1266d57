#include "who_may.h"

#include "fakes/commands.h"
#include "fixer/win_error.h"

namespace fakes {
namespace {

fixer::Status AllowedIf(bool allowed) {
  return allowed ? fixer::Status::Ok() : fixer::Status::Win(fixer::kErrorAccessDenied);
}

}  // namespace

const CallerGroups& CallerToken::Read() const {
  if (!groups_) groups_ = ReadCallerGroups(machine_);
  return *groups_;
}

fixer::Status CallerToken::MayCreateAccounts() const { return AllowedIf(Read().admin || Read().power_user); }

fixer::Status CallerToken::MayChangeAccounts() const { return AllowedIf(Read().admin); }

fixer::Status CallerToken::MayChangeMembersOf(const fixer::Sid& group) const {
  if (Read().admin) return fixer::Status::Ok();
  const bool power_users_may =
      group == fixer::Sid::PowerUsers() || group == fixer::Sid::Users() || group == fixer::Sid::Guests();
  return AllowedIf(power_users_may && Read().power_user);
}

fixer::Status CallerToken::MayControlServices() const { return AllowedIf(Read().admin || Read().power_user); }

fixer::Status CallerToken::MayAdminister() const { return AllowedIf(Read().admin); }

fixer::Status MayCreateAccounts(const Machine& machine) { return CallerToken(machine).MayCreateAccounts(); }

fixer::Status MayChangeAccounts(const Machine& machine) { return CallerToken(machine).MayChangeAccounts(); }

fixer::Status MayChangeMembersOf(const Machine& machine, const fixer::Sid& group) {
  return CallerToken(machine).MayChangeMembersOf(group);
}

fixer::Status MayControlServices(const Machine& machine) { return CallerToken(machine).MayControlServices(); }

fixer::Status MayAdminister(const Machine& machine) { return CallerToken(machine).MayAdminister(); }

}  // namespace fakes
