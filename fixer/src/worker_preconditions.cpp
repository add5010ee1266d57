// The preconditions of the ASP.NET 1.0 worker's start, read without changing anything, and the
// fixer's decision for each: repaired by the plan, or refused before any change.
// docs/windows-reference.md#logon-order, docs/windows-reference.md#services
#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <utility>

#include "diagnose_parts.h"
#include "fixer/cmd_argument.h"
#include "fixer/ports/secrets.h"
#include "fixer/process_model.h"
#include "fixer/text.h"
#include "fixer/windows_names.h"

namespace fixer {

std::string Precondition::Said() const {
  if (no_step.empty()) return detail;
  return Text(FMT_COMPILE("{}; {}, so no step runs: it is the administrator's to fix"), detail, no_step);
}

Precondition MetPrecondition(std::string id, std::string detail) {
  return {std::move(id), true, 0, std::move(detail), Remedy::kNone, ""};
}

Precondition UnverifiedPrecondition(std::string id, std::string detail) {
  Precondition p = MetPrecondition(std::move(id), std::move(detail));
  p.unverified = true;
  return p;
}

Precondition FailingPrecondition(std::string id, uint32_t error, std::string what, Remedy remedy) {
  // "what (code: Windows' text)", Status::Win(error).ToString() in parentheses.
  return {std::move(id), false, error, Text(FMT_COMPILE("{} ({}: {})"), what, error, WinErrorText(error)), remedy, ""};
}

namespace {

// The built-in groups of a worker's token the diagnosis reads: the name `groups` holds, the name
// Windows shows, the well-known SID.
struct BuiltinGroup {
  std::string_view name;
  std::string_view shown;
  Sid sid;
};

const std::array<BuiltinGroup, 4>& BuiltinGroups() {
  static const std::array<BuiltinGroup, 4> groups = {
      {{"Users", "BUILTIN\\Users", Sid::Users()},
       {"Administrators", "BUILTIN\\Administrators", Sid::Administrators()},
       {"Power Users", "BUILTIN\\Power Users", Sid::PowerUsers()},
       {"Guests", "BUILTIN\\Guests", Sid::Guests()}}};
  return groups;
}

}  // namespace

std::vector<Sid> WorkerTokenSids(const WorkerIdentity& w) {
  std::vector<Sid> sids = {w.sid, Sid::Everyone(), Sid::AuthenticatedUsers(), Sid::Batch()};
  auto add = [&](const Sid& sid) {
    if (std::find(sids.begin(), sids.end(), sid) == sids.end()) sids.push_back(sid);
  };
  for (const LocalGroupRef& g : w.token_groups) add(g.sid);
  // A deleted worker is the account aspnet_regiis -i will make (its SID null till then), which
  // joins Users [KB 317012] as every account NetUserAdd makes.
  if (!w.exists) add(Sid::Users());
  // Its direct built-in groups by name too: a backend that lists no token groups still shows them.
  for (const std::string& g : w.groups) {
    for (const BuiltinGroup& group : BuiltinGroups()) {
      if (g == group.name) add(group.sid);
    }
  }
  return sids;
}

std::string WorkerTokenSidName(const Sid& sid, const WorkerIdentity& w) {
  if (sid == w.sid) return w.account;
  if (sid == Sid::Everyone()) return "Everyone";
  if (sid == Sid::AuthenticatedUsers()) return "NT AUTHORITY\\Authenticated Users";
  if (sid == Sid::Batch()) return "NT AUTHORITY\\BATCH";
  for (const LocalGroupRef& g : w.token_groups) {
    if (sid == g.sid) return g.name;
  }
  for (const BuiltinGroup& group : BuiltinGroups()) {
    if (sid == group.sid) return std::string(group.shown);
  }
  return sid.ToString();
}

namespace {

// Why the IIS service `name` answers no page, or nullopt when it runs.
std::optional<Precondition> IisServiceFails(const std::string& name, const ServiceInfo& info) {
  // The start type matters only to a start: a service running (or paused) with start type
  // Disabled serves the pages now, and net start would answer 2182 for it. Stopping it is the
  // repair's, so ReadRepairPreconditions' services-start-again names it (1058).
  const bool started = info.state == ServiceState::kRunning || info.state == ServiceState::kPaused;
  if (info.start_type == StartType::kDisabled && !started) {
    return FailingPrecondition("web-server-running", kErrorServiceDisabled,
                               Text(FMT_COMPILE("{} ({}) is disabled by its start type"), info.display_name, name),
                               Remedy::kRefused);
  }
  // A paused service is started, its work suspended: no 1062 "has not been started" for it. Its
  // number is the one the probe meets, 10061 (nothing answers, as for a stopped one: a modelling
  // choice, docs/windows-reference.md#services).
  if (info.state == ServiceState::kPaused) {
    return Precondition{"web-server-running", false, kWsaConnectionRefused,
                        Text(FMT_COMPILE("{} ({}) is paused (started, its work suspended), so nothing answers "
                                         "the pages"),
                             info.display_name, name),
                        Remedy::kRefused};
  }
  if (info.state != ServiceState::kRunning) {
    return FailingPrecondition(
        "web-server-running", kErrorServiceNotActive,
        Text(FMT_COMPILE("{} ({}) is {}, so nothing answers the pages"), info.display_name, name, ToString(info.state)),
        Remedy::kRefused);
  }
  return std::nullopt;
}

// Each IIS service that answers no page, its own cause (so one refusal names IISADMIN and W3SVC
// both disabled), or the one met precondition. A W3SVC merely stopped behind a stopped or disabled
// IISADMIN is no cause of its own: net start w3svc, the advice for IISADMIN, starts both.
Result<std::vector<Precondition>> WebServerRunning(ServiceControl& services, const WebServerInfo& web) {
  const bool iis =
      web.kind == WebServerKind::kIis50 || web.kind == WebServerKind::kIis51 || web.kind == WebServerKind::kIis60;
  if (!iis) return std::vector<Precondition>{MetPrecondition("web-server-running", "no IIS service to check")};
  std::vector<Precondition> failing;
  for (const char* name : {"IISADMIN", "W3SVC"}) {
    auto info = services.Query(name);
    if (!info) {
      if (info.status().code() != kErrorServiceDoesNotExist) return info.status();
      // Installing IIS again installs both.
      if (!failing.empty()) break;
      Precondition missing = FailingPrecondition("web-server-running", kErrorServiceDoesNotExist,
                                                 Text(FMT_COMPILE("{} is not installed"), name), Remedy::kRefused);
      missing.subject = name;
      return std::vector<Precondition>{std::move(missing)};
    }
    auto fails = IisServiceFails(name, *info);
    if (!fails) continue;
    if (!failing.empty() && failing.back().error != kWsaConnectionRefused && fails->error == kErrorServiceNotActive)
      continue;
    fails->subject = name;
    failing.push_back(std::move(*fails));
  }
  if (!failing.empty()) return failing;
  return std::vector<Precondition>{MetPrecondition("web-server-running", "IISADMIN and W3SVC are running")};
}

// The batch logon aspnet_wp.exe's token needs: each SID of it holding SeDenyBatchLogonRight its own
// failing precondition (so one refusal names every holder), and whether any holds SeBatchLogonRight.
struct BatchLogon {
  std::vector<Precondition> denied;
  bool granted = false;
};

Result<BatchLogon> ReadBatchLogon(Rights& rights_port, const WorkerIdentity& w) {
  BatchLogon batch;
  for (const Sid& sid : WorkerTokenSids(w)) {
    if (sid.IsNull()) continue;  // the account aspnet_regiis -i will make: no right names it yet
    auto rights = rights_port.Of(sid);
    if (!rights) return rights.status();
    auto holds = [&](std::string_view r) { return std::find(rights->begin(), rights->end(), r) != rights->end(); };
    batch.granted = batch.granted || holds(kSeBatchLogonRight);
    if (!holds(kSeDenyBatchLogonRight)) continue;
    const std::string holder = WorkerTokenSidName(sid, w);
    Precondition denied = FailingPrecondition(
        "batch-logon-right", kErrorLogonTypeNotGranted,
        Text(FMT_COMPILE("{} is denied the batch logon aspnet_wp.exe needs ({} holds {}); that deny is the "
                         "administrator's"),
             w.exists ? w.account : Text(FMT_COMPILE("the {} aspnet_regiis -i makes"), w.account), holder,
             kSeDenyBatchLogonRight),
        Remedy::kRefused);
    denied.denied_to = holder;
    batch.denied.push_back(std::move(denied));
  }
  return batch;
}

// At most: web server (two), credentials, account, lockout, enabled, password, batch logon, profile, and
// Diagnose's site folder access and session state.
constexpr size_t kWorkerPreconditions = 11;

}  // namespace

Result<std::vector<Precondition>> ReadWorkerPreconditions(Ports& ports, const WorkerIdentity& w,
                                                          const WebServerInfo& web, bool autogenerate) {
  std::vector<Precondition> out;
  out.reserve(kWorkerPreconditions);  // no precondition moved as the list grows
  auto running = WebServerRunning(ports.services, web);
  if (!running) return running.status();
  std::move(running->begin(), running->end(), std::back_inserter(out));
  if (w.kind == WorkerKind::kLocalSystem || !w.local) return out;

  if (w.kind == WorkerKind::kMachineAccount && autogenerate) {
    auto secret = ports.secrets.Retrieve(std::string(kAspNetWorkerSecret));
    if (secret) {
      out.push_back(UnverifiedPrecondition(
          "credentials", Text(FMT_COMPILE("the AutoGenerate password is in the LSA; whether it is still the password "
                                          "of {} only a logon checks"),
                              w.account)));
    } else {
      out.push_back(FailingPrecondition("credentials", secret.status().code(),
                                        "the AutoGenerate password of processModel is not in the LSA; "
                                        "register (aspnet_regiis -i) stores a new one",
                                        Remedy::kRepaired));
    }
  } else if (w.kind == WorkerKind::kMachineAccount) {
    // DecideVerdict fails it when a repair would run: the repair sets a new password.
    out.push_back(UnverifiedPrecondition("credentials", Text(FMT_COMPILE("processModel gives the password of {} "
                                                                         "itself (not AutoGenerate): only a logon "
                                                                         "checks it"),
                                                             w.account)));
  } else if (w.kind == WorkerKind::kCustomAccount && autogenerate) {
    // AutoGenerate names the LSA's password for "machine" and "SYSTEM" only (MSDN, processModel
    // Element, password): any other account logs on with the text itself.
    out.push_back(FailingPrecondition(
        "credentials", kErrorLogonFailure,
        Text(FMT_COMPILE("processModel gives password=\"AutoGenerate\" for {}, which ASP.NET reads as the LSA's "
                         "password only for userName=\"machine\" or \"SYSTEM\": the worker logs on as {} with the "
                         "word AutoGenerate itself, which fails unless that is its password"),
             w.configured, w.account),
        Remedy::kRefused));
  } else if (w.kind == WorkerKind::kCustomAccount) {
    out.push_back(UnverifiedPrecondition(
        "credentials", Text(FMT_COMPILE("processModel gives the password of {} in clear text: only a logon checks it "
                                        "(a wrong one fails the worker's logon with {}, event {})"),
                            w.account, kErrorLogonFailure, kWorkerLogonFailedEvent)));
  }
  if (w.credential_error != 0) {
    // inetinfo.exe reads the user name before any logon: nothing after it is reached.
    out.push_back(FailingPrecondition(
        "credentials", w.credential_error,
        Text(FMT_COMPILE("the user name processModel reads from the registry ({}, where aspnet_setreg stores it) "
                         "cannot be read"),
             RegistryReferenceKey(w.configured)),
        Remedy::kRefused));
    return out;
  }
  // LogonUser answers 1326 for an unknown name, as for a wrong password.
  if (!w.exists) {
    out.push_back(FailingPrecondition(
        "account-exists", kErrorLogonFailure,
        Text(FMT_COMPILE("the worker account {} does not exist{}"), w.account,
             w.kind == WorkerKind::kMachineAccount ? "; aspnet_regiis -i creates it, which this fixer does not do alone"
                                                   : ""),
        Remedy::kRefused));
    // The ASPNET aspnet_regiis -i makes logs on through the same groups: a deny one of them holds is
    // named now, so one round of fixes is enough (register grants the right itself).
    if (w.kind == WorkerKind::kMachineAccount) {
      auto batch = ReadBatchLogon(ports.rights, w);
      if (!batch) return batch.status();
      std::move(batch->denied.begin(), batch->denied.end(), std::back_inserter(out));
    }
    return out;
  }
  out.push_back(MetPrecondition("account-exists", Text(FMT_COMPILE("{} exists ({})"), w.account, w.sid)));
  out.push_back(w.flags.locked_out
                    ? FailingPrecondition("not-locked-out", kErrorAccountLockedOut,
                                          Text(FMT_COMPILE("{} is locked out; lift-restrictions unlocks it and it "
                                                           "stays unlocked"),
                                               w.account),
                                          Remedy::kRepaired)
                    : MetPrecondition("not-locked-out", Text(FMT_COMPILE("{} is not locked out"), w.account)));
  out.push_back(w.flags.disabled
                    ? FailingPrecondition("enabled", kErrorAccountDisabled,
                                          Text(FMT_COMPILE("{} is disabled; enabling it is the administrator's "
                                                           "decision (net user {} /active:yes)"),
                                               w.account, CmdArgument(w.account)),
                                          Remedy::kRefused)
                    : MetPrecondition("enabled", Text(FMT_COMPILE("{} is enabled"), w.account)));
  // "Must change at next logon" and "too old" fail the logon with different errors (1907, 1330).
  const uint32_t password_error = w.password_must_change ? kErrorPasswordMustChange : kErrorPasswordExpired;
  const char* password_state = w.password_must_change ? "must be changed at the next logon" : "has expired";
  out.push_back(
      w.password_expired
          ? FailingPrecondition("password-not-expired", password_error,
                                Text(FMT_COMPILE("the password of {} {}; the repair sets a new one (register: never "
                                                 "expires)"),
                                     w.account, password_state),
                                Remedy::kRepaired)
          : MetPrecondition("password-not-expired",
                            Text(FMT_COMPILE("the password of {} has not expired"), w.account)));

  auto batch = ReadBatchLogon(ports.rights, w);
  if (!batch) return batch.status();
  if (!batch->denied.empty()) {
    std::move(batch->denied.begin(), batch->denied.end(), std::back_inserter(out));
  } else if (!batch->granted) {
    out.push_back(
        FailingPrecondition("batch-logon-right", kErrorLogonTypeNotGranted,
                            Text(FMT_COMPILE("no SID of {} holds {}, the batch logon aspnet_wp.exe needs; {}"),
                                 w.account, kSeBatchLogonRight,
                                 w.kind == WorkerKind::kMachineAccount
                                     ? "register (aspnet_regiis -i) grants it"
                                     : "register (aspnet_regiis -i) grants it to ASPNET, not to this account"),
                            Remedy::kRepaired));
  } else {
    out.push_back(MetPrecondition("batch-logon-right", Text(FMT_COMPILE("{} may log on as a batch job"), w.account)));
  }
  // The worker fails at start-up with HRESULT 80070005 (E_ACCESSDENIED) without a profile.
  out.push_back(w.has_profile
                    ? MetPrecondition("profile", Text(FMT_COMPILE("{} has a profile ({})"), w.account, w.profile_path))
                : !w.profile_path.empty()
                    ? FailingPrecondition(
                          "profile", kErrorAccessDenied,
                          Text(FMT_COMPILE("{} has no profile: its ProfileList entry names {}, a folder that does not "
                                           "exist, so aspnet_wp.exe fails at start-up with HRESULT 80070005; "
                                           "create-profile makes the profile: keep-sid removes that entry first (its "
                                           "values kept in the journal for an undo), recreate's new SID gets an entry "
                                           "of its own and the old SID's stays"),
                               w.account, w.profile_path),
                          Remedy::kRepaired)
                    : FailingPrecondition("profile", kErrorAccessDenied,
                                          Text(FMT_COMPILE("{} has no profile, so aspnet_wp.exe fails at start-up "
                                                           "with HRESULT 80070005; create-profile makes it"),
                                               w.account),
                                          Remedy::kRepaired));
  return out;
}

std::string DeniedAccess(const std::string& account, const std::vector<ObjectAces>& aces) {
  std::string denied;
  for (const ObjectAces& o : aces) {
    for (const Ace& ace : o.aces) {
      if (ace.type != AceType::kDeny) continue;
      const std::string_view name = MaskName(o.object.ns, ace.mask);
      denied += Text(FMT_COMPILE("{}{} {} ({})"), denied.empty() ? "" : ", ", ToString(o.object.ns), o.object.path,
                     name.empty() ? Text(FMT_COMPILE("0x{:x}"), ace.mask) : std::string(name));
    }
  }
  if (denied.empty()) return "";
  return Text(FMT_COMPILE("; explicit ACEs deny {} access (KB 811320 lists the folders ASP.NET needs): {}"), account,
              denied);
}

namespace {
// How the mark names the worker: its SID in parentheses, so a longer SID (…-10023 for …-1002)
// is no match.
std::string MarkedSid(const Sid& sid) { return Text(FMT_COMPILE("({})"), sid); }
}  // namespace

bool FixerMarkIn(const std::vector<EventRecord>& application_log, const Sid& sid) {
  const std::string needle = MarkedSid(sid);
  return std::any_of(application_log.begin(), application_log.end(), [&](const EventRecord& e) {
    return e.source == kFixerEventSource && e.text.find(needle) != std::string::npos;
  });
}

std::optional<EventRecord> NewestWorkerError(const std::vector<EventRecord>& application_log) {
  const std::string source = Text(FMT_COMPILE("ASP.NET {}.0"), kFramework10);
  for (auto it = application_log.rbegin(); it != application_log.rend(); ++it) {
    if (it->source == kFixerEventSource) return std::nullopt;  // older errors are of a repaired failure
    if (it->source != source || it->type != EventType::kError) continue;
    EventRecord e = *it;
    e.text.resize(std::min(e.text.size(), e.text.find('\n')));
    return e;
  }
  return std::nullopt;
}

std::optional<EventRecord> ProbesWorkerError(const std::vector<ProbeResult>& probes) {
  const std::string source = Text(FMT_COMPILE("ASP.NET {}.0"), kFramework10);
  for (const ProbeResult& p : probes) {
    if (p.event && p.event->source == source && p.event->type == EventType::kError) return p.event;
  }
  return std::nullopt;
}

EventRecord FixerMark(const std::string& account, const Sid& sid) {
  return {.log = "Application",
          .source = kFixerEventSource,
          .id = 1,
          .type = EventType::kInformation,
          .text = Text(FMT_COMPILE("The profile of {} {} was created and every ASP.NET 1.0 "
                                   "application answers."),
                       account, MarkedSid(sid)),
          .time = 0};
}

const Precondition* Diagnosis::FirstFailingPrecondition() const {
  for (const Precondition& p : worker_start) {
    if (!p.met && !p.fails_after_repair) return &p;  // one failing only after the repair fails no start now
  }
  return nullptr;
}

std::string FailsFirst(const Diagnosis& d, const Precondition& p, std::string_view detail) {
  // LogonUser answers these before it compares the password (docs/windows-reference.md#logon-order).
  constexpr std::string_view kBeforeThePassword[] = {"web-server-running", "credentials", "account-exists",
                                                     "not-locked-out"};
  const Precondition* unverified = nullptr;
  for (const Precondition& q : d.worker_start) {
    if (&q == &p) break;
    if (q.unverified) unverified = &q;
  }
  const bool before_password =
      std::find(std::begin(kBeforeThePassword), std::end(kBeforeThePassword), p.id) != std::end(kBeforeThePassword);
  if (unverified == nullptr || before_password) return Text(FMT_COMPILE("{} fails first: {}"), p.id, detail);
  // Windows checks the logon before the rest: a wrong password would fail first, unseen here.
  return Text(FMT_COMPILE("{} fails first of what the fixer can read: {}; but {} comes before it and is not "
                          "verified ({}): a wrong password fails the worker's logon first ({}: {}; ASP.NET event {})"),
              p.id, detail, unverified->id, unverified->detail, kErrorLogonFailure, WinErrorText(kErrorLogonFailure),
              kWorkerLogonFailedEvent);
}

bool Diagnosis::EveryApplicationAnswers() const {
  for (const ProbeResult& p : probes)
    if (!p.answered || p.status != 200) return false;
  return true;
}

}  // namespace fixer
