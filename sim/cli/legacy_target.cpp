#include "legacy_target.h"

#include <iostream>

#include "sim/legacy_run.h"

namespace sim::cli {

std::optional<LegacyTarget> ResolveLegacyTarget(const std::string& scenario, const std::string& script_option) {
  LegacyTarget target{PrepareScenarioMachine(scenario), script_option};
  if (!target.setup.state) {
    std::cerr << target.setup.error << "\n";
    return std::nullopt;
  }
  if (target.script.empty()) target.script = DefaultLegacyScript(target.setup.scenario_dir);
  return target;
}

}  // namespace sim::cli
