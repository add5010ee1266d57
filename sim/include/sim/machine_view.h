// MachineView: a machine state as a support engineer reads it (`fixup-sim show`): what it is,
// who the worker runs as, accounts with SIDs, profiles and rights, the groups with their members
// and the rights of every other SID (groups, well-known, deleted), services, grants naming local
// accounts, and what a request to each application answers now. Never a password.
//
//   std::cout << sim::RenderMachineText(state);
//   std::cout << sim::MachineToJson(state).dump(2);
#pragma once

#include <string>

#include <nlohmann/json_fwd.hpp>

#include "fakes/state.h"

namespace sim {

std::string RenderMachineText(const fakes::MachineState& state);
// The saved state file (base: empty) as JSON: it loads back as a machine file (JSON is YAML)
// giving an equal state (keys in the file's order). Hashes and secrets as the state file holds
// them: never in clear.
nlohmann::ordered_json MachineFileJson(const fakes::MachineState& state);
// MachineFileJson plus "responses": the status of each application requested now; keys in the
// file's order too (a sorted copy loaded back lists accounts and services in another order).
// Every registry value's data and a processModel password in clear show as ********
// (fakes::WithSecretsMasked); the responses are the machine's own.
nlohmann::ordered_json MachineToJson(const fakes::MachineState& state);

}  // namespace sim
