// "lift-restrictions" and "restore-restrictions": the account may log on interactively only
// while its profile is created. Lifting records the flags and rights it changes; restoring puts
// them back (a lockout cannot be re-imposed: Windows only unlocks on request).
#include <algorithm>

#include "fixer/text.h"
#include "step_factories.h"

namespace fixer {
namespace {

const std::string kDeny(kSeDenyInteractiveLogonRight);
const std::string kAllow(kSeInteractiveLogonRight);

bool Holds(const std::vector<std::string>& rights, const std::string& right) {
  return std::find(rights.begin(), rights.end(), right) != rights.end();
}

// What lift-restrictions records, and restore-restrictions after it.
std::vector<std::string_view> LiftKeys() { return WithFlagKeys({"sid", "had_deny_interactive", "had_interactive"}); }

Result<Sid> SidFrom(const StepData& data) { return Sid::Parse(Get(data, "sid")); }

// Puts back what lift-restrictions changed, as recorded in `data`. Idempotent.
Status Restore(RepairContext& ctx, const StepData& data) {
  auto sid = SidFrom(data);
  if (!sid) return sid.status();
  AccountFlags original = DecodeFlags(data);
  if (original.disabled) {
    AccountFlags back = original;
    back.locked_out = false;  // SetFlags can only unlock
    Status st = ctx.ports.accounts.SetFlags(ctx.account, back);
    if (!st.ok()) return st;
  }
  if (DecodeBool(Get(data, "had_deny_interactive"))) {
    Status st = ctx.ports.rights.Grant(*sid, kDeny);
    if (!st.ok()) return st;
  }
  if (!DecodeBool(Get(data, "had_interactive"))) {
    Status st = ctx.ports.rights.Revoke(*sid, kAllow);
    if (!st.ok()) return st;
  }
  return {};
}

class LiftRestrictions : public Step {
 public:
  std::string_view id() const override { return "lift-restrictions"; }
  PlanStep Describe(const Diagnosis* d) const override {
    std::string who = d ? d->worker.account : "the worker account";
    return {std::string(id()),
            Text(FMT_COMPILE("let {} log on interactively for the moment: enable, unlock, revoke {}, "
                             "grant {} if not held"),
                 who, kDeny, kAllow),
            "put back the recorded flags and rights", false};
  }
  Result<StepData> Prepare(RepairContext& ctx) override {
    auto acct = ctx.ports.accounts.Lookup(ctx.account);
    if (!acct) return acct.status();
    auto rights = ctx.ports.rights.Of(acct->sid);
    if (!rights) return rights.status();
    StepData data{{"sid", acct->sid.ToString()},
                  {"had_deny_interactive", EncodeBool(Holds(*rights, kDeny))},
                  {"had_interactive", EncodeBool(Holds(*rights, kAllow))}};
    EncodeFlags(acct->flags, data);
    return data;
  }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    auto sid = SidFrom(data);
    if (!sid) return sid.status();
    AccountFlags flags = DecodeFlags(data);
    if (flags.disabled || flags.locked_out) {
      if (flags.locked_out)
        ctx.Say(Text(FMT_COMPILE("{} was locked out; it is unlocked now and "
                                 "stays unlocked"),
                     ctx.account));
      flags.disabled = false;
      flags.locked_out = false;
      Status st = ctx.ports.accounts.SetFlags(ctx.account, flags);
      if (!st.ok()) return st;
    }
    if (DecodeBool(Get(data, "had_deny_interactive"))) {
      Status st = ctx.ports.rights.Revoke(*sid, kDeny);
      if (!st.ok()) return st;
    }
    // Granted directly, whatever the groups say, so the logon cannot depend on them.
    if (!DecodeBool(Get(data, "had_interactive"))) return ctx.ports.rights.Grant(*sid, kAllow);
    return {};
  }
  Status Undo(RepairContext& ctx, const StepData& data) override { return Restore(ctx, data); }
  std::string_view closed_by() const override { return "restore-restrictions"; }
  std::vector<std::string_view> data_keys() const override { return LiftKeys(); }
};

class RestoreRestrictions : public Step {
 public:
  std::string_view id() const override { return "restore-restrictions"; }
  PlanStep Describe(const Diagnosis*) const override {
    return {std::string(id()), "put back the flags and logon rights lift-restrictions changed",
            "nothing: lift-restrictions' undo does the same", false};
  }
  Result<StepData> Prepare(RepairContext& ctx) override { return ctx.DataOf("lift-restrictions"); }
  Status Act(RepairContext& ctx, const StepData& data, StepData&) override {
    // What lift-restrictions recorded last: after a resume re-ran it, that is newer than the
    // copy taken when this step began. If it never began there is nothing to put back.
    const StepData& lift = ctx.DataOf("lift-restrictions");
    if (!lift.empty()) return Restore(ctx, lift);
    if (!data.empty()) return Restore(ctx, data);
    Log(ctx.log, spdlog::level::info, "lift-restrictions never ran: no restriction to put back");
    return {};
  }
  Status Undo(RepairContext&, const StepData&) override { return {}; }
  std::vector<std::string_view> data_keys() const override { return LiftKeys(); }  // it records lift's
};

}  // namespace

std::unique_ptr<Step> MakeLiftRestrictions() { return std::make_unique<LiftRestrictions>(); }
std::unique_ptr<Step> MakeRestoreRestrictions() { return std::make_unique<RestoreRestrictions>(); }

}  // namespace fixer
