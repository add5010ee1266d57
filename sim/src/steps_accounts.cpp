// Steps that change accounts, rights, policy and logons: what a support engineer does by hand
// (net user, secpol.msc, a logon at the console) to rebuild a customer's story.
#include "fakes/logon.h"
#include "fakes/lsa.h"
#include "fakes/sam.h"
#include "sim/step_registry.h"

namespace sim {
namespace {

fixer::Secret Password(const Step& step, const std::string& key) {
  return fixer::Secret::FromString(Arg(step, key));
}

std::string Done(const fixer::Status& st, const std::string& what) {
  return what + (st.ok() ? ": ok" : ": " + st.ToString());
}

StepReport CreateAccount(RunContext& ctx, const Step& step) {
  fakes::Sam sam(ctx.machine);
  const std::string name = RequiredArg(step, "name");
  fixer::NewAccount spec;
  spec.name = name;
  spec.full_name = Arg(step, "full_name");
  auto sid = sam.CreateUser(spec, Password(step, "password"));
  return {true, "", Done(sid.status(), "create account " + name), ""};
}

StepReport DeleteAccount(RunContext& ctx, const Step& step) {
  const std::string name = RequiredArg(step, "name");
  return {true, "", Done(fakes::Sam(ctx.machine).DeleteUser(name), "delete account " + name), ""};
}

StepReport SetPassword(RunContext& ctx, const Step& step) {
  const std::string user = RequiredArg(step, "user");
  auto st = fakes::Sam(ctx.machine).SetPassword(user, Password(step, "password"));
  return {true, "", Done(st, "set password of " + user), ""};
}

StepReport SetEnabled(RunContext& ctx, const Step& step, bool enabled) {
  fakes::Sam sam(ctx.machine);
  const std::string name = RequiredArg(step, "name");
  const fakes::UserAccount* user = sam.FindUser(name);
  if (!user) throw StepError{"no account named '" + name + "'"};
  fixer::AccountFlags flags = user->flags;
  flags.disabled = !enabled;
  return {true, "", Done(sam.SetFlags(name, flags), (enabled ? "enable " : "disable ") + name), ""};
}

fixer::Sid Principal(RunContext& ctx, const std::string& name) {
  auto sid = fakes::Sam(ctx.machine).LookupName(name);
  if (!sid) {
    auto parsed = fixer::Sid::Parse(name);
    if (parsed) return *parsed;
    throw StepError{"principal '" + name + "' is neither an account nor a SID"};
  }
  return *sid;
}

StepReport GrantRight(RunContext& ctx, const Step& step, bool grant) {
  const std::string who = RequiredArg(step, "principal");
  const std::string right = RequiredArg(step, "right");
  fakes::Lsa lsa(ctx.machine);
  auto sid = Principal(ctx, who);
  auto st = grant ? lsa.Grant(sid, right) : lsa.Revoke(sid, right);
  return {true, "", Done(st, (grant ? "grant " : "revoke ") + right + (grant ? " to " : " from ") + who), ""};
}

StepReport SetPolicy(RunContext& ctx, const Step& step) {
  auto& lsa = ctx.machine.state().lsa;
  auto& p = lsa.password_policy;
  p.min_length = static_cast<uint32_t>(IntArg(step, "min_length", p.min_length));
  p.complexity = BoolArg(step, "complexity", p.complexity);
  p.history = static_cast<uint32_t>(IntArg(step, "history", p.history));
  p.max_age_days = static_cast<uint32_t>(IntArg(step, "max_age_days", p.max_age_days));
  lsa.lockout.threshold = static_cast<uint32_t>(IntArg(step, "lockout_threshold", lsa.lockout.threshold));
  lsa.lockout.duration_minutes =
      static_cast<uint32_t>(IntArg(step, "lockout_duration_minutes", lsa.lockout.duration_minutes));
  p.lockout_threshold = lsa.lockout.threshold;
  return {true, "", "policy: min length " + std::to_string(p.min_length) + ", complexity " +
                        (p.complexity ? "on" : "off") + ", lockout threshold " +
                        std::to_string(lsa.lockout.threshold), ""};
}

fakes::LogonType ParseLogonType(const std::string& s) {
  if (s == "interactive") return fakes::LogonType::kInteractive;
  if (s == "network") return fakes::LogonType::kNetwork;
  if (s == "batch") return fakes::LogonType::kBatch;
  if (s == "service") return fakes::LogonType::kService;
  if (s == "remote_interactive") return fakes::LogonType::kRemoteInteractive;
  throw StepError{"logon type '" + s + "' is not one of interactive, network, batch, service, remote_interactive"};
}

StepReport Logon(RunContext& ctx, const Step& step) {
  const std::string user = RequiredArg(step, "user");
  fakes::LogonService logon(ctx.machine);
  if (BoolArg(step, "profile", false)) {
    auto token = logon.RunWithProfile(user, Password(step, "password"), "cmd.exe");
    return {true, "", Done(token.status(), "logon with profile as " + user), ""};
  }
  auto token = logon.LogonUser(user, Password(step, "password"), ParseLogonType(Arg(step, "type", "interactive")));
  return {true, "", Done(token.status(), "logon as " + user), ""};
}

StepReport AdvanceClock(RunContext& ctx, const Step& step) {
  const long long seconds = IntArg(step, "seconds", 0);
  if (seconds < 0) throw StepError{"advance_clock: seconds must not be negative"};
  ctx.machine.Advance(seconds);
  return {true, "", "clock +" + std::to_string(seconds) + "s", ""};
}

StepReport SetInteractiveUser(RunContext& ctx, const Step& step) {
  const std::string user = RequiredArg(step, "user");
  if (user == "none") {
    ctx.machine.state().session.interactive_user.reset();
    return {true, "", "interactive user: none", ""};
  }
  // Winlogon loads the user's profile, creating it at the first logon.
  auto token = fakes::LogonService(ctx.machine).ConsoleLogon(user);
  return {true, "", Done(token.status(), "interactive logon of " + user), ""};
}

StepReport SetCaller(RunContext& ctx, const Step& step) {
  ctx.machine.state().session.caller = RequiredArg(step, "user");
  return {true, "", "caller: " + ctx.machine.state().session.caller, ""};
}

}  // namespace

void RegisterAccountSteps(StepRegistry& r) {
  r["create_account"] = CreateAccount;
  r["delete_account"] = DeleteAccount;
  r["set_password"] = SetPassword;
  r["disable_account"] = [](RunContext& c, const Step& s) { return SetEnabled(c, s, false); };
  r["enable_account"] = [](RunContext& c, const Step& s) { return SetEnabled(c, s, true); };
  r["grant_right"] = [](RunContext& c, const Step& s) { return GrantRight(c, s, true); };
  r["revoke_right"] = [](RunContext& c, const Step& s) { return GrantRight(c, s, false); };
  r["set_policy"] = SetPolicy;
  r["logon"] = Logon;
  r["advance_clock"] = AdvanceClock;
  r["set_interactive_user"] = SetInteractiveUser;
  r["set_caller"] = SetCaller;
}

}  // namespace sim
