#include "legacy_target.h"

#include "sim/legacy_run.h"

namespace sim::cli {

std::optional<LegacyTarget> ResolveLegacyTarget(const std::string& scenario, const std::string& script_option,
                                                std::string& error) {
  LegacyTarget target{PrepareScenarioMachine(scenario), script_option};
  if (!target.setup.state) {
    error = target.setup.error;
    return std::nullopt;
  }
  if (target.script.empty()) target.script = target.setup.legacy_step_script;
  if (target.script.empty()) target.script = DefaultLegacyScript(target.setup.scenario_dir);
  return target;
}

}  // namespace sim::cli
