// PlanTextOnce: a plan's text rendered once for the runs that print the same plan. Whatever plan
// it is asked for, the text it answers is that plan's own (app::RenderPlanText): a plan that
// differs from the kept one in any printed field is rendered, never answered with the kept text.
#include "sim/plan_text.h"

#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "app/fixer_report.h"
#include "fakes/machine_yaml.h"
#include "sim/fixer_session.h"

namespace {

fixer::Plan APlan() {
  fixer::Plan p;
  p.strategy = fixer::Strategy::kRecreate;
  p.account = "ASPNET";
  p.sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1002");
  p.steps = {{"stop-services", "stop the running IIS services", "start them again", false},
             {"delete-account", "delete the worker account", "none", true}};
  return p;
}

// The plan changed in one field each: every field AppendPlanText prints.
std::vector<std::pair<std::string, std::function<void(fixer::Plan&)>>> OneFieldChanged() {
  return {
      {"strategy", [](fixer::Plan& p) { p.strategy = fixer::Strategy::kKeepSid; }},
      {"account", [](fixer::Plan& p) { p.account = "IWAM_XPPRO"; }},
      {"sid", [](fixer::Plan& p) { p.sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1003"); }},
      {"step id", [](fixer::Plan& p) { p.steps[0].id = "stop-iis"; }},
      {"step action", [](fixer::Plan& p) { p.steps[0].action += "."; }},
      {"step undo", [](fixer::Plan& p) { p.steps[1].undo = "a deleted SID cannot be restored"; }},
      {"step irreversible", [](fixer::Plan& p) { p.steps[1].irreversible = false; }},
      {"a step fewer", [](fixer::Plan& p) { p.steps.pop_back(); }},
      {"repairs", [](fixer::Plan& p) { p.repairs.push_back("ASPNET is locked out (1909)"); }},
      {"refusal",
       [](fixer::Plan& p) {
         p.refusal = fixer::Refusal{fixer::RefusalReason::kJournalPending, "a", "b"};
       }},
      {"nothing to do", [](fixer::Plan& p) { p.nothing_to_do = true; }},
  };
}

TEST(PlanTextOnce, AnswersEachPlanItsOwnText) {
  for (const auto& [field, change] : OneFieldChanged()) {
    sim::PlanTextOnce once;
    const fixer::Plan kept = APlan();
    std::string own;
    EXPECT_EQ(once.For(kept, own), app::RenderPlanText(kept));
    fixer::Plan other = APlan();
    change(other);
    EXPECT_NE(kept, other) << field;
    EXPECT_EQ(once.For(other, own), app::RenderPlanText(other)) << field;
    EXPECT_EQ(once.For(APlan(), own), app::RenderPlanText(kept))
        << field << ": the kept text is still the first plan's";
  }
}

// A refusal prints its reason, why and instead: a plan refused otherwise is another text.
TEST(PlanTextOnce, AnswersEachRefusalItsOwnText) {
  fixer::Plan refused = APlan();
  refused.steps.clear();
  refused.refusal = fixer::Refusal{fixer::RefusalReason::kJournalPending, "a journal is pending", "resume"};
  const std::vector<std::function<void(fixer::Refusal&)>> changes = {
      [](fixer::Refusal& r) { r.reason = fixer::RefusalReason::kNotAffected; },
      [](fixer::Refusal& r) { r.why += "."; },
      [](fixer::Refusal& r) { r.instead = "roll back"; },
  };
  for (size_t i = 0; i < changes.size(); ++i) {
    sim::PlanTextOnce once;
    std::string own;
    EXPECT_EQ(once.For(refused, own), app::RenderPlanText(refused));
    fixer::Plan other = refused;
    changes[i](*other.refusal);
    EXPECT_NE(refused, other) << i;
    EXPECT_EQ(once.For(other, own), app::RenderPlanText(other)) << i;
  }
}

TEST(PlanTextOnce, KeepsTheFirstPlansTextUntilCleared) {
  sim::PlanTextOnce once;
  std::string own;
  const std::string_view first = once.For(APlan(), own);
  EXPECT_TRUE(own.empty()) << "the first plan's text is kept, not rendered into the caller's string";
  EXPECT_EQ(once.For(APlan(), own).data(), first.data()) << "an equal plan is answered with the kept text";
  once.Clear();
  fixer::Plan other = APlan();
  other.account = "IWAM_XPPRO";
  EXPECT_EQ(once.For(other, own), app::RenderPlanText(other));
  EXPECT_EQ(once.For(other, own).data(), once.For(other, own).data()) << "kept after Clear: the next plan asked for";
}

TEST(PlanTextOnce, ThreadsAskingAtOnceEachGetTheirPlansText) {
  sim::PlanTextOnce once;
  std::vector<fixer::Plan> plans;
  for (const auto& [field, change] : OneFieldChanged()) {
    plans.push_back(APlan());
    change(plans.back());
  }
  plans.push_back(APlan());
  std::vector<std::thread> threads;
  std::vector<int> wrong(plans.size(), 0);
  for (size_t i = 0; i < plans.size(); ++i)
    threads.emplace_back([&, i] {
      std::string own;
      for (int k = 0; k < 50; ++k)
        if (std::string(once.For(plans[i], own)) != app::RenderPlanText(plans[i])) ++wrong[i];
    });
  for (std::thread& t : threads) t.join();
  for (size_t i = 0; i < plans.size(); ++i) EXPECT_EQ(wrong[i], 0) << i;
}

// What lets the sweep render a recovery's plan once per target: resume and rollback print no
// diagnosis, their head is their plan, and after a power loss at any call of an apply the
// recoveries print the same plan (made from the journal), which the transcript made with that
// text equals the one rendered whole.
TEST(PlanTextOnce, EveryRecoveryOfAnApplyPrintsOnePlan) {
  auto found = fakes::LoadMachineText(
      "os: windows-xp-professional\nframeworks: [\"1.0\"]\nhotfixes: [MS03-032]\n"
      "applications:\n  - path: /LM/W3SVC/1/ROOT/app\n",
      "m.yaml");
  ASSERT_TRUE(found.ok()) << found.error->ToString();
  for (const fixer::Strategy strategy : {fixer::Strategy::kKeepSid, fixer::Strategy::kRecreate}) {
    fixer::Options options;
    options.strategy = strategy;
    fakes::Machine clean(*found.value);
    const size_t calls = sim::RunFixer(clean, "apply", options, {}).trace.size();
    ASSERT_GT(calls, 5u);
    sim::PlanTextOnce once;
    size_t recoveries = 0, kept = 0;
    for (uint64_t n = 2; n <= calls; ++n) {
      fakes::Machine crashed(*found.value);
      fakes::FaultPlan crash;
      crash.Add({.nth = n, .kind = fakes::FaultKind::kCrash});
      ASSERT_TRUE(sim::RunFixer(crashed, "apply", options, std::move(crash)).crashed);
      for (const char* recovery : {"resume", "rollback"}) {
        fakes::Machine m(crashed.state());
        const sim::FixerRun run = sim::RunFixer(m, recovery, options, {});
        if (!run.result || !run.result->plan) continue;  // nothing journaled yet: no plan to print
        ASSERT_FALSE(run.result->diagnosis.has_value()) << recovery << " after a crash at " << n;
        std::string own;
        const std::string_view head = once.For(*run.result->plan, own);
        ++recoveries;
        if (own.empty()) ++kept;
        EXPECT_EQ(head, app::RenderRunHead(*run.result)) << recovery << " after a crash at " << n;
        EXPECT_EQ(sim::RunTranscript(run, head), sim::RunTranscript(run)) << recovery << " after a crash at " << n;
      }
    }
    EXPECT_GT(recoveries, 10u);
    EXPECT_EQ(kept, recoveries) << "every recovery of one apply prints the plan of the first";
  }
}

}  // namespace
