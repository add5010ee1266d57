// A plan's text (app::RenderPlanText) rendered once for the many runs that print the same plan:
// resume and rollback make their plan from the journal (the strategy, account and SID recorded
// there, the strategy's steps), so nearly every recovery run of one sweep target prints the
// same one: rendering it again for each was nearly half of the sweep's transcript rendering.
//
//   sim::PlanTextOnce plans;
//   std::string own;
//   std::string_view head = plans.For(*run.result->plan, own);  // a result with no diagnosis
//   std::string text = app::RunTranscript(run, head);           // == app::RunTranscript(run)
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "fixer/plan.h"

namespace sim {

class PlanTextOnce {
 public:
  // app::RenderPlanText(plan): the text kept from the first plan asked for when `plan` is the
  // same (fixer::Plan's ==, every field), else rendered into `own`. The view stays valid until Clear(). Safe on
  // several threads.
  std::string_view For(const fixer::Plan& plan, std::string& own);
  void Clear();  // with no For() running

 private:
  std::mutex mutex_;
  std::atomic<bool> kept_{false};
  std::optional<fixer::Plan> plan_;  // set once (under mutex_), then only read until Clear()
  std::string text_;
};

}  // namespace sim
