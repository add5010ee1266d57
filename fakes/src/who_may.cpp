#include "who_may.h"

#include <optional>
#include <utility>

#include "fakes/commands.h"
#include "fakes/sam.h"
#include "fixer/win_error.h"

namespace fakes {
namespace {

fixer::Status AllowedIf(bool allowed) {
  return allowed ? fixer::Status::Ok() : fixer::Status::Win(fixer::kErrorAccessDenied);
}

// The session's caller: its name looked up once, to its SID (none when it maps to no account),
// and each group asked of that SID only when a rule needs it. A group is found by its SID, not
// every group the caller is in listed: this is asked before each change a command makes.
class Caller {
 public:
  explicit Caller(const MachineState& s) : s_(s), sid_(SidOf(s)) {}
  // SYSTEM counts as a member of Administrators.
  bool InAdministrators() const { return IsIn(fixer::Sid::Administrators()); }
  bool InPowerUsers() const { return IsIn(fixer::Sid::PowerUsers()); }

 private:
  static std::optional<fixer::Sid> SidOf(const MachineState& s) {
    auto sid = LookupNameIn(s, s.session.caller);
    if (!sid) return std::nullopt;
    return std::move(*sid);
  }
  bool IsIn(const fixer::Sid& group) const {
    if (!sid_) return false;
    if (*sid_ == fixer::Sid::LocalSystem()) return group == fixer::Sid::Administrators();
    const LocalGroup* g = s_.sam.groups.FindKey(group);
    return g != nullptr && g->members.Contains(*sid_);
  }

  const MachineState& s_;
  std::optional<fixer::Sid> sid_;
};

bool PowerUsersMayChangeMembersOf(const fixer::Sid& group) {
  return group == fixer::Sid::PowerUsers() || group == fixer::Sid::Users() || group == fixer::Sid::Guests();
}

// Administrators and Power Users (Power Users read only for a caller not an administrator).
fixer::Status AdminOrPowerUserIs(const Caller& caller) {
  return AllowedIf(caller.InAdministrators() || caller.InPowerUsers());
}

}  // namespace

bool CallerIsAdmin(const Machine& machine) { return Caller(machine.state()).InAdministrators(); }

const CallerToken::Groups& CallerToken::Read() const {
  if (!groups_) {
    const Caller caller(machine_.state());
    const bool admin = caller.InAdministrators();
    groups_ = Groups{.admin = admin, .power_user = !admin && caller.InPowerUsers()};
  }
  return *groups_;
}

fixer::Status CallerToken::AdminOrPowerUser() const { return AllowedIf(Read().admin || Read().power_user); }

fixer::Status CallerToken::MayCreateAccounts() const { return AdminOrPowerUser(); }

fixer::Status CallerToken::MayChangeAccounts() const { return AllowedIf(Read().admin); }

fixer::Status CallerToken::MayChangeSomeMembers() const { return AdminOrPowerUser(); }

fixer::Status CallerToken::MayChangeMembersOf(const fixer::Sid& group) const {
  if (Read().admin) return fixer::Status::Ok();
  return AllowedIf(PowerUsersMayChangeMembersOf(group) && Read().power_user);
}

fixer::Status CallerToken::MayControlServices() const { return AdminOrPowerUser(); }

fixer::Status CallerToken::MayAdminister() const { return AllowedIf(Read().admin); }

// A command's process checks once: the caller's SID is looked up once, and only the groups its
// rule asks are read (Power Users never, for an administrator or an administrators-only rule).

fixer::Status MayCreateAccounts(const Machine& machine) { return AdminOrPowerUserIs(Caller(machine.state())); }

fixer::Status MayChangeAccounts(const Machine& machine) { return AllowedIf(CallerIsAdmin(machine)); }

fixer::Status MayControlServices(const Machine& machine) { return AdminOrPowerUserIs(Caller(machine.state())); }

fixer::Status MayAdminister(const Machine& machine) { return AllowedIf(CallerIsAdmin(machine)); }

}  // namespace fakes
