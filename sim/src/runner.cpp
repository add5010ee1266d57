#include "sim/runner.h"

#include <chrono>
#include <filesystem>

#include "fakes/modelling_choices.h"
#include "sim/invariants.h"
#include "sim/vocabulary.h"

namespace sim {

StepReport ExecuteStep(RunContext& ctx, const Step& step) {
  if (step.kind == "check") return {true, "", "check", ""};
  const Word* word = FindStep(step.kind);
  if (!word || !word->run) return {false, "step '" + step.kind + "' has no executor", "", ""};
  try {
    return word->run(ctx, step);
  } catch (const StepError& e) {
    return {false, e.message, "", ""};
  }
}

ScenarioResult NotLoaded(const std::string& file, const ScenarioError& error) {
  ScenarioResult r;
  r.file = file;
  r.name = std::filesystem::path(file).stem().string();
  r.summary = "the scenario file could not be loaded";
  r.passed = false;
  r.error = error.ToString();
  r.load_error = error;
  return r;
}

ScenarioResult RunScenario(const Scenario& scenario, const RunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ScenarioResult result{scenario.file, scenario.name, scenario.summary, {}, true, "", 0};
  result.invariants_checked = options.invariants;
  fakes::ChoiceLog choices;
  RunContext ctx(scenario.machine);
  ctx.decorate = options.decorate;
  ctx.scenario_dir = std::filesystem::path(scenario.file).parent_path().string();
  for (const Step& step : scenario.steps) {
    StepResult sr{step, {}, {}, {}};
    ctx.before_step = ctx.machine.state();
    sr.report = ExecuteStep(ctx, step);
    if (!sr.report.ran) {
      result.error = step.pos.ToString() + ": " + sr.report.error;
      result.passed = false;
      result.steps.push_back(std::move(sr));
      break;
    }
    sr.changes = DiffMachines(ctx.before_step, ctx.machine.state());
    if (step.kind != "fixer") NoteStepInEpisode(ctx, ctx.before_step);
    if (options.invariants && (step.kind == "fixer" || step.kind == "legacy")) {
      for (auto& inv : CheckInvariants(ctx, step)) sr.checks.push_back(std::move(inv));
    }
    // A fault that silently never fires would leave a scenario testing a clean run under a
    // fault's name (a misspelt op, a count past the run's calls). Explore's random faults may
    // rightly miss: it runs its cases without this check.
    if (step.kind == "fixer" && ctx.fixer && !ctx.fixer->unreached_fault.empty())
      sr.checks.push_back({"fault", "the step's fault", false, "it happens", ctx.fixer->unreached_fault, step.pos});
    // A `fail_at` without `fail_op` names its call only by number: which call it is, and so the
    // errors it can give, the run shows (a named op's is refused when the scenario loads).
    if (step.kind == "fixer" && ctx.fixer && !ctx.fixer->impossible_error.empty())
      sr.checks.push_back({"fault", "the step's fault error", false, "an error its call can give",
                           ctx.fixer->impossible_error, step.pos});
    for (const Expectation& e : step.expect) sr.checks.push_back(CheckExpectation(ctx, e));
    for (const auto& c : sr.checks) result.passed = result.passed && c.passed;
    result.steps.push_back(std::move(sr));
  }
  result.modelling_choices = choices.ids();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace sim
