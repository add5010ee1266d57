// StepRegistry: step kind -> executor. Each steps_*.cpp registers its own kinds, so adding a
// step touches one file and the vocabulary.
//
//   sim::StepRegistry r;  sim::RegisterAccountSteps(r);  r.at("delete_account")(ctx, step);
#pragma once

#include <functional>
#include <map>
#include <string>

#include "sim/steps.h"

namespace sim {

using StepFn = std::function<StepReport(RunContext&, const Step&)>;
using StepRegistry = std::map<std::string, StepFn>;

void RegisterAccountSteps(StepRegistry& r);
void RegisterSystemSteps(StepRegistry& r);
void RegisterWebSteps(StepRegistry& r);
void RegisterFixerSteps(StepRegistry& r);
void RegisterLegacySteps(StepRegistry& r);

// Every registered executor.
const StepRegistry& AllSteps();

}  // namespace sim
