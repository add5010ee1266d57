// WebRequests: a page request as a scenario step sees it, over the web stack model.
//
//   sim::LastResponse r = sim::RequestPage(machine, "/LM/W3SVC/1/ROOT/app");
//   sim::StatusOnCopy(state, app);   // the same, on a throw-away copy (no side effects)
#pragma once

#include <map>
#include <string>

#include "fakes/machine.h"
#include "sim/run_context.h"

namespace sim {

LastResponse RequestPage(fakes::Machine& machine, const std::string& app);
// Status of every application, each requested on its own copy of the state.
std::map<std::string, int> StatusOfEveryApp(const fakes::MachineState& state);

}  // namespace sim
