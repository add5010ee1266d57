// WebRequests: a page request as a scenario step sees it, over the web stack model.
//
//   sim::LastResponse r = sim::RequestPage(machine, "/LM/W3SVC/1/ROOT/app");
//   sim::StatusOfEveryApp(machine);  // every app's status, asked without side effects
#pragma once

#include <map>
#include <string>

#include "fakes/machine.h"
#include "sim/run_context.h"

namespace sim {

LastResponse RequestPage(fakes::Machine& machine, const std::string& app);
// Status of every application (0 when nothing listens), each asked with WebStack::Probe:
// the machine is left as it was.
std::map<std::string, int> StatusOfEveryApp(fakes::Machine& machine);
std::map<std::string, int> StatusOfEveryApp(const fakes::MachineState& state);  // on one copy

}  // namespace sim
