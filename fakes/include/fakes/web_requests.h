// StatusOfEveryApp: the HTTP status of every application on a fake machine, each asked with
// WebStack::Answer (a Probe), so the machine is left as it was (invariants, the sweep, machine
// views).
//
//   std::map<std::string, int> before = fakes::StatusOfEveryApp(machine);   // 0: nothing listens
//   std::map<std::string, int> after = fakes::StatusOfEveryApp(machine.state());  // on one copy
#pragma once

#include <map>
#include <string>

#include "fakes/machine.h"

namespace fakes {

std::map<std::string, int> StatusOfEveryApp(Machine& machine);
std::map<std::string, int> StatusOfEveryApp(const MachineState& state);

}  // namespace fakes
