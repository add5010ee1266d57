// Steps that change accounts, rights, policy and logons: what a support engineer does by hand
// (net user, secpol.msc, a logon at the console) to rebuild a customer's story.
#include "fakes/logon.h"
#include "fakes/lsa.h"
#include "fakes/password_rules.h"
#include "fakes/sam.h"
#include "fixer/quoted_value.h"
#include "fixer/text.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

fixer::Secret Password(const Step& step, const std::string& key) { return fixer::Secret::FromString(Arg(step, key)); }

StepReport CreateAccount(RunContext& ctx, const Step& step) {
  fakes::Sam sam(ctx.machine);
  const std::string name = RequiredArg(step, "name");
  fixer::NewAccount spec;
  spec.name = name;
  spec.full_name = Arg(step, "full_name");
  auto sid = sam.CreateUser(spec, Password(step, "password"));
  return {true, "", StepDone(sid.status(), "create account " + fixer::CappedValue(name)), ""};
}

StepReport DeleteAccount(RunContext& ctx, const Step& step) {
  const std::string name = RequiredArg(step, "name");
  return {true, "", StepDone(fakes::Sam(ctx.machine).DeleteUser(name), "delete account " + fixer::CappedValue(name)),
          ""};
}

StepReport SetPassword(RunContext& ctx, const Step& step) {
  const std::string user = RequiredArg(step, "user");
  auto st = fakes::Sam(ctx.machine).SetPassword(user, Password(step, "password"));
  return {true, "", StepDone(st, "set password of " + fixer::CappedValue(user)), ""};
}

StepReport SetEnabled(RunContext& ctx, const Step& step, bool enabled) {
  fakes::Sam sam(ctx.machine);
  const std::string name = RequiredArg(step, "name");
  const fakes::UserAccount* user = sam.FindUser(name);
  const std::string summary = (enabled ? "enable " : "disable ") + fixer::CappedValue(name);
  // net user's answer, as delete_account and set_password give it.
  if (!user) return {true, "", StepDone(fixer::Status::Win(fixer::kNerrUserNotFound), summary), ""};
  fixer::AccountFlags flags = user->flags;
  flags.disabled = !enabled;
  return {true, "", StepDone(sam.SetFlags(name, flags), summary), ""};
}

fixer::Sid Principal(RunContext& ctx, const std::string& name) {
  auto sid = fakes::Sam(ctx.machine).LookupName(name);
  if (!sid) {
    auto parsed = fixer::Sid::Parse(name);
    if (parsed) return *parsed;
    throw StepError{"principal " + fixer::QuotedValue(name) + " is neither an account nor a SID"};
  }
  return *sid;
}

StepReport GrantRight(RunContext& ctx, const Step& step, bool grant) {
  const std::string who = RequiredArg(step, "principal");
  const std::string right = RequiredArg(step, "right");
  fakes::Lsa lsa(ctx.machine);
  auto sid = Principal(ctx, who);
  auto st = grant ? lsa.Grant(sid, right) : lsa.Revoke(sid, right);
  return {true, "",
          StepDone(st, (grant ? "grant " : "revoke ") + fixer::CappedValue(right) + (grant ? " to " : " from ") +
                           fixer::CappedValue(who)),
          ""};
}

StepReport SetPolicy(RunContext& ctx, const Step& step) {
  auto& lsa = ctx.machine.state().lsa;
  auto& p = lsa.password_policy;
  // A maximum age below the minimum is refused whole, as NetUserModalsSet refuses it (87)
  // (docs/windows-reference.md#password-age).
  const auto max_age = static_cast<uint32_t>(IntArg(step, "max_age_days", p.max_age_days));
  if (fakes::PasswordAgesProblem(p.min_age_days, max_age))
    return {true, "", StepDone(fixer::Status::Win(fixer::kErrorInvalidParameter), "set policy"), ""};
  p.min_length = static_cast<uint32_t>(IntArg(step, "min_length", p.min_length));
  p.complexity = BoolArg(step, "complexity", p.complexity);
  p.history = static_cast<uint32_t>(IntArg(step, "history", p.history));
  p.max_age_days = max_age;
  lsa.lockout.threshold = static_cast<uint32_t>(IntArg(step, "lockout_threshold", lsa.lockout.threshold));
  lsa.lockout.duration_minutes =
      static_cast<uint32_t>(IntArg(step, "lockout_duration_minutes", lsa.lockout.duration_minutes));
  p.lockout_threshold = lsa.lockout.threshold;
  return {true, "",
          "policy: min length " + std::to_string(p.min_length) + ", complexity " + (p.complexity ? "on" : "off") +
              ", history " + std::to_string(p.history) + ", max age " +
              fixer::CountText(p.max_age_days, "day", "days") + ", lockout threshold " +
              std::to_string(lsa.lockout.threshold) + ", lockout duration " +
              fixer::CountText(lsa.lockout.duration_minutes, "minute", "minutes"),
          ""};
}

// The scenario's words for LogonUser's logon types.
constexpr std::pair<std::string_view, fakes::LogonType> kLogonTypes[] = {
    {"interactive", fakes::LogonType::kInteractive},
    {"network", fakes::LogonType::kNetwork},
    {"batch", fakes::LogonType::kBatch},
    {"service", fakes::LogonType::kService},
    {"remote_interactive", fakes::LogonType::kRemoteInteractive}};

std::vector<std::string_view> LogonTypeWords() {
  std::vector<std::string_view> out;
  for (const auto& [word, type] : kLogonTypes) out.push_back(word);
  return out;
}

fakes::LogonType ParseLogonType(const std::string& s) {
  for (const auto& [word, type] : kLogonTypes)
    if (word == s) return type;
  throw StepError{"logon type " + fixer::QuotedValue(s) +
                  " is not one of interactive, network, batch, service, remote_interactive"};
}

StepReport Logon(RunContext& ctx, const Step& step) {
  const std::string user = RequiredArg(step, "user");
  fakes::LogonService logon(ctx.machine);
  const bool with_profile = BoolArg(step, "profile", false);
  auto token = with_profile ? logon.RunWithProfile(user, Password(step, "password"), "cmd.exe")
                            : logon.LogonUser(user, Password(step, "password"),
                                              ParseLogonType(Arg(step, "type", "interactive")));
  ctx.logon = LastLogon{user, token.status()};
  return {true, "",
          StepDone(token.status(), (with_profile ? "logon with profile as " : "logon as ") + fixer::CappedValue(user)),
          ""};
}

StepReport AdvanceClock(RunContext& ctx, const Step& step) {
  const long long seconds = IntArg(step, "seconds", 0);
  if (seconds < 0) throw StepError{"advance_clock: seconds must not be negative"};
  if (seconds > fakes::kLatestMachineTime - ctx.machine.state().clock)
    throw StepError{"advance_clock: the clock would pass the year 30828, the last time Windows keeps"};
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
  return {true, "", StepDone(token.status(), "interactive logon of " + fixer::CappedValue(user)), ""};
}

// The caller runs the tools, so it must be a principal of the machine: one that is not cannot run
// anything (no net user answers here), and the scenario stops at the step.
StepReport SetCaller(RunContext& ctx, const Step& step) {
  const std::string user = RequiredArg(step, "user");
  if (!fakes::Sam(ctx.machine).LookupName(user).ok())
    throw StepError{"set_caller: no account named " + fixer::QuotedValue(user) + " can run the tools"};
  ctx.machine.state().session.caller = user;
  return {true, "", "caller: " + fixer::CappedValue(ctx.machine.state().session.caller), ""};
}

}  // namespace

std::vector<Word> AccountStepWords() {
  return {
      {.name = "set_policy",
       .scalar_arg = "",
       // The ranges of XP's Local Security Policy editor, as in a machine file's `policy`.
       .params = {{.name = "min_length", .kind = ValueKind::kWholeNumber, .max = 14},
                  {.name = "complexity", .kind = ValueKind::kTrueFalse},
                  {.name = "history", .kind = ValueKind::kWholeNumber, .max = 24},
                  {.name = "max_age_days", .kind = ValueKind::kWholeNumber, .max = 999},
                  {.name = "lockout_threshold", .kind = ValueKind::kWholeNumber, .max = 999},
                  {.name = "lockout_duration_minutes", .kind = ValueKind::kWholeNumber, .max = 99999}},
       .doc = "changes the local password / lockout policy; keys left out keep their value; a `max_age_days` below the "
              "minimum age is refused (87) and changes nothing",
       .run = SetPolicy},
      {.name = "logon",
       .scalar_arg = "user",
       .params =
           {{.name = "user", .required = true},
            {.name = "password"},
            {.name = "type", .kind = ValueKind::kWord, .words = LogonTypeWords(), .note = "(default `interactive`)"},
            {.name = "profile", .kind = ValueKind::kTrueFalse}},
       .doc = "logs on as a user (a bad password counts toward lockout); `profile: true` logs on the way runas "
              "does, loading (and so creating) the profile. Sets the *last logon* (`logon_result` check)",
       .run = Logon},
      {.name = "create_account",
       .scalar_arg = "name",
       .params = {{.name = "name", .required = true}, {.name = "password"}, {.name = "full_name"}},
       .doc = "`net user NAME PASSWORD /add` (checked against the policy)",
       .run = CreateAccount},
      {.name = "delete_account",
       .scalar_arg = "name",
       .params = {{.name = "name", .required = true}},
       .doc = "`net user NAME /delete` (profile, ACEs and logins stay behind, naming the dead SID; 2221 if there is no "
              "such account)",
       .run = DeleteAccount},
      {.name = "set_password",
       .scalar_arg = "user",
       .params = {{.name = "user", .required = true}, {.name = "password"}},
       .doc = "`net user NAME PASSWORD` (2221 if there is no such account)",
       .run = SetPassword},
      {.name = "disable_account",
       .scalar_arg = "name",
       .params = {{.name = "name", .required = true}},
       .doc = "`net user NAME /active:no` (2221 if there is no such account, as net answers)",
       .run = [](RunContext& c, const Step& s) { return SetEnabled(c, s, false); }},
      {.name = "enable_account",
       .scalar_arg = "name",
       .params = {{.name = "name", .required = true}},
       .doc = "`net user NAME /active:yes` (2221 if there is no such account, as net answers)",
       .run = [](RunContext& c, const Step& s) { return SetEnabled(c, s, true); }},
      {.name = "grant_right",
       .scalar_arg = "",
       .params = {{.name = "principal", .required = true, .note = "(a name or a SID string)"},
                  {.name = "right", .required = true}},
       .doc = "assigns a user right (`SeBatchLogonRight`, `SeDenyInteractiveLogonRight`...)",
       .run = [](RunContext& c, const Step& s) { return GrantRight(c, s, true); }},
      {.name = "revoke_right",
       .scalar_arg = "",
       .params = {{.name = "principal", .required = true}, {.name = "right", .required = true}},
       .doc = "removes a user right",
       .run = [](RunContext& c, const Step& s) { return GrantRight(c, s, false); }},
      {.name = "set_interactive_user",
       .scalar_arg = "user",
       .params = {{.name = "user", .required = true, .note = "(`none` means nobody)"}},
       .doc = "who is logged on at the console: Winlogon loads that user's profile, creating it at the first "
              "logon; a logon Windows refuses (1326, 1909, 1331, 1907, 1330, 1385) changes nothing",
       .run = SetInteractiveUser},
      {.name = "set_caller",
       .scalar_arg = "user",
       .params = {{.name = "user", .required = true}},
       .doc = "who runs the tools (the fixer refuses a non-administrator); an account the machine does not have "
              "stops the scenario at the step",
       .run = SetCaller},
      {.name = "advance_clock",
       .scalar_arg = "seconds",
       .params = {{.name = "seconds", .kind = ValueKind::kWholeNumber, .required = true}},
       .doc = "moves the machine clock forward (lockout durations, password age)",
       .run = AdvanceClock},
  };
}

}  // namespace sim
