// The caller's logon session, the one its cmd.exe runs in (internal to sim/src).
//
//   LoadCallerProfile(machine);              // before a fakes::Console of the caller is made
//   fakes::Console con(machine, input);      // USERPROFILE, HOMEPATH and the user's TEMP set
#pragma once

#include "fakes/machine.h"

namespace sim {

// The paper has the caller start cmd.exe from Start > Run: a process of the caller's interactive
// logon (at the console or by Remote Desktop), which loads the caller's profile and creates it at
// the first logon (docs/windows-reference.md#profiles). So the profile is there before the caller's
// cmd.exe starts. Only a local user has one: a caller that is not (a group) gets none.
void LoadCallerProfile(fakes::Machine& machine);

}  // namespace sim
