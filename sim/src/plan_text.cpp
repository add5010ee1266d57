// PlanTextOnce (sim/plan_text.h): a plan's text rendered once for the runs that print it.
#include "sim/plan_text.h"

#include <algorithm>

#include "app/fixer_report.h"

namespace sim {
namespace {

bool SameStep(const fixer::PlanStep& a, const fixer::PlanStep& b) {
  return a.id == b.id && a.action == b.action && a.undo == b.undo && a.irreversible == b.irreversible;
}

bool SameRefusal(const std::optional<fixer::Refusal>& a, const std::optional<fixer::Refusal>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->reason == b->reason && a->why == b->why && a->instead == b->instead);
}

}  // namespace

bool SamePlan(const fixer::Plan& a, const fixer::Plan& b) {
  return a.strategy == b.strategy && a.account == b.account && a.sid == b.sid && a.nothing_to_do == b.nothing_to_do &&
         a.repairs == b.repairs && SameRefusal(a.refusal, b.refusal) &&
         std::equal(a.steps.begin(), a.steps.end(), b.steps.begin(), b.steps.end(), SameStep);
}

std::string_view PlanTextOnce::For(const fixer::Plan& plan, std::string& own) {
  if (!kept_.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!plan_) {
      plan_ = plan;
      text_ = app::RenderPlanText(plan);
      kept_.store(true, std::memory_order_release);
    }
  }
  if (SamePlan(*plan_, plan)) return text_;
  own = app::RenderPlanText(plan);
  return own;
}

void PlanTextOnce::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  kept_.store(false, std::memory_order_release);
  plan_.reset();
  text_.clear();
  text_.shrink_to_fit();
}

}  // namespace sim
