// MachineView: a machine state as a support engineer reads it (`fixup-sim show`): what it is,
// who the worker runs as, accounts with SIDs, profiles and rights, the groups with their members
// and the rights of every other SID (groups, well-known, deleted), services, grants naming local
// accounts, and what a request to each application answers now. Never a password.
//
//   std::cout << sim::RenderMachineText(state);
//   std::cout << sim::MachineFileText(state, fakes::MachineFileFormat::kJson);
#pragma once

#include <string>

#include "fakes/machine_yaml.h"
#include "fakes/state.h"

namespace sim {

std::string RenderMachineText(const fakes::MachineState& state);
// `show --format yaml|json`: the machine file in that form, as fakes::MachineToText writes it (the
// one writer of each: the JSON has every scalar a string and the keys in the YAML's order), so it
// loads back as the state, but every registry value's data and a processModel password in clear
// show as ******** (fakes::WithSecretsMasked).
std::string MachineFileText(const fakes::MachineState& state, fakes::MachineFileFormat format);
// `show --json`: MachineFileText's JSON with "stale_profile_entries" (each ProfileList entry whose
// folder does not exist, no profile to the worker: its sid, account and path) and "responses"
// last, the status of each application requested now (the machine's own); the loaders read past both.
std::string MachineToJsonText(const fakes::MachineState& state);

}  // namespace sim
