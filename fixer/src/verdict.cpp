// The verdict, drawn from causes and the symptom; never from a table of platforms.
#include <algorithm>

#include <fmt/ranges.h>

#include "diagnose_parts.h"
#include "fixer/cmd_argument.h"
#include "fixer/process_model.h"
#include "fixer/text.h"

namespace fixer {
namespace {

// aspnet_wp.exe started by IIS 5.0/5.1, whose ASP.NET 1.0 process model loads no profile. IIS 6.0
// in IIS 5.0 isolation mode runs aspnet_wp.exe too, but loads the worker's profile itself, and in
// worker process isolation mode runs w3wp.exe as each application's pool's identity (NETWORK
// SERVICE unless changed), a built-in identity with its own profile or a user it logs on as a
// service (docs/windows-reference.md#iis6-isolation-modes): Windows Server 2003 is never affected.
bool RunsInAspNetWpWithoutProfileLoad(const WebServerInfo& web) {
  return web.kind == WebServerKind::kIis50 || web.kind == WebServerKind::kIis51;
}

// IIS 6.0 in worker process isolation mode: whom w3wp.exe runs each ASP.NET 1.0 application as,
// as the metabase gave it ("/LM/W3SVC/1/ROOT/app runs in w3wp.exe as NETWORK SERVICE (application
// pool DefaultAppPool)"), or why that was not read.
std::string W3wpIdentities(const Diagnosis& d) {
  std::vector<std::string> each;
  for (const AppPoolReading& r : d.app_pools) each.push_back(r.application + " runs in " + AppPoolText(r));
  if (each.empty()) return "each application runs in w3wp.exe as its application pool's identity";
  return Text(FMT_COMPILE("{}"), fmt::join(each, "; "));
}

Cause HostCause(const Diagnosis& d) {
  Cause c{"aspnet10-in-aspnet_wp", false, ""};
  bool installed = std::any_of(d.frameworks.begin(), d.frameworks.end(),
                               [](const FrameworkSummary& f) { return f.version == kFramework10; });
  if (!installed) {
    c.detail = Text(FMT_COMPILE("ASP.NET {} is not installed"), kFramework10);
  } else if (d.applications_on_10.empty()) {
    c.detail = Text(FMT_COMPILE("no application is mapped to ASP.NET {}"), kFramework10);
  } else if (d.worker.in_inetinfo && RunsInAspNetWpWithoutProfileLoad(d.web_server)) {
    c.detail = Text(FMT_COMPILE("processModel enable=\"false\": ASP.NET {} runs inside inetinfo.exe as LocalSystem, "
                                "not in aspnet_wp.exe"),
                    kFramework10);
  } else if (d.web_server.kind == WebServerKind::kIis60 && d.web_server.iis5_isolation_mode) {
    c.detail =
        "the web server is IIS 6.0 in IIS 5.0 isolation mode, which loads the profile of the "
        "aspnet_wp.exe identity itself";
  } else if (d.web_server.kind == WebServerKind::kIis60) {
    c.detail =
        "the web server is IIS 6.0 in worker process isolation mode, which does not run ASP.NET in "
        "aspnet_wp.exe: " +
        W3wpIdentities(d) + "; processModel's identity is not used";
  } else if (!RunsInAspNetWpWithoutProfileLoad(d.web_server)) {
    c.detail = Text(FMT_COMPILE("the web server is {}, which does not run ASP.NET in aspnet_wp.exe"),
                    ToString(d.web_server.kind));
  } else {
    c.met = true;
    c.detail = Text(FMT_COMPILE("{} served by ASP.NET {} in aspnet_wp.exe under {}"),
                    CountText(d.applications_on_10.size(), "application", "applications"), kFramework10,
                    ToString(d.web_server.kind));
  }
  return c;
}

Cause ProfileCause(const WorkerIdentity& w) {
  Cause c{"worker-without-profile", false, ""};
  if (!w.read) {
    c.detail = Text(FMT_COMPILE("not checked: ASP.NET {} is not installed, so no worker of it was read"), kFramework10);
  } else if (w.in_inetinfo) {
    c.detail = "ASP.NET runs inside inetinfo.exe as LocalSystem (processModel enable=\"false\"), which has a profile";
  } else if (w.kind == WorkerKind::kLocalSystem) {
    c.detail = "the worker runs as LocalSystem, which has a profile";
  } else if (!w.local) {
    c.detail = Text(FMT_COMPILE("the worker runs as {}, not a local account; if it has no profile "
                                "here, log on once as it (runas /profile /user:{} cmd.exe)"),
                    w.account, CmdArgument(w.account));
  } else if (w.credential_error != 0) {
    c.detail = Text(FMT_COMPILE("the worker's user name cannot be read from the registry ({}: {})"),
                    RegistryReferenceKey(w.configured), Status::Win(w.credential_error));
  } else if (!w.exists && w.kind == WorkerKind::kMachineAccount) {
    // No ASPNET, no profile: aspnet_regiis -i creates the account without one, so the machine is
    // affected, and the plan refuses until the account is there (account-exists).
    c.met = true;
    c.detail = Text(FMT_COMPILE("the worker account {} does not exist, so it has no profile either (aspnet_regiis -i "
                                "creates it, without a profile)"),
                    w.account);
  } else if (!w.exists) {
    c.detail = Text(FMT_COMPILE("the worker account {} does not exist"), w.account);
  } else if (w.has_profile) {
    c.detail = Text(FMT_COMPILE("the worker account {} has a profile ({})"), w.account, w.profile_path);
  } else {
    c.met = true;
    c.detail = Text(FMT_COMPILE("the worker account {} ({}) has no profile"), w.account, w.sid);
  }
  return c;
}

// MS03-040 (KB828750), the next cumulative IE patch, supersedes MS03-032 and ships later
// builds of the same urlmon.dll; installed alone it brings the same change.
constexpr const char* kSupersedingBulletins[] = {"MS03-040"};

Cause BulletinCause(const std::vector<std::string>& hotfixes) {
  auto has = [&](const char* id) { return std::find(hotfixes.begin(), hotfixes.end(), id) != hotfixes.end(); };
  if (has(kBulletin)) return {"ms03-032", true, Text(FMT_COMPILE("{} is installed"), kBulletin)};
  for (const char* later : kSupersedingBulletins) {
    if (has(later)) {
      return {"ms03-032", true,
              Text(FMT_COMPILE("{} is installed; it supersedes {} and carries its changes"), later, kBulletin)};
    }
  }
  return {"ms03-032", false, Text(FMT_COMPILE("{} is not installed"), kBulletin)};
}

Cause SymptomCause(SymptomCheck s) {
  switch (s) {
    case SymptomCheck::kSeen:
      return {"symptom", true, Text(FMT_COMPILE("an application answers 503 \"{}\""), kSymptomText)};
    case SymptomCheck::kNotSeen:
      return {"symptom", false, Text(FMT_COMPILE("no application answers \"{}\""), kSymptomText)};
    case SymptomCheck::kUnavailable: return {"symptom", false, "not checked: the web probe is unavailable"};
    case SymptomCheck::kNoApplication: break;
  }
  return {"symptom", false, "not checked: no ASP.NET 1.0 application to request"};
}

// Why the repair's steps would not run, in the plan's order of refusals; "" when they would.
std::string_view WhyNoStepRuns(const Diagnosis& d) {
  if (d.verdict != Verdict::kAffected) return "this machine needs no MS03-032 repair";
  if (d.worker.kind != WorkerKind::kMachineAccount)
    return "the worker runs as an account of its own, which the plan refuses (custom-account)";
  if (!Framework10ToolsPresent(d)) return "the ASP.NET 1.0 tools are missing, so the plan refuses (tools-missing)";
  return "";
}

std::string StepList(const std::vector<std::string>& steps) {
  return steps.empty() ? std::string("none") : Text(FMT_COMPILE("{}"), fmt::join(steps, ", "));
}

// What resume and rollback do with the interrupted run (Fixer::Resume, Fixer::Rollback).
std::string PendingRepairNote(const PendingRepair& p) {
  const std::string run =
      Text(FMT_COMPILE("a {} repair of {} ({}) by this fixer was interrupted"), ToString(p.strategy), p.account, p.sid);
  const std::string own =
      "what fails above may be its own unfinished work (services it stopped, an account it deleted, rights and "
      "access not yet granted again), so nothing here is the administrator's to fix by hand before it ends";
  if (p.undoing) {
    return Text(FMT_COMPILE("{} while {} ({} still to undo): {}; resume and rollback both finish the undo"), run,
                p.rollback_asked ? "being rolled back" : "being undone after a failed step", StepList(p.done), own);
  }
  const std::string rollback =
      p.past_point_of_no_return
          ? Text(FMT_COMPILE("rollback cannot bring back the deleted {} (its SID is gone), so it rolls forward as "
                             "resume does"),
                 p.account)
          : Text(FMT_COMPILE("rollback undoes the steps done ({}){} and leaves the machine as the run found it"),
                 StepList(p.done),
                 p.begun.empty()
                     ? std::string()
                     : Text(FMT_COMPILE(" and the step begun, which may have acted ({})"), StepList(p.begun)));
  return Text(FMT_COMPILE("{} after {} of its {} steps: {}; resume runs the steps left ({}) and verifies the "
                          "site; {}"),
              run, p.done.size(), p.done.size() + p.left.size(), own, StepList(p.left), rollback);
}

}  // namespace

bool ProfileNeeded(const Diagnosis& d) {
  if (d.causes.size() < 3) return true;  // no verdict drawn: nothing shows the profile is not needed
  return d.causes[0].met && d.causes[2].met && d.symptom != SymptomCheck::kNotSeen;
}

std::string WhyNoProfileNeeded(const Diagnosis& d) {
  if (d.causes.size() < 3) return "";
  if (!d.causes[0].met) return d.causes[0].detail;
  if (!d.causes[2].met) return d.causes[2].detail;
  return Text(FMT_COMPILE("every application answers without the MS03-032 symptom"));
}

void MarkRepairPending(Diagnosis& d, PendingRepair pending) {
  // Whatever the findings, the steps left decide: no failing precondition is refused, nor said to
  // be the administrator's for want of a repair ("no step runs": resume runs them).
  for (std::vector<Precondition>* list : {&d.worker_start, &d.repair_needs}) {
    for (Precondition& p : *list) {
      if (p.met) continue;
      p.no_step.clear();
      p.remedy = Remedy::kPending;
    }
  }
  d.verdict = Verdict::kRepairPending;
  d.notes.push_back(PendingRepairNote(pending));
  d.pending_repair = std::move(pending);
}

void DecideVerdict(Diagnosis& d) {
  d.causes = {HostCause(d), ProfileCause(d.worker), BulletinCause(d.hotfixes), SymptomCause(d.symptom)};
  // When the probe cannot run, the symptom neither confirms nor excludes.
  const bool symptom_counts = d.symptom != SymptomCheck::kUnavailable;
  d.missing.clear();
  for (const Cause& c : d.causes) {
    if (c.met || (c.id == "symptom" && !symptom_counts)) continue;
    d.missing.push_back(c.detail);
  }
  const bool host = d.causes[0].met, bulletin = d.causes[2].met;
  if (d.missing.empty()) {
    d.verdict = Verdict::kAffected;
  } else if (host && bulletin && d.worker.local && d.worker.exists && d.worker.has_profile && d.fixed_by_this_tool) {
    // "Already fixed" is this fixer's own claim: its mark names the worker's SID. A profile
    // made by fixup.cmd, a logon or anything else makes the machine "not affected" instead.
    d.verdict = Verdict::kAlreadyFixed;
  } else {
    d.verdict = Verdict::kNotAffected;
  }
  // A password only a logon checks (a custom account's, the LSA's AutoGenerate one of ASPNET, one
  // processModel gives ASPNET itself); the worker's own event 1007 (after this fixer's last mark, or
  // written for the probe's request) is its logon failing, and where every other cause of a failed
  // logon the fixer reads holds, the password is what fails: the credentials fail first, with 1326.
  constexpr std::string_view kLogonChecks[] = {"account-exists", "not-locked-out", "enabled", "password-not-expired",
                                               "batch-logon-right"};
  const bool logon_checks_hold = std::none_of(d.worker_start.begin(), d.worker_start.end(), [&](const Precondition& p) {
    return !p.met && std::find(std::begin(kLogonChecks), std::end(kLogonChecks), p.id) != std::end(kLogonChecks);
  });
  // A page that answers without the symptom shows the logon works now: a 1007 before it is stale.
  const bool logon_failed = d.worker_error && d.worker_error->id == kWorkerLogonFailedEvent && logon_checks_hold &&
                            d.symptom != SymptomCheck::kNotSeen;
  // Any other ASP.NET error of the worker's last failed start came after its logon.
  const bool logged_on = d.worker_error && d.worker_error->id != kWorkerLogonFailedEvent;
  // The repair sets a new password in ASPNET and the LSA; a worker given its password in
  // processModel would log on with the old one (1326) after it. On a machine no repair runs on, only
  // a logon checks that password, and the precondition stays as read.
  if (d.verdict == Verdict::kAffected && d.worker.own_password) {
    const OwnPasswordLogon logon = logon_failed ? OwnPasswordLogon::kFails
                                   : logged_on  ? OwnPasswordLogon::kWorks
                                                : OwnPasswordLogon::kUnchecked;
    for (Precondition& p : d.worker_start) {
      if (p.id == "credentials") p = OwnPasswordRefused(d, logon);
    }
  }
  if (d.worker.kind == WorkerKind::kCustomAccount && logon_failed) {
    for (Precondition& p : d.worker_start) {
      if (p.id != "credentials" || !p.unverified) continue;
      p = FailingPrecondition("credentials", kErrorLogonFailure,
                              Text(FMT_COMPILE("ASP.NET 1.0's newest error (event {}) says the worker's logon fails: "
                                               "the password processModel gives does not log {} on"),
                                   kWorkerLogonFailedEvent, d.worker.account),
                              Remedy::kRefused);
    }
  } else if (d.worker.kind == WorkerKind::kMachineAccount && logon_failed) {
    // The repair ends with ASPNET's password the LSA's (set-temp-password's undo) and so mends an
    // AutoGenerate mismatch; a password processModel gives itself is the administrator's.
    const Remedy remedy = d.worker.own_password ? Remedy::kRefused : Remedy::kRepaired;
    for (Precondition& p : d.worker_start) {
      if (p.id != "credentials" || !p.unverified) continue;
      p = Precondition{"credentials", false, kErrorLogonFailure, LogonFailsText(d), remedy, ""};
    }
  }
  // A blank password the policy refuses off the console fails the logon whatever the event says (1327
  // where it is the account's), once the checks Windows makes before that restriction hold
  // (docs/windows-reference.md#logon-order): the batch logon right comes after it.
  const bool before_restriction_hold =
      std::none_of(d.worker_start.begin(), d.worker_start.end(), [&](const Precondition& p) {
        return !p.met && p.id != "batch-logon-right" &&
               std::find(std::begin(kLogonChecks), std::end(kLogonChecks), p.id) != std::end(kLogonChecks);
      });
  if (d.worker.blank_password_refused && before_restriction_hold && d.symptom != SymptomCheck::kNotSeen && !logged_on) {
    for (Precondition& p : d.worker_start) {
      if (p.id == "credentials") p = BlankPasswordRefused(d);
    }
  }
  // The password processModel gives logged the worker on then.
  if (logged_on) {
    for (Precondition& p : d.worker_start) {
      if (p.id != "credentials" || !p.unverified) continue;
      p.unverified = false;
      p.detail += Text(FMT_COMPILE("; the worker's last failed start (ASP.NET event {}) came after its logon"),
                       d.worker_error->id);
    }
  }
  // The profile is a precondition only where the flaw is: a profile-sensitive build loaded in
  // aspnet_wp.exe (host and bulletin), and no page answering without the symptom shows it is not.
  if (!ProfileNeeded(d)) {
    for (Precondition& p : d.worker_start) {
      if (p.id == "profile" && !p.met)
        p = MetPrecondition("profile", Text(FMT_COMPILE("{} has no profile, which the worker's start does not need "
                                                        "here: {}"),
                                            d.worker.account, WhyNoProfileNeeded(d)));
    }
  }
  // The plan's steps repair a lockout, an expired password, a missing right only as part of the
  // MS03-032 repair: where no step runs (a machine that needs no repair, or a plan refused before
  // its steps) the cause is the administrator's, and the diagnosis says so.
  if (const std::string_view no_step = WhyNoStepRuns(d); !no_step.empty()) {
    for (Precondition& p : d.worker_start) {
      if (p.remedy != Remedy::kRepaired) continue;
      p.remedy = Remedy::kRefused;
      p.no_step = no_step;
    }
  }
  // When the worker cannot start, name the first precondition that fails, with its error.
  if (const Precondition* p = d.FirstFailingPrecondition()) {
    if (d.symptom == SymptomCheck::kSeen || d.symptom == SymptomCheck::kUnavailable) {
      d.notes.push_back("the worker cannot start: " + FailsFirst(d, *p, p->detail));
    }
  } else if (d.symptom == SymptomCheck::kSeen && !d.worker_start.empty()) {
    d.notes.push_back(FailureBeyondPreconditions(d));
  }
}

Precondition OwnPasswordRefused(const Diagnosis& d, OwnPasswordLogon logon) {
  const std::string& name = d.worker.account;
  const std::string gives = Text(FMT_COMPILE("processModel gives {} a password of its own (not AutoGenerate)"), name);
  const std::string repair = "the repair would set a new password in the account and the LSA";
  if (logon == OwnPasswordLogon::kFails) {
    const std::string quoted = !d.worker_error || d.worker_error->text.empty() ? "" : ": " + d.worker_error->text;
    return FailingPrecondition("credentials", kErrorLogonFailure,
                               Text(FMT_COMPILE("{}, and it does not log {} on: ASP.NET 1.0's newest error (event "
                                                "{}{}) says the worker's logon fails; {}, which would not be "
                                                "processModel's either"),
                                    gives, name, kWorkerLogonFailedEvent, quoted, repair),
                               Remedy::kRefused);
  }
  if (logon == OwnPasswordLogon::kWorks) {
    Precondition p = FailingPrecondition(
        "credentials", kErrorLogonFailure,
        Text(FMT_COMPILE("{}, and it logs {} on: the worker's last failed start (ASP.NET event {}) came after its "
                         "logon; {}, so processModel's would no longer log {} on after it"),
             gives, name, d.worker_error ? d.worker_error->id : 0, repair, name),
        Remedy::kRefused);
    p.fails_after_repair = true;  // the worker's logon works now: the profile is what fails first
    return p;
  }
  Precondition p =
      FailingPrecondition("credentials", kErrorLogonFailure,
                          Text(FMT_COMPILE("{}: whether it logs {} on only a logon checks; {}, so processModel's "
                                           "would not log {} on after it"),
                               gives, name, repair, name),
                          Remedy::kRefused);
  p.fails_after_repair = true;
  p.unverified = true;  // a wrong one would fail the logon now, before what fails after it
  return p;
}

OwnPasswordLogon OwnPasswordLogonOf(const Precondition& credentials) {
  if (!credentials.fails_after_repair) return OwnPasswordLogon::kFails;
  return credentials.unverified ? OwnPasswordLogon::kUnchecked : OwnPasswordLogon::kWorks;
}

std::string LogonFailsText(const Diagnosis& d) {
  const std::string quoted = !d.worker_error || d.worker_error->text.empty() ? "" : ": " + d.worker_error->text;
  const bool machine_account = d.worker.kind == WorkerKind::kMachineAccount;
  return Text(
      FMT_COMPILE("ASP.NET 1.0's newest error (event {}{}) says its logon fails: the password processModel "
                  "gives no longer logs {} on ({}: {}), as when it was set by hand (net user {} ...){}"),
      kWorkerLogonFailedEvent, quoted, d.worker.account, kErrorLogonFailure, WinErrorText(kErrorLogonFailure),
      CmdArgument(d.worker.account),
      machine_account && !d.worker.own_password ? "; aspnet_regiis -i sets a new one in the account and the LSA" : "");
}

bool Framework10ToolsPresent(const Diagnosis& d) {
  return std::any_of(d.frameworks.begin(), d.frameworks.end(),
                     [](const FrameworkSummary& f) { return f.version == kFramework10 && f.tools_present; });
}

std::string FailureBeyondPreconditions(const Diagnosis& d) {
  const std::string holds =
      "every precondition of the worker's start the fixer reads holds" + DeniedAccess(d.worker.account, d.scope.aces);
  if (!d.worker_error) {
    return holds +
           ", but the password itself only a logon checks (a wrong one counts toward the lockout), and the failure "
           "may come later in its start (ACLs of KB 811320); no ASP.NET 1.0 error in the Application event log "
           "names it yet";
  }
  // The Win32 port reads an event's insertion strings, not its formatted message: they may be none.
  const std::string quoted = d.worker_error->text.empty() ? "" : ": " + d.worker_error->text;
  // Every other reason of a failed logon is read and holds, so the password is what fails.
  if (d.worker_error->id == kWorkerLogonFailedEvent) return holds + ", and " + LogonFailsText(d);
  return Text(FMT_COMPILE("{}; ASP.NET 1.0's newest error in the Application event log: event {}{}"), holds,
              d.worker_error->id, quoted);
}

}  // namespace fixer
