// aspnet_setreg credentials: the processModel `registry:HKLM\...,Name` references of KB 329290.
//
// Read the way inetinfo.exe reads them, as LocalSystem: the key must exist and grant SYSTEM
// KEY_READ. Windows keeps the value as a DPAPI (LOCAL_MACHINE) blob; the model keeps its data
// in clear in the state and hands it out only as a Secret.
//
//   fixer::Result<fixer::Secret> name =
//       fakes::ReadRegistryCredential(machine, "registry:HKLM\\SOFTWARE\\App,userName");
//   // 87 malformed, 2 key or value missing, 5 SYSTEM may not read the key
#pragma once

#include <string>

#include "fakes/machine.h"
#include "fixer/result.h"
#include "fixer/secret.h"

namespace fakes {

fixer::Result<fixer::Secret> ReadRegistryCredential(Machine& machine, const std::string& reference);

}  // namespace fakes
