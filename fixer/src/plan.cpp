// Fixer::MakePlan: refusals first, each before anything changes; otherwise the ordered steps.
#include <fmt/format.h>

#include "fixer/fixer.h"
#include "refusals.h"
#include "step.h"

namespace fixer {
namespace {

bool ToolsPresent(const Diagnosis& d) {
  for (const FrameworkSummary& f : d.frameworks) {
    if (f.version == kFramework10) return f.tools_present;
  }
  return false;
}

}  // namespace

Result<Plan> Fixer::MakePlan(const Diagnosis& d) {
  Plan plan;
  plan.strategy = options_.strategy;
  plan.account = d.worker.account;
  plan.sid = d.worker.sid;
  switch (d.verdict) {
    case Verdict::kNotAdmin:
      plan.refusal = NotAdministrator(d.caller);
      return plan;
    case Verdict::kAlreadyFixed:
      plan.nothing_to_do = true;
      return plan;
    case Verdict::kNotAffected:
      plan.refusal = NotAffected(d);
      return plan;
    case Verdict::kAffected:
      break;
  }
  if (d.worker.kind != WorkerKind::kMachineAccount) {
    plan.refusal = CustomAccount(d.worker);
    return plan;
  }
  if (!ToolsPresent(d)) {
    plan.refusal = ToolsMissing();
    return plan;
  }
  if (options_.temp_password) {
    Status st = options_.temp_password->empty()
                    ? Status(kErrorAccountRestriction, "a blank password cannot log on (runas)")
                    : ports_.policy.Check(d.worker.account, *options_.temp_password);
    if (!st.ok()) {
      plan.refusal = TempPasswordRejected(d.worker.account, st);
      return plan;
    }
  }
  for (const auto& step : BuildSteps(options_.strategy)) plan.steps.push_back(step->Describe(&d));
  return plan;
}

}  // namespace fixer
