// The web stack model: one local request, from the listening server to a started worker.
#include "fakes/web_stack.h"

#include <utility>

#include <fmt/format.h>

#include "fakes/app_pools.h"
#include "fakes/aspnet_setup.h"
#include "fakes/event_log.h"
#include "fakes/hotfix_catalog.h"
#include "fakes/modelling_choices.h"
#include "fakes/objects.h"
#include "fakes/paths.h"
#include "fakes/profiles.h"
#include "fakes/scm.h"
#include "fixer/name_case.h"
#include "fixer/text.h"
#include "web_stack_detail.h"

namespace fakes {

std::string_view ToString(WorkerHost host) {
  switch (host) {
    case WorkerHost::kNone: return "none";
    case WorkerHost::kAspNetWp: return "aspnet_wp.exe";
    case WorkerHost::kW3wp: return "w3wp.exe";
    case WorkerHost::kCassini: return "Cassini (WebServer.exe)";
    case WorkerHost::kInetinfo: return "inetinfo.exe";
  }
  return "?";
}

bool Condition::Is(std::string_view kind) const {
  if (id == kind) return true;
  return id.size() > kind.size() && id.compare(0, kind.size(), kind) == 0 && id[kind.size()] == ':';
}

const Condition* RequestExplanation::FirstFailure() const {
  for (const auto& c : conditions)
    if (!c.passed) return &c;
  return nullptr;
}

std::string RequestExplanation::Cause() const {
  const Condition* c = FirstFailure();
  return c == nullptr ? std::string() : c->detail;
}

const Condition* RequestExplanation::Find(std::string_view id) const {
  for (const auto& c : conditions)
    if (c.id == id) return &c;
  return nullptr;
}

namespace {

using detail::FailureKind;
using detail::Worker;

Condition Check(std::string id, std::string name, bool passed, std::string detail) {
  return {std::move(id), std::move(name), passed, std::move(detail)};
}

// "/LM/W3SVC/1/ROOT/app" -> "/app", as ASP.NET names the application on its error pages.
std::string VirtualPath(const std::string& path) {
  const std::string folded = fixer::FoldWindowsName(path);
  if (folded.rfind("/lm/w3svc/", 0) == 0) {
    auto root = folded.find("/root");
    if (root != std::string::npos) {
      std::string rest = path.substr(root + 5);
      return rest.empty() ? "/" : rest;
    }
  }
  return path;
}

// What a browser gets when nothing listens on the site's port (no web server, W3SVC stopped,
// Cassini not running): the connection is refused, WSAECONNREFUSED, not a service-control error
// (docs/windows-reference.md#web-requests).
fixer::Status NothingListens() { return fixer::Status::Win(fixer::kWsaConnectionRefused); }

class RequestRun {
 public:
  // `effects`: false for a probe, which changes nothing (WebStack::Probe). `explain`: false when
  // only the answer is wanted (WebStack::Answer): a passed condition's texts are not built.
  RequestRun(fakes::Machine& m, RequestExplanation& r, bool effects, bool explain)
      : m_(m), r_(r), effects_(effects), conditions_(r.conditions, explain) {}

  void Run() {
    r_.web_server = m_.state().products.web.kind;
    if (r_.web_server == fixer::WebServerKind::kNone) {
      Add(Check(std::string(condition::kWebServer), "a web server is installed", false,
                std::string(fixer::ToString(m_.state().products.os.edition)) +
                    " has no web server installed, so nothing listens"));
      r_.connect_error = NothingListens();
      return;
    }
    Note(true, [&] {
      return Check(std::string(condition::kWebServer), "a web server is installed", true,
                   std::string(fixer::ToString(r_.web_server)) + " is installed");
    });
    if (r_.web_server == fixer::WebServerKind::kCassini) {
      ServeCassini();
    } else {
      ServeIis();
    }
  }

 private:
  void Add(Condition c) { conditions_.Add(std::move(c)); }
  template <class Make>
  void Note(bool passed, const Make& make) {
    conditions_.Note(passed, make);
  }
  // Records the first reason the worker cannot start.
  void Fail(FailureKind kind, uint32_t code) {
    if (!failure_) failure_ = std::make_pair(kind, code);
  }

  bool ServiceRunning(const std::string& name) {
    const fixer::ServiceInfo* svc = std::as_const(scm_).Find(name);
    if (svc == nullptr) {
      Add(Check(std::string(condition::kServiceRunning) + ":" + name, name + " running", false,
                name + " is not installed"));
      r_.connect_error = NothingListens();
      return false;
    }
    const bool running = svc->state == fixer::ServiceState::kRunning;
    Note(running, [&] {
      return Check(std::string(condition::kServiceRunning) + ":" + name, name + " running", running,
                   svc->display_name + " (" + name + ") is " + std::string(fixer::ToString(svc->state)));
    });
    if (!running) r_.connect_error = NothingListens();
    return running;
  }

  const fixer::ApplicationInfo* FindApplication() {
    if (const fixer::ApplicationInfo* found = m_.state().products.applications.FindName(r_.application)) {
      const fixer::ApplicationInfo& app = *found;
      Note(true, [&] {
        return Check(
            std::string(condition::kApplication), "application configured", true,
            app.path + " is an application at " + app.physical_path + ", mapped to ASP.NET " + app.framework_version);
      });
      r_.framework_version = app.framework_version;
      return &app;
    }
    Add(Check(std::string(condition::kApplication), "application configured", false,
              r_.application + " is not an application of this web server"));
    return nullptr;
  }

  const fixer::FrameworkInfo* FindFramework(const fixer::ApplicationInfo& app) {
    for (const auto& fw : m_.state().products.frameworks) {
      if (fw.version != app.framework_version) continue;
      Note(fw.tools_present, [&] {
        return Check(std::string(condition::kFramework), "ASP.NET " + fw.version + " installed", fw.tools_present,
                     fw.tools_present ? "ASP.NET " + fw.version + " is installed"
                                      : "the files of ASP.NET " + fw.version +
                                            " (mscorlib.dll) are missing, so the runtime cannot load");
      });
      if (!fw.tools_present) Fail(FailureKind::kStart, fixer::kErrorFileNotFound);
      return &fw;
    }
    Add(Check(std::string(condition::kFramework), "ASP.NET " + app.framework_version + " installed", false,
              app.path + " is mapped to ASP.NET " + app.framework_version + ", which is not installed"));
    return nullptr;
  }

  // A folder the worker needs, and the access it needs there.
  struct FolderNeed {
    fixer::ObjectRef ref;
    uint32_t mask;
    std::string_view access;
  };

  void CheckAccess(const Worker& w, const fixer::ApplicationInfo& app) {
    fakes::ObjectStore objects(m_);
    constexpr auto kFile = fixer::ObjectNamespace::kFile;
    std::string framework_dir = fakes::AspNetSetup(m_).FrameworkDir(app.framework_version);
    const std::string root = fakes::SystemRoot(m_.state());
    // Full Control is what setup grants (KB 811320); read, write and delete is what the worker
    // uses, so Modify is the mask we require. Read on the global assembly cache and System32 too
    // (KB 811320, MSDN's ASP.NET ACLs). Each path is made once, in its ObjectRef.
    const FolderNeed needs[] = {
        {{kFile, fakes::JoinPath(framework_dir, "Temporary ASP.NET Files")}, fixer::kFileModify, "modify"},
        {{kFile, fakes::JoinPath(root, "Temp")}, fixer::kFileModify, "modify"},
        {{kFile, std::move(framework_dir)}, fixer::kFileGenericRead, "read"},
        {{kFile, fakes::JoinPath(root, "assembly")}, fixer::kFileGenericRead, "read"},
        {{kFile, fakes::JoinPath(root, "System32")}, fixer::kFileGenericRead, "read"},
        {{kFile, app.physical_path}, fixer::kFileGenericRead, "read"},
    };
    const auto sids = w.token->AllSids();
    CheckFolders(w, objects, needs, sids);
    // Its profile folder, read and write (MSDN's ASP.NET ACLs), where it had one on disk.
    const fakes::ProfileEntry* profile = fakes::ProfileStore(m_).Find(w.token->user);
    if (profile != nullptr && !w.profile_made_now) {
      const fixer::ObjectRef folder{kFile, profile->path};
      if (objects.Exists(folder)) {
        const FolderNeed need[] = {{folder, fixer::kFileGenericRead | fixer::kFileGenericWrite, "read and write"}};
        CheckFolders(w, objects, need, sids);
      }
    }
  }

  template <class Needs>
  void CheckFolders(const Worker& w, const fakes::ObjectStore& objects, const Needs& needs,
                    const std::vector<fixer::Sid>& sids) {
    for (const auto& need : needs) {
      const std::string& path = need.ref.path;
      const bool ok = objects.AccessAllowed(need.ref, sids, need.mask);  // false for a missing object
      const bool exists = ok || objects.Exists(need.ref);
      Note(ok, [&] {
        std::string detail = exists ? fixer::Text(FMT_COMPILE("{} {} {} access to {}"), w.identity,
                                                  ok ? "may" : "is denied", need.access, path)
                                    : path + " does not exist";
        return Check(fixer::Text(FMT_COMPILE("{}:{}"), condition::kAcl, path),
                     fixer::Text(FMT_COMPILE("{} {}"), need.access, path), ok, std::move(detail));
      });
      if (!ok) Fail(FailureKind::kStart, fixer::kErrorAccessDenied);
    }
  }

  // The MS03-032 mechanism: every installed component whose build fails without a profile is
  // loaded into the worker, and fails there when its identity has no profile.
  void CheckProfileSensitiveComponents(const Worker& w) {
    const std::vector<fakes::FileOnDiskRef> files = fakes::FileRefsOnDisk(m_.state());
    const fakes::ProfileEntry* entry = fakes::ProfileStore(m_).Find(w.token->user);
    // An entry whose folder is gone gives the component no profile to use.
    const bool stale = entry != nullptr && !fakes::ProfileFolderExists(m_.state(), *entry);
    bool any = false;
    for (const auto& f : files) {
      const fakes::UpdatedComponent& c = *f.component;
      if (!c.fails_without_profile) continue;
      any = true;
      fakes::RelyOn("choice-urlmon-flaw");
      if (stale) fakes::RelyOn("choice-stale-profile-entry");
      const bool ok = w.token->profile_loaded || (entry != nullptr && !stale);
      Note(ok, [&] {
        const auto or_else = [&](std::string_view otherwise) {
          return w.no_profile_because.empty() ? otherwise : std::string_view(w.no_profile_because);
        };
        std::string detail;
        if (w.token->profile_loaded) {
          detail = fixer::Text(FMT_COMPILE("{} {} from {} needs a user profile: {}"), c.file, c.version, *f.hotfix_id,
                               w.profile_loaded_because);
        } else if (entry != nullptr && !stale) {
          detail = fixer::Text(FMT_COMPILE("{} {} from {} needs a user profile: {} has one ({}), although {}"), c.file,
                               c.version, *f.hotfix_id, w.identity, entry->path, or_else("nothing loads it"));
        } else if (stale) {
          detail = fixer::Text(FMT_COMPILE("{} {} from {} fails in {} because its identity has no user profile: the "
                                           "ProfileList entry of {} names {}, a folder that does not exist, and {}"),
                               c.file, c.version, *f.hotfix_id, r_.host_process, w.identity, entry->path,
                               or_else("nothing creates one"));
        } else {
          detail = fixer::Text(
              FMT_COMPILE("{} {} from {} fails in {} because its identity has no user profile: {} has none, and {}"),
              c.file, c.version, *f.hotfix_id, r_.host_process, w.identity, or_else("nothing creates one"));
        }
        return Check(fixer::Text(FMT_COMPILE("{}:{}"), condition::kProfileSensitive, c.file),
                     fixer::Text(FMT_COMPILE("{} loads in {}"), c.file, r_.host_process), ok, std::move(detail));
      });
      // [I] E_ACCESSDENIED: without a profile, per-user paths fall back to Default User.
      if (!ok) Fail(FailureKind::kStart, fixer::kErrorAccessDenied);
    }
    if (any || !conditions_.explain()) return;  // the condition below always passes
    std::string installed;
    for (const auto& f : files)
      installed += fixer::Text(FMT_COMPILE("{}{} {} from {}"), installed.empty() ? std::string_view() : ", ",
                               f.component->file, f.component->version, *f.hotfix_id);
    Add(Check(std::string(condition::kProfileSensitive), "components that fail without a profile", true,
              installed.empty()
                  ? "no installed update put a component that fails without a user profile"
                  : "no installed component fails without a user profile (updated files: " + installed + ")"));
  }

  // SQLServer mode keeps sessions in the ASPState database InstallSqlState.sql makes (KB 317604); the
  // fake's SQL Server runs when installed, so what it lacks is the server or that database.
  void CheckSqlSessionState(const fixer::ApplicationInfo& app) {
    const fakes::SqlServerState& sql = m_.state().sql;
    const bool there = sql.installed && sql.databases.FindName(std::string_view(kAspStateDatabase)) != nullptr;
    Note(there, [&] {
      return Check(std::string(condition::kSessionState), "ASPState database reachable", there,
                   !sql.installed ? "no SQL Server is installed; " + app.path + " keeps its session state in one"
                                  : "SQL Server has no ASPState database (InstallSqlState.sql makes it); " + app.path +
                                        " keeps its session state there");
    });
    if (!there) r_.response = {500, SqlSessionStateErrorPage(VirtualPath(app.path))};
  }

  void CheckSessionState(const fixer::ApplicationInfo& app) {
    if (app.session_state == fixer::SessionStateMode::kSqlServer) return CheckSqlSessionState(app);
    if (app.session_state != fixer::SessionStateMode::kStateServer) return;
    const fixer::ServiceInfo* svc = std::as_const(scm_).Find("aspnet_state");
    const bool running = svc != nullptr && svc->state == fixer::ServiceState::kRunning;
    Note(running, [&] {
      return Check(std::string(condition::kSessionState), "aspnet_state running", running,
                   svc == nullptr
                       ? std::string("the ASP.NET State Service (aspnet_state) is not installed")
                       : "the ASP.NET State Service (aspnet_state) is " + std::string(fixer::ToString(svc->state)) +
                             "; " + app.path + " keeps its session state there");
    });
    if (!running) {
      r_.response = {500, SessionStateServerErrorPage(VirtualPath(app.path))};
    }
  }

  // Checks every started worker needs, whoever hosts it; true if all passed.
  bool StartWorker(const Worker& w, const fixer::ApplicationInfo& app) {
    r_.identity = w.identity;
    if (w.failure) Fail(*w.failure, w.failure_code);
    if (!w.token) return false;
    CheckAccess(w, app);
    CheckProfileSensitiveComponents(w);
    return !failure_;
  }

  void WriteEvent(fixer::EventRecord record) {
    record.time = m_.Now();
    // A failed write (a fault plan) loses the entry, as a full event log would.
    if (!effects_ || fakes::EventLogs(m_).Write(record).ok()) r_.event = std::move(record);
  }

  void ServeIis() {
    if (!ServiceRunning("IISADMIN") || !ServiceRunning("W3SVC")) return;
    r_.listening = true;
    const fixer::ApplicationInfo* app = FindApplication();
    if (app == nullptr) {
      r_.response = {404, PageNotFoundPage()};
      return;
    }
    const fixer::FrameworkInfo* fw = FindFramework(*app);
    if (fw == nullptr) {
      r_.response = {500, detail::ModuleNotFoundPage()};
      return;
    }
    const auto& web = m_.state().products.web;
    const bool w3wp = web.kind == fixer::WebServerKind::kIis60 && !web.iis5_isolation_mode;
    r_.host = w3wp ? WorkerHost::kW3wp : fw->process_model.enable ? WorkerHost::kAspNetWp : WorkerHost::kInetinfo;
    r_.host_process = std::string(ToString(r_.host));
    Worker w = w3wp ? detail::AppPoolIdentity(m_, app->path, conditions_)
                    : detail::ProcessModelIdentity(m_, *fw, conditions_, effects_);
    if (StartWorker(w, *app)) {
      r_.worker_started = true;
      Respond(*app);
      return;
    }
    const std::string& cause = r_.FirstFailure()->detail;  // a failure always adds its failed condition
    const auto [kind, code] = *failure_;
    if (w3wp) {
      r_.response = {503, ServiceUnavailablePage()};
      // Process ids are not modelled: a deterministic stand-in.
      fakes::RelyOn("choice-pid");
      const auto pid = static_cast<uint32_t>(1000 + 4 * m_.state().events.size());
      const std::string pool = fakes::AppPoolOf(m_.state(), app->path);
      if (kind == FailureKind::kCredentials) WriteEvent(detail::AppPoolIdentityInvalidEvent(pool, cause));
      if (kind == FailureKind::kStart) WriteEvent(detail::W3wpTerminatedEvent(pool, pid, code, cause));
    } else {
      r_.response = {503, ServerApplicationUnavailablePage()};
      WriteEvent(kind == FailureKind::kCredentials ? detail::AspNetWpBadCredentialsEvent(fw->version, cause)
                                                   : detail::AspNetWpStartFailedEvent(fw->version, code, cause));
    }
  }

  void ServeCassini() {
    r_.host = WorkerHost::kCassini;
    r_.host_process = std::string(ToString(r_.host));
    Worker w = detail::InteractiveUserIdentity(m_, conditions_);
    if (!w.token) {
      r_.connect_error = NothingListens();
      return;
    }
    r_.listening = true;
    const fixer::ApplicationInfo* app = FindApplication();
    if (app == nullptr) {
      r_.response = {404, detail::CassiniNotFoundPage(VirtualPath(r_.application))};
      return;
    }
    const fixer::FrameworkInfo* fw = FindFramework(*app);
    if (fw == nullptr) {
      r_.response = {500, detail::CassiniServerErrorPage(VirtualPath(app->path), r_.Cause())};
      return;
    }
    if (!StartWorker(w, *app)) {
      // Cassini hosts ASP.NET in its own process: the failure shows as its error page, and it
      // writes no event log entry.
      r_.response = {500, detail::CassiniServerErrorPage(VirtualPath(app->path), r_.Cause())};
      return;
    }
    r_.worker_started = true;
    Respond(*app);
  }

  void Respond(const fixer::ApplicationInfo& app) {
    r_.response = {200, detail::ServedPage(app.path, r_.host_process, r_.identity)};
    CheckSessionState(app);
  }

  fakes::Machine& m_;
  RequestExplanation& r_;
  const bool effects_;
  detail::Conditions conditions_;
  fakes::Scm scm_{m_};
  std::optional<std::pair<FailureKind, uint32_t>> failure_;
};

// Room for every condition a request checks (about a score), so adding them never moves them.
constexpr size_t kConditionsReserved = 24;

// One request through RequestRun: with its effects or none, every condition or the failed ones.
RequestExplanation Explain(fakes::Machine& m, const std::string& application_path, bool effects, bool explain) {
  RequestExplanation r;
  r.application = application_path;
  r.conditions.reserve(kConditionsReserved);
  RequestRun(m, r, effects, explain).Run();
  return r;
}

}  // namespace

RequestExplanation WebStack::Request(const std::string& application_path) {
  return Explain(m_, application_path, /*effects=*/true, /*explain=*/true);
}

RequestExplanation WebStack::Probe(const std::string& application_path) {
  return Explain(m_, application_path, /*effects=*/false, /*explain=*/true);
}

RequestExplanation WebStack::Answer(const std::string& application_path) {
  return Explain(m_, application_path, /*effects=*/false, /*explain=*/false);
}

}  // namespace fakes
