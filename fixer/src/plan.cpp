// Fixer::MakePlan: refusals first, each before anything changes; otherwise the ordered steps.

#include <vector>

#include "diagnose_parts.h"
#include "fixer/fixer.h"
#include "fixer/password_rules.h"
#include "fixer/text.h"
#include "refusals.h"
#include "step.h"

namespace fixer {
namespace {

// The refusal of an operator's password the policy refused, its advice after the rule it breaks.
Refusal TempPasswordRefused(Ports& ports, const std::string& account, const Secret& password, const Status& why) {
  const Result<PasswordPolicyInfo> policy = ports.policy.Get();
  const Result<Account> found = ports.accounts.Lookup(account);
  const PasswordPolicyInfo info = policy.ok() ? *policy : PasswordPolicyInfo{};
  const PasswordRule rule = BrokenPasswordRule(info, account, found.ok() ? found->full_name : "", password);
  return TempPasswordRejected(account, why, rule, info);
}

}  // namespace

Result<Plan> Fixer::MakePlan(const Diagnosis& d) {
  if (d.verdict == Verdict::kNotAdmin) return MakePlanFor(d, JournalHolds::kNothing);  // nothing else is read
  auto holds = ReadJournalState();
  if (!holds) return holds.status();
  return MakePlanFor(d, *holds);
}

Result<Plan> Fixer::MakePlanFor(const Diagnosis& d, JournalHolds holds) {
  Plan plan;
  plan.strategy = options_.strategy;
  plan.account = d.worker.account;
  plan.sid = d.worker.sid;
  if (d.verdict == Verdict::kNotAdmin) {
    plan.refusal = NotAdministrator(d.caller);
    return plan;
  }
  // Before the verdict: a half-done repair (services stopped, a profile made) is no cause of
  // the administrator's, and resume or rollback, not a new run, continues it.
  if (holds == JournalHolds::kUnfinishedRun) {
    plan.refusal = JournalPending();
    return plan;
  }
  switch (d.verdict) {
    case Verdict::kNotAdmin: break;  // refused above
    case Verdict::kAlreadyFixed:
      // Nothing to do only if the pages answer: exit 0 is a promise that the site works.
      if (d.symptom == SymptomCheck::kNotSeen && d.FirstFailingPrecondition() == nullptr &&
          d.EveryApplicationAnswers()) {
        plan.nothing_to_do = true;
      } else {
        plan.refusal = StillFails(d);
      }
      return plan;
    case Verdict::kNotAffected: plan.refusal = NotAffected(d); return plan;
    case Verdict::kRepairPending: plan.refusal = JournalPending(); return plan;
    case Verdict::kAffected: break;
  }
  if (d.worker.kind != WorkerKind::kMachineAccount) {
    plan.refusal = CustomAccount(d);
    return plan;
  }
  if (!Framework10ToolsPresent(d)) {
    plan.refusal = ToolsMissing();
    return plan;
  }
  // Per cause (docs/windows-reference.md#fixer-decisions): what the administrator chose is
  // refused before any change; what the repair's own steps mend is listed in the plan. What the
  // steps themselves need and cannot mend is refused too: the first step would otherwise stop a
  // service for good or delete the account for a profile that cannot be made. Every such cause is
  // named at once, so the administrator fixes them all before the next run.
  std::vector<const Precondition*> refused;
  for (const Precondition& p : d.worker_start) {
    if (p.met) continue;
    if (p.remedy == Remedy::kRefused) {
      refused.push_back(&p);
    } else if (p.id != "profile") {
      plan.repairs.push_back(Text(FMT_COMPILE("{}: {}"), p.id, p.detail));
    }
  }
  for (const Precondition& p : d.repair_needs)
    if (!p.met) refused.push_back(&p);
  if (!refused.empty()) {
    plan.refusal = LeftToAdministrator(d, refused);
    return plan;
  }
  auto rejected = TempPasswordRefusal(d.worker.account);
  if (!rejected) return rejected.status();
  if (*rejected) {
    plan.refusal = std::move(**rejected);
    return plan;
  }
  plan.steps = DescribeSteps(BuildSteps(options_.strategy, TempPasswordFromOf(options_)), &d);
  return plan;
}

Result<std::optional<Refusal>> Fixer::TempPasswordRefusal(const std::string& account) {
  if (!options_.temp_password) return std::optional<Refusal>();
  if (options_.temp_password->empty()) {
    // Only the machine's blank-password policy keeps runas from logging on with a blank one.
    auto console_only = ReadBlankPasswordLimit(ports_.policy, "the temporary password given is blank");
    if (!console_only) return console_only.status();
    if (*console_only) return std::optional<Refusal>(TempPasswordBlank(account));
  }
  if (Status st = ports_.policy.Check(account, *options_.temp_password); !st.ok()) {
    // 2245 is the policy's verdict on the password; any other error is a read that failed (the policy's,
    // 5), no verdict: said as the error it is, never as a rule the password broke.
    if (st.code() != kNerrPasswordTooShort) return Status::Explained(st.code(), kPasswordPolicyUnread);
    return std::optional<Refusal>(TempPasswordRefused(ports_, account, *options_.temp_password, st));
  }
  return std::optional<Refusal>();
}

}  // namespace fixer
