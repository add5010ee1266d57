// MachineDiff: what changed between two states of a machine, property by property.
//
// Both states are flattened through their YAML form into "path = value" pairs, where list
// items are named by their identity (accounts[ASPNET].flags.disabled, services[W3SVC].state)
// rather than their position, so a report reads like a change log. Password hashes and LSA
// secrets are never shown, only that they changed.
//
//   for (const sim::Change& c : sim::DiffMachines(before, after))
//     std::cout << c.path << ": " << c.before << " -> " << c.after << "\n";
#pragma once

#include <string>
#include <vector>

#include "fakes/state.h"

namespace sim {

struct Change {
  std::string path;
  std::string before;  // "(none)" when the property did not exist
  std::string after;   // "(none)" when it was removed
};

std::vector<Change> DiffMachines(const fakes::MachineState& before, const fakes::MachineState& after);

}  // namespace sim
