// keep-sid's "set-temp-password": the account gets a temporary password known to this process
// only, so it can log on once to create its profile. The undo puts back the password ASP.NET
// keeps in the LSA secret, so the temporary one never stays valid, and "must change password at
// next logon" if the account had it (a password set clears it; Windows lets it be set again).
// Each password it sets goes to the services logging on with the worker's too
// (worker_password_services.h), so an undo that falls back to a new one leaves none unable to start.

#include "fixer/password_generator.h"
#include "fixer/text.h"
#include "step_factories.h"
#include "worker_password_services.h"

namespace fixer {

// Sets the account's password to what the worker expects (the LSA secret). If there is no
// secret, or the policy refuses the old value (history), a fresh random password is set and
// stored as the secret, so the account and ASP.NET still agree; the services logging on with the
// worker's password are given it either way.
Status RestoreWorkerPassword(RepairContext& ctx) {
  auto lsa = ctx.ports.secrets.Retrieve(std::string(kAspNetWorkerSecret));
  if (lsa) {
    Status st = ctx.ports.accounts.SetPassword(ctx.account, *lsa);
    if (st.ok()) return GiveServicesWorkerPassword(ctx, *lsa);
    if (st.code() != kNerrPasswordTooShort) return st;
    ctx.Say(Text(FMT_COMPILE("the policy refused {}'s previous password ({}); setting a new random "
                             "one in the account and the LSA secret"),
                 ctx.account, st));
  } else if (lsa.status().code() != kErrorFileNotFound) {
    return lsa.status();
  }
  auto fresh = GenerateTempPassword(ctx.ports.random, ctx.ports.policy, ctx.account);
  if (!fresh) return fresh.status();
  Status st = ctx.ports.accounts.SetPassword(ctx.account, *fresh);
  if (!st.ok()) return st;
  if (st = ctx.ports.secrets.Store(std::string(kAspNetWorkerSecret), *fresh); !st.ok()) return st;
  return GiveServicesWorkerPassword(ctx, *fresh);
}

namespace {

// The begin record's key: "1" when the account was found marked "must change password at next logon".
constexpr const char* kMustChange = "must_change";

class SetTempPassword : public Step {
 public:
  explicit SetTempPassword(TempPasswordFrom password) : password_(password) {}
  std::string_view id() const override { return "set-temp-password"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string who = d ? d->worker.account : "the worker account";
    return {
        std::string(id()),
        Text(FMT_COMPILE("set {} temporary password on {} (held in memory only)"), TempPasswordWords(password_), who),
        "set the password back to the one in the ASP.NET LSA secret (and \"must change password at next logon\" "
        "if it was set)",
        false};
  }
  Result<StepData> Prepare(RepairContext& ctx) override {
    auto acct = ctx.ports.accounts.Lookup(ctx.account);
    if (!acct) return acct.status();
    StepData data{{"account", acct->name}, {"sid", acct->sid.ToString()}};
    // A resume prepares the step again after this run's own password cleared the mark: what the
    // first begin record found stands.
    const bool must_change = acct->password_must_change || DecodeBool(Get(ctx.DataOf(std::string(id())), kMustChange));
    if (must_change) data[kMustChange] = EncodeBool(true);
    auto services = ReadWorkerPasswordServices(ctx);
    if (!services) return services.status();
    if (!services->empty()) data[kPasswordServices] = JoinList(*services);
    return data;
  }
  Status Act(RepairContext& ctx, const StepData&, StepData&) override {
    auto pw = ctx.TempPassword();
    if (!pw) return pw.status();
    Status st = ctx.ports.accounts.SetPassword(ctx.account, *pw);
    if (!st.ok()) return st;
    ctx.temp_password_applied = true;
    return GiveServicesWorkerPassword(ctx, *pw);
  }
  Status Undo(RepairContext& ctx, const StepData& data) override {
    if (Status st = RestoreWorkerPassword(ctx); !st.ok()) return st;
    if (!DecodeBool(Get(data, kMustChange))) return {};
    return ctx.ports.accounts.RequirePasswordChange(ctx.account);
  }
  bool sets_temp_password() const override { return true; }
  std::vector<std::string_view> data_keys() const override {
    return {"account", "sid", kMustChange, kPasswordServices};
  }

 private:
  TempPasswordFrom password_;
};

}  // namespace

std::unique_ptr<Step> MakeSetTempPassword(TempPasswordFrom password) {
  return std::make_unique<SetTempPassword>(password);
}

}  // namespace fixer
