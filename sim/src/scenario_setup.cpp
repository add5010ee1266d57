// PrepareScenarioMachine: a scenario's machine with its set-up steps applied.
#include "sim/scenario_setup.h"

#include <filesystem>

#include "fakes/machine_yaml.h"
#include "sim/run_context.h"
#include "sim/scenario.h"
#include "sim/steps.h"

namespace sim {

PreparedMachine PrepareScenarioMachine(const std::string& path) {
  PreparedMachine out;
  out.scenario_dir = std::filesystem::path(path).parent_path().string();
  auto loaded = LoadScenarioFile(path);
  if (!loaded.ok()) {
    // Not a scenario: perhaps a machine state file.
    auto machine = fakes::LoadMachineFile(path);
    if (machine.ok()) {
      out.state = std::move(*machine.value);
      return out;
    }
    out.error = loaded.error->ToString();
    return out;
  }
  RunContext ctx(loaded.value->machine);
  ctx.scenario_dir = out.scenario_dir;
  for (const Step& step : loaded.value->steps) {
    if (step.kind == "legacy") {
      if (step.args.count("script")) out.legacy_step_script = LegacyStepScript(out.scenario_dir, step);
      if (step.args.count("answer")) out.legacy_step_answer = step.args.at("answer");
    }
    if (step.kind == "legacy" || step.kind == "fixer") break;
    StepReport r = ExecuteStep(ctx, step);
    if (!r.ran) {
      out.error = step.pos.ToString() + ": " + r.error;
      return out;
    }
    ++out.steps_run;
  }
  out.state = ctx.machine.state();
  out.batch_passwords = std::move(ctx.batch_passwords);
  return out;
}

}  // namespace sim
