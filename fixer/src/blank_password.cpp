// The blank-password policy as the diagnosis and the plan read it: the worker's blank password,
// which the policy refuses off the console (1327) where it is the account's, and a failed read of
// the policy named. docs/windows-reference.md#blank-passwords
#include "diagnose_parts.h"
#include "fixer/ports/secrets.h"
#include "fixer/process_model.h"
#include "fixer/text.h"

namespace fixer {

Result<bool> ReadBlankPasswordLimit(PasswordPolicy& policy, std::string_view why) {
  auto limits = policy.LimitsBlankPasswordUse();
  if (!limits) {
    return Status::Explained(
        limits.status().code(),
        Text(FMT_COMPILE("The blank-password policy ({}) could not be read, and {}"), kBlankPasswordPolicyValue, why));
  }
  return *limits;
}

Result<bool> WorkerPasswordBlank(Secrets& secrets, const WorkerIdentity& w, const ProcessModelConfig& pm) {
  if (!w.exists || !w.local) return false;
  if (w.kind == WorkerKind::kCustomAccount) return pm.password.empty();
  if (w.kind != WorkerKind::kMachineAccount) return false;
  if (!IsAutoGeneratePassword(pm.password)) return pm.password.empty();
  // A secret that cannot be read is the credentials precondition's own failure (2: not in the LSA).
  auto secret = secrets.Retrieve(std::string(kAspNetWorkerSecret));
  return secret && secret->empty();
}

Precondition BlankPasswordRefused(const Diagnosis& d) {
  const WorkerIdentity& w = d.worker;
  const bool lsa = w.kind == WorkerKind::kMachineAccount && !w.own_password;
  const std::string whose =
      lsa ? Text(FMT_COMPILE("the AutoGenerate password in the LSA ({}), with which aspnet_wp.exe logs on as {},"),
                 kAspNetWorkerSecret, w.account)
      : w.own_password ? Text(FMT_COMPILE("the password processModel gives {} itself (not AutoGenerate)"), w.account)
                       : Text(FMT_COMPILE("the password processModel gives {}"), w.account);
  const std::string_view after = lsa ? "; aspnet_regiis -i sets a new one in the account and the LSA"
                                 : w.own_password
                                     ? "; the repair would set a new password in the account and the LSA, which would "
                                       "not be processModel's either"
                                     : "";
  return FailingPrecondition(
      "credentials", kErrorAccountRestriction,
      Text(FMT_COMPILE("{} is blank, and the blank-password policy limits blank passwords to console logons ({}: "
                       "on), so aspnet_wp.exe's batch logon with it is refused where it is {}'s password (a blank "
                       "one that is not fails as any wrong one, 1326){}"),
           whose, kBlankPasswordPolicyName, w.account, after),
      lsa ? Remedy::kRepaired : Remedy::kRefused);
}

}  // namespace fixer
