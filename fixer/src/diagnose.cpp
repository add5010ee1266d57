// Fixer::Diagnose: reads the machine, decides from causes whether it is affected.
#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "diagnose_parts.h"
#include "fixer/fixer.h"
#include "fixer/name_case.h"
#include "fixer/ports/secrets.h"
#include "fixer/process_model.h"
#include "fixer/text.h"
#include "service_names.h"

namespace fixer {

namespace {

// aspnet_wp.exe runs as processModel's identity under IIS 5 (and IIS 6 in IIS 5 isolation mode)
// only: w3wp.exe's pool identity and Cassini's user are other tokens.
bool ServedByAspNetWp(const WebServerInfo& web) {
  return web.kind == WebServerKind::kIis50 || web.kind == WebServerKind::kIis51 ||
         (web.kind == WebServerKind::kIis60 && web.iis5_isolation_mode);
}

// The LSA's AutoGenerate password where 1.0's worker uses it, and whether that worker logged on with it.
WorkerPasswordNow WorkerPasswordNowOf(Secrets& secrets, const Diagnosis& d) {
  WorkerPasswordNow now;
  // With 1.0 alone no other worker's password is compared: the secret is not read for it.
  if (d.worker.own_password || !d.worker.exists || d.frameworks.size() < 2) return now;
  // A secret that cannot be read leaves the other worker's logon unjudged, as only a logon would.
  if (auto lsa = secrets.Retrieve(std::string(kAspNetWorkerSecret))) now.lsa = std::move(*lsa);
  now.logs_on = std::any_of(d.worker_start.begin(), d.worker_start.end(),
                            [](const Precondition& p) { return p.id == "credentials" && p.met && !p.unverified; });
  return now;
}

// The paused services the refusal advises to let go on (net continue: a paused IIS service, a
// paused aspnet_state that StateServer applications need): running by the next run, whose repair
// stops them, so what that repair needs of them is read now and named in the same refusal.
std::vector<std::string> AdvisedToGoOn(const Diagnosis& d) {
  std::vector<std::string> going_on;
  for (const Precondition& p : d.worker_start) {
    const bool paused = !p.met && p.error == kWsaConnectionRefused;
    if (paused && (p.id == "web-server-running" || p.id == "session-state")) going_on.push_back(p.subject);
  }
  return going_on;
}

}  // namespace

Result<Diagnosis> Fixer::Diagnose() {
  Diagnosis d;
  auto caller = ports_.inventory.Caller();
  if (!caller) return caller.status();
  d.caller = std::move(*caller);
  if (!d.caller.is_admin) {
    d.verdict = Verdict::kNotAdmin;
    d.notes.push_back(Text(FMT_COMPILE("{} is not an administrator; nothing else was read"), d.caller.name));
    return d;
  }
  auto os = ports_.inventory.Os();
  if (!os) return os.status();
  d.os = std::move(*os);
  auto web = ports_.inventory.WebServer();
  if (!web) return web.status();
  d.web_server = std::move(*web);
  auto hotfixes = ports_.inventory.Hotfixes();
  if (!hotfixes) return hotfixes.status();
  d.hotfixes = std::move(*hotfixes);

  auto frameworks = ports_.aspnet.Frameworks();
  if (!frameworks) return frameworks.status();
  const FrameworkInfo* fw10 = nullptr;  // in *frameworks, read in place
  for (const FrameworkInfo& fw : *frameworks) {
    // The processModel password is not copied: it may be clear text.
    d.frameworks.push_back({fw.version, fw.tools_present, fw.process_model.user_name});
    if (fw.version == kFramework10) fw10 = &fw;
  }
  auto apps = ports_.aspnet.Applications();
  if (!apps) return apps.status();
  for (const ApplicationInfo& app : *apps) {
    if (app.framework_version == kFramework10) d.applications_on_10.push_back(app);
  }
  // w3wp.exe runs each application as its pool's identity: read, not assumed to be NETWORK SERVICE.
  if (d.web_server.kind == WebServerKind::kIis60 && !d.web_server.iis5_isolation_mode)
    d.app_pools = ReadAppPools(ports_.inventory, d.applications_on_10);

  if (fw10) {
    // A recreate's profile-loading logon is a new account's, to which the present one's entry is another SID's.
    const NewProfileOwner owner =
        options_.strategy == Strategy::kRecreate ? NewProfileOwner::kNewAccount : NewProfileOwner::kPresentAccount;
    auto worker = ReadWorkerIdentity(ports_, fw10->process_model, d.os.computer_name, owner, d.notes);
    if (!worker) return worker.status();
    d.worker = std::move(*worker);
    const std::string& pw = fw10->process_model.password;
    const bool autogenerate = IsAutoGeneratePassword(pw);
    d.worker.own_password = d.worker.kind == WorkerKind::kMachineAccount && !autogenerate;
    // The policy is read only for a blank password, the one it governs.
    auto blank = WorkerPasswordBlank(ports_.secrets, d.worker, fw10->process_model);
    if (!blank) return blank.status();
    if (*blank) {
      auto limits = ReadBlankPasswordLimit(ports_.policy, "the password the worker logs on with is blank");
      if (!limits) return limits.status();
      d.worker.blank_password_refused = *limits;
    }
    auto start = ReadWorkerPreconditions(ports_, d.worker, d.web_server, autogenerate);
    if (!start) return start.status();
    d.worker_start = std::move(*start);
    const bool in_aspnet_wp = ServedByAspNetWp(d.web_server);
    // A deleted ASPNET is the account aspnet_regiis -i will make, in the groups every new account
    // joins: a deny one of them holds on a folder would stop it too, so the one refusal names it.
    const bool recreated = !d.worker.exists && d.worker.kind == WorkerKind::kMachineAccount;
    if (in_aspnet_wp && (d.worker.exists || recreated) && d.worker.local && d.worker.kind != WorkerKind::kLocalSystem) {
      auto access = ReadWorkerFolderAccess(ports_.security, d.worker, {d.os.windows_folder, fw10->folder},
                                           d.applications_on_10, d.notes);
      if (!access) return access.status();
      for (Precondition& p : *access) {
        // What register grants is aspnet_regiis -i's too, the step the refusal advises first.
        if (d.worker.exists || p.remedy == Remedy::kRefused) d.worker_start.push_back(std::move(p));
      }
    }
    auto session = ReadSessionStateService(ports_.services, d.applications_on_10);
    if (!session) return session.status();
    if (*session) d.worker_start.push_back(std::move(**session));
    auto sql = ReadSqlSessionState(ports_.security, d.applications_on_10);
    if (!sql) return sql.status();
    if (*sql) d.worker_start.push_back(std::move(**sql));
    if (d.worker.exists) {
      // A log that cannot be read counts as no mark and no error event.
      if (auto application_log = ports_.events.Read("Application")) {
        d.fixed_by_this_tool = FixerMarkIn(*application_log, d.worker.sid);
        d.worker_error = NewestWorkerError(*application_log);
      }
    }
  } else {
    // No ASP.NET 1.0, no processModel of it to name a worker: none is read (d.worker.read false),
    // though ASP.NET 1.1's aspnet_regiis -i may have made ASPNET.
    d.worker = WorkerIdentity{};
  }
  // Without ASP.NET 1.0 no page is on it; a request's note would name its default worker.
  const ProbeWorker probe_worker{.account = d.worker.read ? d.worker.account : std::string(kMachineWorkerAccount),
                                 .shared_aspnet_wp = fw10 != nullptr && ServedByAspNetWp(d.web_server),
                                 .has_lockout_counter = !d.worker.read || !d.worker.local || d.worker.exists};
  d.symptom = ProbeApplications(ports_.web, d.applications_on_10, probe_worker, d.probes, d.notes);
  // The error the probe's own request made the worker write is its newest: the diagnosis reads it
  // as it reads one already in the log (a 1007 names the password: 1326).
  if (fw10 && d.worker.exists) {
    if (auto probed = ProbesWorkerError(d.probes)) d.worker_error = std::move(probed);
  }
  if (d.worker.exists && d.worker.kind != WorkerKind::kLocalSystem) {
    auto scope = ReadFixScope(ports_, d.worker, d.os.computer_name);
    if (!scope) return scope.status();
    d.scope = std::move(*scope);
    for (std::string& note : OldSidNotes(d.worker, d.scope.old_sids)) d.notes.push_back(std::move(note));
  }
  if (Status st = NoteTakenProfileFolder(ports_, options_.strategy, d); !st.ok()) return st;
  DecideVerdict(d);  // reads no port; its notes name the scope's deny ACEs
  // Only where a repair would run: elsewhere no step needs them. A deleted ASPNET is refused
  // (account-exists) until aspnet_regiis -i makes it again, and the repair of the run after that
  // needs them as much: read now, so the one refusal names them too.
  if (d.affected() && d.worker.local && d.worker.kind == WorkerKind::kMachineAccount) {
    std::vector<std::string> services_to_stop = d.scope.services_to_stop;
    const std::vector<std::string> going_on = AdvisedToGoOn(d);
    if (!d.worker.exists || !going_on.empty()) {
      auto services = ReadServicesToStop(ports_.services, going_on);
      if (!services) return services.status();
      services_to_stop = std::move(services->order);
    }
    auto needs = ReadRepairPreconditions(ports_, d.worker, services_to_stop, d.os.computer_name);
    if (!needs) return needs.status();
    d.repair_needs = std::move(*needs);
    // Each framework has its own machine.config: 1.0's is read above, the others' here.
    auto others = ReadOtherFrameworkPasswords(ports_.aspnet, *frameworks, *apps, d.worker.account, d.os.computer_name,
                                              WorkerPasswordNowOf(ports_.secrets, d));
    if (!others) return others.status();
    std::move(others->begin(), others->end(), std::back_inserter(d.repair_needs));
  } else if (d.affected() && d.worker.local && d.worker.kind != WorkerKind::kMachineAccount) {
    // The plan refuses (custom-account) and advises a profile logon by hand: what it needs is named
    // in the same refusal, before that logon, so it works as typed.
    auto needs = ReadProfileLogonNeeds(ports_, d.worker, d.os.computer_name);
    if (!needs) return needs.status();
    d.repair_needs = std::move(*needs);
  }
  LogDiagnosis(d);
  return d;
}

void Fixer::LogDiagnosis(const Diagnosis& d) {
  Log(*log_, spdlog::level::info, FMT_COMPILE("diagnosis: {} on {} SP{}, {}; worker {} ({}); verdict {}"),
      d.os.computer_name, ToString(d.os.edition), d.os.service_pack, WebServerText(d.web_server.kind), d.worker.account,
      ToString(d.worker.kind), ToString(d.verdict));
  for (const auto& m : d.missing) Log(*log_, spdlog::level::info, FMT_COMPILE("  missing: {}"), m);
  for (const auto& n : d.notes) Log(*log_, spdlog::level::info, FMT_COMPILE("  note: {}"), n);
  if (const Precondition* p = d.FirstFailingPrecondition())
    Log(*log_, spdlog::level::info, FMT_COMPILE("  worker start: {}"), FailsFirst(d, *p, p->detail));
}

}  // namespace fixer
