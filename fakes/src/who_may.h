// Who may change what on a fake machine (docs/windows-reference.md#power-users): each answers
// Ok, or 5 (ERROR_ACCESS_DENIED) for the session's caller, as Windows answers the API call or
// the `net` command. One home for the rule: the ports (machine_ports.cpp) and the commands
// (cmd_net_*.cpp) both ask here.
//
// Private to fakes/src.
//
//   if (fixer::Status st = MayChangeAccounts(machine); !st.ok()) return st;   // 5 for a plain user
#pragma once

#include "fakes/machine.h"
#include "fixer/result.h"
#include "fixer/sid.h"

namespace fakes {

// NetUserAdd: administrators and Power Users [NetUserAdd].
fixer::Status MayCreateAccounts(const Machine& machine);
// NetUserDel, NetUserSetInfo: administrators (the model does not record which accounts a Power
// User created, which Power Users may change).
fixer::Status MayChangeAccounts(const Machine& machine);
// NetLocalGroupAddMembers/DelMembers: administrators; Power Users for Power Users, Users, Guests.
fixer::Status MayChangeMembersOf(const Machine& machine, const fixer::Sid& group);
// Starting, stopping and pausing a service: administrators and Power Users [Service Security].
fixer::Status MayControlServices(const Machine& machine);
// The LSA's rights and secrets, profiles, aspnet_regiis: administrators only.
fixer::Status MayAdminister(const Machine& machine);

}  // namespace fakes
