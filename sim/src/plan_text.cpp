// PlanTextOnce (sim/plan_text.h): a plan's text rendered once for the runs that print it.
#include "sim/plan_text.h"

#include "app/fixer_report.h"

namespace sim {

std::string_view PlanTextOnce::For(const fixer::Plan& plan, std::string& own) {
  if (!kept_.load(std::memory_order_acquire)) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!plan_) {
      plan_ = plan;
      text_ = app::RenderPlanText(plan);
      kept_.store(true, std::memory_order_release);
    }
  }
  if (*plan_ == plan) return text_;
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
