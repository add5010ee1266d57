// Machine files seen from yaml-cpp: a `machine:` node of a yaml-cpp document handed to fakes'
// machine loader (which has its own parser, fakes/yaml_parse.h, also the scenario loader's), so
// tests/sim/machine_parsers_agree_test.cpp and fuzz/machine_yaml_fuzzer.cpp can hold the two
// parsers to the same machine; and a machine as a yaml-cpp node.
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
