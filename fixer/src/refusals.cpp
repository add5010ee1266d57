// Texts of the refusals; see refusals.h.
#include "refusals.h"

#include <algorithm>

#include <fmt/format.h>

#include "diagnose_parts.h"
#include "fixer/name_case.h"
#include "fixer/password_rules.h"
#include "fixer/process_model.h"
#include "fixer/text.h"
#include "fixer/windows_names.h"
#include "service_names.h"

namespace fixer {

Refusal NotAdministrator(const CallerInfo& caller) {
  return {RefusalReason::kNotAdministrator,
          Text(FMT_COMPILE("{} is not a member of the Administrators group"), caller.name),
          "Log on as an administrator (or use runas /user:Administrator cmd.exe) and run the "
          "fixer again."};
}

namespace {

// "ASPNET is disabled (1331: ...)" from the first failing precondition, or "".
std::string FailsBecause(const Diagnosis& d) {
  const Precondition* p = d.FirstFailingPrecondition();
  if (p == nullptr || d.symptom == SymptomCheck::kNotSeen) return "";
  return Sentence(" The ASP.NET 1.0 worker cannot start: " + FailsFirst(d, *p, p->Said()));
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

// How to make a custom account's logon work: its password where processModel gives it.
std::string CustomPasswordAdvice(const WorkerIdentity& w) {
  if (SameWindowsName(w.account, kMachineWorkerAccount)) {
    return Text(FMT_COMPILE("Set machine.config's processModel to userName=\"machine\" password=\"AutoGenerate\" "
                            "so the worker runs as {} with the password in the LSA (AutoGenerate means that password "
                            "only for \"machine\" and \"SYSTEM\"), or give processModel {}'s own password in clear "
                            "text."),
                w.account, w.account);
  }
  return Text(FMT_COMPILE("Give machine.config's processModel the password of {} in clear text (AutoGenerate means the "
                          "LSA's password only for userName=\"machine\" and \"SYSTEM\"), or set {}'s password to "
                          "the one processModel gives (net user {} *)."),
              w.account, w.account, w.account);
}

// What the administrator does about a precondition the fixer leaves to them.
std::string InsteadFor(const Diagnosis& d, const Precondition& p) {
  std::string instead;
  if (p.id == "web-server-running") {
    instead =
        "Start IIS (net start w3svc; for a disabled service set its start type first; a paused one "
        "goes on with net continue and its name), then run the fixer again: it repairs only what it can check with a "
        "page request.";
  } else if (p.id == "enabled") {
    instead = Text(FMT_COMPILE("If {} is disabled by mistake, enable it (net user {} /active:yes) and "
                               "run the fixer again; if on purpose, ASP.NET 1.0 cannot run as it."),
                   d.worker.account, d.worker.account);
  } else if (p.id == "account-exists") {
    instead = Text(FMT_COMPILE("Run aspnet_regiis -i of ASP.NET 1.0 (%WINDIR%\\Microsoft.NET\\Framework\\v{}"
                               "\\aspnet_regiis.exe -i): it creates {} with its password in the LSA; then run the "
                               "fixer again, which makes the profile the new account lacks."),
                   kFramework10, d.worker.account);
  } else if (p.id == "credentials" && d.worker.credential_error != 0) {
    instead = Text(FMT_COMPILE("Store the worker's credentials again with aspnet_setreg (-k: the key {} names, -u: "
                               "the user name, -p: its password), or give processModel a user name, then run the "
                               "fixer again."),
                   RegistryReferenceKey(d.worker.configured));
  } else if (p.id == "credentials" && d.worker.kind == WorkerKind::kCustomAccount) {
    instead = CustomPasswordAdvice(d.worker) + " Then restart IIS (iisreset) and run the fixer again.";
  } else if (p.id == "credentials" && p.error == kErrorLogonFailure && !d.worker.own_password) {
    // AutoGenerate, and the LSA's password no longer logs the account on (event 1007).
    instead = Text(FMT_COMPILE("Run aspnet_regiis -i of ASP.NET 1.0 (%WINDIR%\\Microsoft.NET\\Framework\\v{}"
                               "\\aspnet_regiis.exe -i): it sets a new password in {} and the LSA, so the two "
                               "agree again; then request the page again."),
                   kFramework10, d.worker.account);
  } else if (p.id == "credentials") {
    instead = Text(FMT_COMPILE("Set password=\"AutoGenerate\" in machine.config's processModel (userName=\"machine\") "
                               "so the worker uses the password the repair stores in the LSA, then run the fixer "
                               "again; to keep your own password, create the profile of {} yourself (runas "
                               "/profile /user:{} cmd.exe) instead."),
                   d.worker.account, d.worker.account);
  } else if (p.id == "site-folder-access" && (p.error == kErrorFileNotFound || p.error == kErrorPathNotFound)) {
    instead =
        "Create the application's folder, or point the application at the folder that holds its pages (IIS "
        "Manager, its Home Directory tab), then run the fixer again.";
  } else if (p.id == "site-folder-access" || p.id == "aspnet-folder-access") {
    instead = Text(FMT_COMPILE("Give {} the access the folder's Properties (Security tab) lack: remove the deny ACE "
                               "if it is not wanted, or grant the access (KB 811320 lists what ASP.NET needs), then "
                               "run the fixer again."),
                   d.worker.account);
  } else if (p.id == "session-state" && p.detail.find(kSqlSessionStateMode) != std::string::npos) {
    instead = Text(FMT_COMPILE("Install SQL Server (or MSDE) and run InstallSqlState.sql from the .NET Framework "
                               "folder on it to make the {} database (KB 317604), point the application's "
                               "sqlConnectionString at a server that holds it, or set its sessionState mode to "
                               "InProc; then run the fixer again."),
                   kAspStateDatabase);
  } else if (p.id == "session-state") {
    instead = Text(FMT_COMPILE("Start the ASP.NET State Service (net start {}; set its start type to automatic so "
                               "it starts with Windows), or set the application's sessionState mode to InProc, then "
                               "run the fixer again."),
                   kAspNetState);
  } else {
    instead =
        // XP's and Server 2003's name of SeDenyBatchLogonRight ("Deny logon ..." is Windows 2000's).
        Text(FMT_COMPILE("Remove the deny (secpol.msc, User Rights Assignment, \"Deny log on as a "
                         "batch job\") if it is not wanted, then run the fixer again."));
  }
  return instead;
}

// A cause the diagnosis names is said with what to do; otherwise the event log is where to look.
std::string NotAffectedAdvice(const Diagnosis& d) {
  const Precondition* p = d.FirstFailingPrecondition();
  // Only the causes that are the administrator's wherever they are (a lockout is refused here only
  // because no repair runs, and InsteadFor's advice is the repair's).
  constexpr std::string_view kAdvised[] = {"web-server-running",   "enabled",      "credentials", "site-folder-access",
                                           "aspnet-folder-access", "session-state"};
  if (p != nullptr && p->remedy == Remedy::kRefused && d.symptom != SymptomCheck::kNotSeen &&
      std::find(std::begin(kAdvised), std::end(kAdvised), p->id) != std::end(kAdvised))
    return "Nothing to repair with this tool. " + InsteadFor(d, *p);
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

Refusal OtherCause(const Diagnosis& d, const Precondition& p) {
  const std::string instead = InsteadFor(d, p);
  return {RefusalReason::kOtherCause,
          Sentence(Text(FMT_COMPILE("The repair would not make the site answer: {} fails: {}"), p.id, p.Said())) +
              // A deleted account is no setting: making it again is the administrator's step.
              (p.id == "account-exists" ? " Creating the account is the administrator's step, so nothing was changed."
                                        : " That is the administrator's setting, so nothing was changed."),
          instead};
}

namespace {

// What the administrator does about a need of the repair's own steps (RepairCannotFinish).
std::string InsteadForRepairNeed(const Diagnosis& d, const Precondition& p) {
  if (p.id == "services-start-again" && p.error == kErrorServiceDisabled) {
    return "Give that service a start type other than Disabled (services.msc, its Properties) if it is to run, or "
           "stop it (net stop and its name) if it is not: the repair stops and starts again only running services; "
           "then run the fixer again.";
  }
  if (p.id == "services-start-again" && p.detail.find(kServiceKeepsPassword) != std::string::npos) {
    return Text(FMT_COMPILE("Give that service an account of its own, with a password you know (services.msc, its "
                            "Log On tab), then run the fixer again: the repair sets a random password on {} that no "
                            "one is told, so the copy the service keeps could not be brought up to date after it."),
                d.worker.account);
  }
  if (p.id == "services-start-again") {
    return "Let that service's account log on as a service (secpol.msc, User Rights Assignment: remove it and its "
           "groups from \"Deny log on as a service\", grant it \"Log on as a service\"; an account missing or "
           "disabled: give the service one that logs on, on its Log On tab in services.msc), or stop the service "
           "(net stop and its name) if it is not needed, then run the fixer again.";
  }
  if (p.id == "secondary-logon" && p.error == kErrorServiceDoesNotExist) {
    return "Install the Secondary Logon service again (it is part of Windows; a repair installation restores it) "
           "with start type Manual or Automatic, then run the fixer again.";
  }
  if (p.id == "secondary-logon") {
    return "Set the Secondary Logon service (seclogon) to Manual (services.msc, or sc config seclogon start= "
           "demand): runas starts it when the repair needs it; then run the fixer again (set it back to Disabled "
           "after, if you want).";
  }
  return Text(FMT_COMPILE("Remove that group from \"Deny log on locally\" (secpol.msc, User Rights Assignment) if "
                          "it is not wanted, at least while the fixer creates the profile of {}, then run the fixer "
                          "again."),
              d.worker.account);
}

}  // namespace

Refusal RepairCannotFinish(const Diagnosis& d, const Precondition& p) {
  // A service the repair never stops would not stop it: what fails is that service's next start.
  // "would": plan and apply both refuse before any step, so no repair started that could not finish.
  const std::string_view headline = p.fails_after_repair ? "The repair would finish, but a service could not start "
                                                           "after it"
                                                         : "The repair would not finish";
  return {RefusalReason::kOtherCause,
          Sentence(Text(FMT_COMPILE("{}: {} fails: {}"), headline, p.id, p.Said())) +
              " That is the administrator's setting, so nothing was changed.",
          InsteadForRepairNeed(d, p)};
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

// " Before that, fix what else fails its start, ...": every failing precondition but the profile,
// none of which the refused plan mends; "" when only the profile fails.
std::string OtherFailingCauses(const Diagnosis& d) {
  std::string causes;
  for (const Precondition& p : d.worker_start) {
    if (p.met || p.id == "profile") continue;
    if (p.id == "credentials" && d.worker.kind == WorkerKind::kCustomAccount) continue;  // said first
    causes += Text(FMT_COMPILE("{}{} ({})"), causes.empty() ? "" : "; ", p.id, p.error);
    if (p.id == "batch-logon-right" && p.detail.find(kSeDenyBatchLogonRight) == std::string::npos) {
      causes += Text(FMT_COMPILE(": grant {} \"Log on as a batch job\" (secpol.msc, User Rights Assignment)"),
                     d.worker.account);
    }
  }
  if (causes.empty()) return "";
  return Text(FMT_COMPILE(" Before that, fix what else fails its start, which the fixer leaves to you "
                          "(aspnet-fixer diagnose names each): {}."),
              causes);
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
  const std::string profile = Text(FMT_COMPILE("log on interactively once as {}, or run `runas /profile /user:{} "
                                               "cmd.exe`, type its password and close the window that opens. Then "
                                               "restart IIS (iisreset).{}"),
                                   name, name, OtherFailingCauses(d));
  // The logon comes before the profile: advice about the profile alone cannot help a wrong password.
  auto credentials = std::find_if(d.worker_start.begin(), d.worker_start.end(), [&](const Precondition& p) {
    return p.id == "credentials" && w.kind == WorkerKind::kCustomAccount;
  });
  if (credentials != d.worker_start.end() && !credentials->met) {
    return {RefusalReason::kCustomAccount, why,
            Text(FMT_COMPILE("The worker's logon fails first ({}): {} Then, if {} has no profile, create one: {}"),
                 Status::Win(credentials->error), CustomPasswordAdvice(w), name, profile)};
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
          Text(FMT_COMPILE("The temporary password given for {} is blank, and this machine's policy \"Accounts: Limit "
                           "local account use of blank passwords to console logon only\" is on, so runas cannot "
                           "log on with it ({})."),
               account, Status::Win(kErrorAccountRestriction)),
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
          "Nothing was changed. Fix the cause (e.g. run as an administrator) and try again."};
}

}  // namespace fixer
