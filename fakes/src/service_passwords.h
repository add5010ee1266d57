// The password the service control manager keeps for a service that logs on as a local user
// (docs/windows-reference.md#services): given with the service's configuration, it stays as it
// was when the account's password changes or the account is deleted, and the service's logon at
// start fails with 1069 once it no longer matches.
#pragma once

#include <string>
#include <string_view>

#include "fakes/state.h"

namespace fakes {

// Before `user`'s password changes or `user` is deleted: every service logging on as it keeps the
// password the SCM was given (its NT hash, in LsaState::service_passwords).
void KeepServicePasswords(MachineState& s, const UserAccount& user);
// After `user` is given a password (set, or created again under its name): a service whose kept
// password is that one has it again, and keeps no copy of its own.
void ForgetMatchingServicePasswords(MachineState& s, const UserAccount& user);
// Whether the password the SCM keeps for `service` is `user`'s current one.
bool ServicePasswordCurrent(const MachineState& s, const std::string& service, const UserAccount& user);
// The SCM is given `service`'s account's current password (ChangeServiceConfig's lpPassword).
void StoreCurrentServicePassword(MachineState& s, const std::string& service);
// The SCM is given `clear` for `service` (ChangeServiceConfig's lpPassword): no copy of its own when
// that is its local user's current password, else that password's NT hash; nothing for a service
// that logs on as no local user.
void StoreServicePassword(MachineState& s, const std::string& service, std::string_view clear);

}  // namespace fakes
