// Texts of the refusals; see refusals.h.
#include "refusals.h"

#include <algorithm>

#include <fmt/format.h>

#include "diagnose_parts.h"
#include "fixer/cmd_argument.h"
#include "fixer/name_case.h"
#include "fixer/password_rules.h"
#include "fixer/process_model.h"
#include "fixer/text.h"
#include "fixer/windows_names.h"
#include "refusal_advice.h"
#include "service_names.h"

namespace fixer {

Refusal NotAdministrator(const CallerInfo& caller) {
  return {RefusalReason::kNotAdministrator,
          Text(FMT_COMPILE("{} is not a member of the Administrators group"), caller.name),
          "Log on as an administrator (or use runas /user:Administrator cmd.exe) and run the "
          "fixer again."};
}

namespace {

// "ASPNET is disabled (1331: ...)" from the first failing precondition, and each failing after it,
// or "".
std::string FailsBecause(const Diagnosis& d) {
  const Precondition* p = d.FirstFailingPrecondition();
  if (p == nullptr || d.symptom == SymptomCheck::kNotSeen) return "";
  std::string then;
  for (const Precondition& q : d.worker_start)
    if (!q.met && &q != p) then += Text(FMT_COMPILE("; {} fails too: {}"), q.id, q.Said());
  return Sentence(" The ASP.NET 1.0 worker cannot start: " + FailsFirst(d, *p, p->Said()) + then);
}

bool KeepsSessionStateInSql(const Diagnosis& d, const std::string& application) {
  return std::any_of(d.applications_on_10.begin(), d.applications_on_10.end(), [&](const ApplicationInfo& a) {
    return a.path == application && a.session_state == SessionStateMode::kSqlServer;
  });
}

// Which application fails and how, when every precondition of the worker's start holds.
std::string NotAnswering(const Diagnosis& d) {
  for (const ProbeResult& probe : d.probes) {
    if (!probe.not_requested.empty()) continue;
    if (!probe.answered) return Text(FMT_COMPILE(": {} did not answer the probe: {}"), probe.application, probe.error);
    if (probe.status == 500 && KeepsSessionStateInSql(d, probe.application))
      return Text(FMT_COMPILE(": {} answers 500, not the MS03-032 symptom: it keeps its session state in SQL Server "
                              "(sessionState mode SQLServer), which needs that server running and its ASPState "
                              "database (InstallSqlState.sql, KB 317604)"),
                  probe.application);
    if (probe.status != 200 && !probe.symptom)
      return Text(FMT_COMPILE(": {} answers {}, not the MS03-032 symptom (its own error: the Application event log "
                              "names it)"),
                  probe.application, probe.status);
  }
  return ": " + FailureBeyondPreconditions(d);
}

// Why a page does not answer now: the first failing precondition, or what the probe saw.
std::string WhyNotAnswering(const Diagnosis& d) {
  const Precondition* p = d.FirstFailingPrecondition();
  return p ? Text(FMT_COMPILE(": {} fails: {}"), p->id, p->Said()) : NotAnswering(d);
}

// The causes of a failing start the fixer leaves to the administrator, in the diagnosis' order.
std::vector<const Precondition*> RefusedPreconditions(const Diagnosis& d) {
  std::vector<const Precondition*> refused;
  for (const Precondition& p : d.worker_start)
    if (!p.met && p.remedy == Remedy::kRefused) refused.push_back(&p);
  return refused;
}

// A cause the diagnosis names is said with what to do; otherwise the event log is where to look.
std::string NotAffectedAdvice(const Diagnosis& d) {
  const std::vector<const Precondition*> causes = RefusedPreconditions(d);
  if (!causes.empty() && d.symptom != SymptomCheck::kNotSeen) return NoRepairAdvice(d, causes);
  return "Nothing to repair with this tool. If ASP.NET applications still fail, read the Application event log "
         "for the cause.";
}

}  // namespace

Refusal NotAffected(const Diagnosis& d) {
  return {RefusalReason::kNotAffected,
          Text(FMT_COMPILE("This machine is not affected by the MS03-032 / ASP.NET 1.0 issue: {}.{}"),
               fmt::join(d.missing, "; "), FailsBecause(d)),
          NotAffectedAdvice(d)};
}

namespace {

// "web-server-running fails: ...; enabled fails: ...".
std::string EachFails(std::span<const Precondition* const> causes) {
  std::string said;
  for (const Precondition* p : causes)
    said += Text(FMT_COMPILE("{}{} fails: {}"), said.empty() ? "" : "; ", p->id, p->Said());
  return said;
}

// Why the repair is refused: the worker's start it would leave failing, then what its own steps need.
std::string WhyLeftToAdministrator(std::span<const Precondition* const> causes) {
  std::vector<const Precondition*> start, needs;
  for (const Precondition* p : causes) (IsRepairNeed(*p) ? needs : start).push_back(p);
  std::string why;
  if (!start.empty()) why = Sentence("The repair would not make the site answer: " + EachFails(start));
  if (!needs.empty()) {
    // A service the repair never stops would not stop it: what fails is that service's next start.
    // "would": plan and apply both refuse before any step, so no repair started that could not finish.
    // Another version's worker is no step of the repair: one whose logon fails now fails after it too.
    const auto other_worker = [](const Precondition* p) { return p->id == "other-framework-password"; };
    const bool after = std::all_of(needs.begin(), needs.end(),
                                   [&](const Precondition* p) { return p->fails_after_repair || other_worker(p); });
    const bool workers = std::any_of(needs.begin(), needs.end(), other_worker);
    const bool workers_now = std::any_of(
        needs.begin(), needs.end(), [&](const Precondition* p) { return other_worker(p) && !p->fails_after_repair; });
    const bool services = !std::all_of(needs.begin(), needs.end(), other_worker);
    // What would fail after a repair that finishes: a service's next start, another version's worker's logon.
    const std::string_view worker = workers_now
                                        ? "another ASP.NET's worker, whose logon fails now, could still not log on"
                                        : "another ASP.NET's worker could not log on";
    const std::string broken = !workers   ? std::string("a service could not start")
                               : services ? Text(FMT_COMPILE("a service could not start, and {},"), worker)
                                          : std::string(worker);
    const std::string headline =
        after ? Text(FMT_COMPILE("The repair would finish, but {} after it"), broken) : "The repair would not finish";
    why += Sentence(Text(FMT_COMPILE("{}{}: {}"), why.empty() ? "" : " ", headline, EachFails(needs)));
  }
  if (causes.size() > 1) return why + " Each is the administrator's to change, so nothing was changed.";
  // A deleted account is no setting: making it again is the administrator's step.
  return why + (causes[0]->id == "account-exists"
                    ? " Creating the account is the administrator's step, so nothing was changed."
                    : " That is the administrator's setting, so nothing was changed.");
}

}  // namespace

Refusal LeftToAdministrator(const Diagnosis& d, std::span<const Precondition* const> causes) {
  return {RefusalReason::kOtherCause, WhyLeftToAdministrator(causes), RerunAdvice(d, causes)};
}

Refusal StillFails(const Diagnosis& d) {
  return {RefusalReason::kOtherCause,
          Sentence(Text(FMT_COMPILE("This fixer repaired {} ({}) before, but an ASP.NET 1.0 application does not "
                                    "answer now{}"),
                        d.worker.account, d.worker.sid, WhyNotAnswering(d))),
          "Nothing was changed. Fix that cause (the Application event log names it too); the MS03-032 "
          "repair is in place."};
}

Refusal NoJournal(std::string_view verb, const Diagnosis& d) {
  return {RefusalReason::kNoJournal,
          Sentence(Text(FMT_COMPILE("There is no journal, so there is nothing to {}, and an ASP.NET 1.0 application "
                                    "does not answer now{}"),
                        verb, WhyNotAnswering(d))),
          "Nothing was changed. Run `aspnet-fixer diagnose` to see why, then `aspnet-fixer apply`."};
}

namespace {
constexpr std::string_view kNoApplication =
    "no application on this machine is mapped to ASP.NET 1.0, so no page can show that the site works";
}  // namespace

Refusal NoApplicationToCheck(std::string_view verb) {
  return {RefusalReason::kNoJournal,
          Text(FMT_COMPILE("There is no journal, so there is nothing to {}, and {}."), verb, kNoApplication),
          "Nothing was changed. Run `aspnet-fixer diagnose` to see what this machine serves: without an "
          "ASP.NET 1.0 application MS03-032 breaks nothing here."};
}

Refusal NoApplicationNow(const std::string& account) {
  return {RefusalReason::kOtherCause,
          Text(FMT_COMPILE("This fixer repaired {} before, but {} now."), account, kNoApplication),
          "Nothing was changed; the journal of that run stays. Run `aspnet-fixer diagnose` to see what this machine "
          "serves now."};
}

namespace {

// "(1) enabled (1331): If bob ...": each cause numbered from `n`, with its error and its advice, which
// names its folder, service or group (two folders are two causes).
std::string NumberedCauses(const Diagnosis& d, std::span<const Precondition* const> causes, int& n) {
  std::string said;
  for (const Precondition* p : causes)
    said += Text(FMT_COMPILE("{}({}) {} ({}): {}"), said.empty() ? "" : "; ", ++n, p->id, p->error,
                 AdviceFor(d, *p).action);
  return said;
}

// What the profile logon by hand needs that fails now: the account's own logon checks (Windows
// makes them for an interactive logon as for the worker's batch one: docs/windows-reference.md#logon-order)
// and what runas and the interactive logon need (Diagnosis::repair_needs here); the credentials are
// said first, apart.
bool ProfileLogonNeeds(const Precondition& p) {
  constexpr std::string_view kLogonChecks[] = {"account-exists", "not-locked-out", "enabled", "password-not-expired"};
  return std::find(std::begin(kLogonChecks), std::end(kLogonChecks), p.id) != std::end(kLogonChecks);
}

// How a custom account's profile is made by hand, what that logon needs first, then what else fails
// the worker's start, none of which the refused plan mends, all numbered in one list ("" parts
// left out), so one round of fixes is enough.
std::string ProfileByHandAdvice(const Diagnosis& d) {
  const std::string& name = d.worker.account;
  std::vector<const Precondition*> logon, start;
  for (const Precondition& p : d.worker_start) {
    if (p.met || p.id == "profile") continue;
    if (p.id == "credentials" && d.worker.kind == WorkerKind::kCustomAccount) continue;  // said first
    (ProfileLogonNeeds(p) ? logon : start).push_back(&p);
  }
  for (const Precondition& p : d.repair_needs)
    if (!p.met) logon.push_back(&p);
  int n = 0;
  const std::string first =
      logon.empty() ? ""
                    : Text(FMT_COMPILE("first fix what its logon needs, which the fixer leaves to you (aspnet-fixer "
                                       "diagnose names each): {}. Then "),
                           NumberedCauses(d, logon, n));
  const std::string then =
      start.empty() ? ""
                    : Text(FMT_COMPILE(" Before that, fix what else fails its start, which the fixer leaves to you "
                                       "(aspnet-fixer diagnose names each): {}."),
                           NumberedCauses(d, start, n));
  return Text(FMT_COMPILE("{}log on interactively once as {}, or run `runas /profile /user:{} cmd.exe`, type its "
                          "password and close the window that opens. Then restart IIS (iisreset).{}"),
              first, name, CmdArgument(name), then);
}

}  // namespace

Refusal CustomAccount(const Diagnosis& d) {
  const WorkerIdentity& w = d.worker;
  const std::string& name = w.account;
  // ASPNET itself named by its name (userName="XPPRO\aspnet") is no machine account either: it said
  // "runs as the account ASPNET ..., not as ASPNET".
  const std::string why =
      SameWindowsName(name, kMachineWorkerAccount)
          ? Text(FMT_COMPILE("The ASP.NET 1.0 worker runs as {} by name (processModel userName=\"{}\"), not "
                             "as the machine account (userName=\"machine\"): it logs on with the password its "
                             "processModel gives, not the one in the LSA the repair sets, and that password "
                             "belongs to you."),
                 name, w.configured)
          : Text(FMT_COMPILE("The ASP.NET 1.0 worker runs as the account {} (processModel userName=\"{}\"), "
                             "not as ASPNET. Recreating ASPNET would change nothing for it, and its "
                             "password belongs to you."),
                 name, w.configured);
  const std::string profile = ProfileByHandAdvice(d);
  // The logon comes before the profile: advice about the profile alone cannot help a wrong password.
  auto credentials = std::find_if(d.worker_start.begin(), d.worker_start.end(), [&](const Precondition& p) {
    return p.id == "credentials" && w.kind == WorkerKind::kCustomAccount;
  });
  if (credentials != d.worker_start.end() && !credentials->met) {
    return {RefusalReason::kCustomAccount, why,
            Text(FMT_COMPILE("The worker's logon fails first ({}): {}. Then, if {} has no profile, create one: {}"),
                 Status::Win(credentials->error), CustomPasswordAdvice(w, credentials->error), name, profile)};
  }
  if (credentials != d.worker_start.end() && credentials->unverified) {
    return {RefusalReason::kCustomAccount, why,
            Text(FMT_COMPILE("First make sure the password processModel gives is {}'s own: a wrong one fails the "
                             "worker's logon ({}, ASP.NET event {} in the Application log) before any profile is "
                             "read, and no profile helps then. Then create a profile for {}: {}"),
                 name, Status::Win(kErrorLogonFailure), kWorkerLogonFailedEvent, name, profile)};
  }
  return {RefusalReason::kCustomAccount, why, Text(FMT_COMPILE("Create a profile for {} instead: {}"), name, profile)};
}

namespace {

constexpr std::string_view kOrGenerated = ", or leave --temp-password out so a compliant random one is generated.";

// What to do instead, after the rule the password breaks.
std::string TempPasswordAdvice(PasswordRule rule, const PasswordPolicyInfo& policy) {
  switch (rule) {
    case PasswordRule::kTooLong:
      return Text(FMT_COMPILE("Give a password of at most {} characters{}"), kMaxPasswordChars, kOrGenerated);
    case PasswordRule::kTooShort:
      return Text(FMT_COMPILE("Give a password of at least {} characters{}"), policy.min_length, kOrGenerated);
    case PasswordRule::kComplexity:
      return Text(FMT_COMPILE("Give a password of at least {} characters with three of upper case letters, lower "
                              "case letters, digits and symbols, that contains neither the account name nor a "
                              "part of its full name{}"),
                  std::max<size_t>(kComplexityMinChars, policy.min_length), kOrGenerated);
    case PasswordRule::kNone: break;
  }
  return Text(FMT_COMPILE("Give a password the account has not had before (the policy remembers {}){}"),
              CountText(policy.history, "password", "passwords"), kOrGenerated);
}

std::string BrokenRuleText(PasswordRule rule, const PasswordPolicyInfo& policy) {
  switch (rule) {
    case PasswordRule::kTooLong: return Text(FMT_COMPILE("it is longer than {} characters"), kMaxPasswordChars);
    case PasswordRule::kTooShort: return Text(FMT_COMPILE("it is shorter than {} characters"), policy.min_length);
    case PasswordRule::kComplexity: return "it does not meet the complexity requirements";
    case PasswordRule::kNone: break;
  }
  return "it repeats a password the account had before (password history)";
}

}  // namespace

Refusal TempPasswordRejected(const std::string& account, const Status& why, PasswordRule rule,
                             const PasswordPolicyInfo& policy) {
  return {RefusalReason::kTempPasswordRejected,
          Text(FMT_COMPILE("The temporary password given for {} does not meet the local password policy: {} ({})."),
               account, BrokenRuleText(rule, policy), why),
          TempPasswordAdvice(rule, policy)};
}

Refusal TempPasswordBlank(const std::string& account) {
  return {RefusalReason::kTempPasswordRejected,
          Text(FMT_COMPILE("The temporary password given for {} is blank, and this machine's policy {} is on, so runas "
                           "cannot log on with it ({})."),
               account, kBlankPasswordPolicyName, Status::Win(kErrorAccountRestriction)),
          Text(FMT_COMPILE("Give a password that meets the local password policy{}"), kOrGenerated)};
}

Refusal ToolsMissing() {
  return {RefusalReason::kToolsMissing,
          Text(FMT_COMPILE("The ASP.NET {} tools (aspnet_regiis.exe, mscorlib.dll) are missing."), kFramework10),
          "Repair or reinstall the .NET Framework 1.0 first, then run the fixer again."};
}

Refusal JournalPending() {
  return {RefusalReason::kJournalPending,
          "A previous run was interrupted and left its journal; the machine may be half repaired.",
          "Run resume to finish that run, or rollback to undo it, before a new run."};
}

Refusal DiagnoseFailed(const Status& why) {
  return {RefusalReason::kDiagnoseFailed, Sentence(Text(FMT_COMPILE("The machine could not be read: {}"), why)),
          "Nothing was changed. Fix what the error names and try again."};
}

}  // namespace fixer
