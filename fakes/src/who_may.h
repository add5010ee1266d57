// Who may change what on a fake machine (docs/windows-reference.md#power-users): each answers
// Ok, or 5 (ERROR_ACCESS_DENIED) for the session's caller, as Windows answers the API call or
// the `net` command. One home for the rule: the ports (machine_ports.cpp, through one
// CallerToken per run) and the commands (cmd_net_*.cpp, each a process of its own: a command that
// checks twice, net localgroup, holds a CallerToken too) both ask here.
//
// Private to fakes/src.
//
//   if (fixer::Status st = MayChangeAccounts(machine); !st.ok()) return st;   // 5 for a plain user
//   fakes::CallerToken token(machine);                // one process: its groups read once
//   if (fixer::Status st = token.MayAdminister(); !st.ok()) return st;
#pragma once

#include <optional>

#include "fakes/machine.h"
#include "fixer/result.h"
#include "fixer/sid.h"

namespace fakes {

// The caller's groups as one process's access token holds them: read from the SAM at the
// process's first check (one lookup of the caller's SID, then its groups) and kept, as Windows
// keeps a token's groups until the next logon (docs/windows-reference.md#choice-live-membership).
// The ports of one run are one process.
class CallerToken {
 public:
  explicit CallerToken(const Machine& machine) : machine_(machine) {}
  fixer::Status MayCreateAccounts() const;
  fixer::Status MayChangeAccounts() const;
  // The members of some local group, asked before the group is looked up (`net localgroup GROUP
  // NAME /add` says 5 before 1376): administrators and Power Users (Power Users, Users, Guests).
  fixer::Status MayChangeSomeMembers() const;
  // NetLocalGroupAddMembers/DelMembers: administrators; Power Users for Power Users, Users, Guests.
  fixer::Status MayChangeMembersOf(const fixer::Sid& group) const;
  fixer::Status MayControlServices() const;
  fixer::Status MayAdminister() const;

 private:
  struct Groups {
    bool admin = false;       // SYSTEM, or in Administrators
    bool power_user = false;  // in Power Users, not in Administrators
  };
  const Groups& Read() const;
  // Administrators and Power Users: the rule of MayCreateAccounts, MayChangeSomeMembers and
  // MayControlServices.
  fixer::Status AdminOrPowerUser() const;

  const Machine& machine_;
  mutable std::optional<Groups> groups_;  // read at the first check
};

// The same, for a process that makes one check (a command): the SAM read afresh, the caller's SID
// looked up once and only the groups the rule asks read (an administrator's Power Users never).

// NetUserAdd: administrators and Power Users [NetUserAdd].
fixer::Status MayCreateAccounts(const Machine& machine);
// NetUserDel, NetUserSetInfo: administrators (the model does not record which accounts a Power
// User created, which Power Users may change).
fixer::Status MayChangeAccounts(const Machine& machine);
// Starting, stopping and pausing a service: administrators and Power Users [Service Security].
fixer::Status MayControlServices(const Machine& machine);
// The LSA's rights and secrets, profiles, aspnet_regiis: administrators only.
fixer::Status MayAdminister(const Machine& machine);

}  // namespace fakes
