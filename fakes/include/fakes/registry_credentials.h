// aspnet_setreg credentials: the processModel `registry:HKLM\...,Name` references of KB 329290.
//
// Read the way inetinfo.exe reads them, as LocalSystem: the key must exist and grant SYSTEM
// KEY_READ. Windows keeps the value as a DPAPI (LOCAL_MACHINE) blob; the model keeps its data
// in clear in the state and hands it out only as a Secret.
//
//   fixer::Result<fixer::Secret> name =
//       fakes::ReadRegistryCredential(machine, "registry:HKLM\\SOFTWARE\\App,userName");
//   // 87 malformed, 2 key or value missing, 5 SYSTEM may not read the key
//   std::optional<std::string> password =
//       fakes::RegistryCredentialIn(machine.state(), "registry:HKLM\\SOFTWARE\\App,password");
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fakes/machine.h"
#include "fixer/result.h"
#include "fixer/secret.h"

namespace fakes {

fixer::Result<fixer::Secret> ReadRegistryCredential(Machine& machine, const std::string& reference);

// The data a reference names in `state` as stored, with no access check and no fault: what the
// `secrets` invariant looks for in output (sim/invariants.h). nullopt: malformed, or no such value.
std::optional<std::string> RegistryCredentialIn(const MachineState& state, std::string_view reference);

}  // namespace fakes
