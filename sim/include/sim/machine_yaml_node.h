// Machine files seen from yaml-cpp, which sim keeps for scenario files: a scenario's `machine:`
// node handed to fakes' machine loader (which has its own parser, fakes/yaml_parse.h), and a
// machine as a yaml-cpp node for the diff.
//
//   YAML::Node scenario = YAML::LoadFile("scenarios/fixer/recreate-fixes-affected-xp.yaml");
//   auto loaded = sim::LoadMachineNode(scenario["machine"], "recreate-fixes-affected-xp.yaml");
//   if (loaded.ok()) YAML::Node again = sim::MachineToYaml(*loaded.value);
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "fakes/machine_yaml.h"

namespace sim {

// Errors carry the node's position in `file_name`, as for a machine file of its own.
fakes::Loaded<fakes::MachineState> LoadMachineNode(const YAML::Node& node, const std::string& file_name);

// The saved form (fakes::MachineToText) read back by yaml-cpp.
YAML::Node MachineToYaml(const fakes::MachineState& state);

}  // namespace sim
