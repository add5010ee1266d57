#include "who_may.h"

#include "fakes/commands.h"
#include "fixer/win_error.h"

namespace fakes {
namespace {

fixer::Status AllowedIf(bool allowed) {
  return allowed ? fixer::Status::Ok() : fixer::Status::Win(fixer::kErrorAccessDenied);
}

}  // namespace

fixer::Status MayCreateAccounts(const Machine& machine) {
  return AllowedIf(CallerIsAdmin(machine) || CallerIsPowerUser(machine));
}

fixer::Status MayChangeAccounts(const Machine& machine) { return AllowedIf(CallerIsAdmin(machine)); }

fixer::Status MayChangeMembersOf(const Machine& machine, const fixer::Sid& group) {
  if (CallerIsAdmin(machine)) return fixer::Status::Ok();
  const bool power_users_may =
      group == fixer::Sid::PowerUsers() || group == fixer::Sid::Users() || group == fixer::Sid::Guests();
  return AllowedIf(power_users_may && CallerIsPowerUser(machine));
}

fixer::Status MayControlServices(const Machine& machine) {
  return AllowedIf(CallerIsAdmin(machine) || CallerIsPowerUser(machine));
}

fixer::Status MayAdminister(const Machine& machine) { return AllowedIf(CallerIsAdmin(machine)); }

}  // namespace fakes
