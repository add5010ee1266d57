// Running one explore case: its scenario's steps in order, the runner's invariants after each
// fixer and legacy step (CheckInvariants), stopping at the first that fails.
#include "sim/explore.h"
#include "sim/invariants.h"
#include "sim/run_context.h"
#include "sim/steps.h"

namespace sim {

CaseVerdict RunExploreCase(const ExploreCase& c, const PortsDecoratorFactory& decorate) {
  CaseVerdict v;
  fakes::Loaded<Scenario> loaded = ToScenario(c);
  if (!loaded.ok()) {
    v.loaded = false;
    v.detail = loaded.error->ToString();
    return v;
  }
  const Scenario& s = *loaded.value;
  RunContext ctx(s.machine);
  ctx.decorate = decorate;
  for (size_t i = 0; i < s.steps.size(); ++i) {
    const Step& step = s.steps[i];
    std::optional<fakes::MachineState> before;  // only an open episode needs it (NoteStepInEpisode)
    if (ctx.episode_start && step.kind != "fixer") before = ctx.machine.state();
    if (step.kind == "legacy") ctx.before_step = ctx.machine.state();  // the secret scan's "found"
    const StepReport r = ExecuteStep(ctx, step);
    if (!r.ran) {
      v.cut_short = true;
      v.detail = r.error;
      return v;
    }
    ++v.steps_run;
    if (step.kind == "fixer" && ctx.fixer && !ctx.fixer->unreached_fault.empty()) v.unfired_faults.push_back(i);
    if (before) NoteStepInEpisode(ctx, *before);
    if (step.kind != "fixer" && step.kind != "legacy") continue;
    for (const CheckResult& check : CheckInvariants(ctx, step)) {
      if (check.passed) continue;
      v.failed_step = i;
      v.invariant = InvariantName(check);
      v.detail = check.what + ": expected " + check.expected + ", got " + check.actual;
      return v;
    }
  }
  return v;
}

}  // namespace sim
