// The machine and batch file that `fixup-sim legacy` and `fixup-sim compare` start from: the
// scenario's machine after its set-up steps (or a state file), and the script given with
// --script, else the one the scenario's first `legacy` step names (`script:`), else the published
// scenarios/legacy/fixup.cmd found from the scenario's folder, or the copy built into the tool
// (sim::DefaultLegacyScript), so both work from any folder.
//
//   std::string why;
//   auto target = sim::cli::ResolveLegacyTarget(args->scenario, args->script, why);
//   if (!target) { exit_code = SayInputError(false, why); return; }
//   RunLegacyScript(machine_of(*target->setup.state), target->script, ...);
#pragma once

#include <optional>
#include <string>

#include "sim/scenario_setup.h"

namespace sim::cli {

struct LegacyTarget {
  PreparedMachine setup;  // setup.state is set
  std::string script;
};

// nullopt, with why in `error` (FILE:LINE:COL: ...), when the scenario cannot be prepared.
std::optional<LegacyTarget> ResolveLegacyTarget(const std::string& scenario, const std::string& script_option,
                                                std::string& error);

}  // namespace sim::cli
