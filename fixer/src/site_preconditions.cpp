// What a started ASP.NET 1.0 worker needs of each application, read before any change: read access
// to the application's folder and the ASP.NET folders, modify access to its temporary folders, and
// the ASP.NET State Service for a StateServer application. The repair grants only what register
// grants, so any other refusal is the administrator's to fix.
// docs/windows-reference.md#fixer-decisions
#include <algorithm>

#include "diagnose_parts.h"
#include "fixer/access_check.h"
#include "fixer/name_case.h"
#include "fixer/text.h"
#include "fixer/windows_names.h"
#include "fixer/worker_folders.h"
#include "service_names.h"

namespace fixer {
namespace {

// The DACL as the worker will meet it once register has added its explicit allow ACE (after the
// explicit ACEs, before the inherited ones: canonical order).
std::vector<Ace> AfterRegister(const std::vector<Ace>& dacl, const Sid& worker, uint32_t mask) {
  std::vector<Ace> after = dacl;
  auto first_inherited =
      std::find_if(after.begin(), after.end(), [](const Ace& a) { return (a.flags & kInheritedAce) != 0; });
  after.insert(first_inherited, Ace{AceType::kAllow, worker, mask, kObjectInheritAce | kContainerInheritAce});
  return after;
}

std::string MaskText(uint32_t mask) {
  const std::string_view name = MaskName(ObjectNamespace::kFile, mask);
  return name.empty() ? Text(FMT_COMPILE("0x{:x}"), mask) : std::string(name);
}

// What register's allow ACE grants, as the folder's Security tab names it, with its file rights:
// "read and execute (0x1200a9)" on the ASP.NET folder, the GAC and System32, "full control
// (0x1f01ff)" on the temporary folders (KB 811320, MSDN's ASP.NET ACLs).
std::string RegisterGrantText(uint32_t register_grants) {
  const uint32_t rights = MapGenericRights(ObjectNamespace::kFile, register_grants);
  std::string_view words = MaskName(ObjectNamespace::kFile, rights);
  if (rights == kFileAllAccess) words = "full control";
  if (rights == (kFileGenericRead | kFileGenericExecute)) words = "read and execute";
  if (rights == (kFileGenericRead | kFileGenericWrite)) words = "read and write";
  return words.empty() ? Text(FMT_COMPILE("0x{:x}"), rights) : Text(FMT_COMPILE("{} (0x{:x})"), words, rights);
}

// `p`, naming the folder or the service it is about (Precondition::subject).
Precondition OnFolder(const std::string& path, Precondition p) {
  p.subject = path;
  return p;
}
Precondition OnService(const std::string& service, Precondition p) {
  p.subject = service;
  return p;
}

// The failing precondition for `need`, or nullopt when the worker will have that access.
Result<std::optional<Precondition>> CheckFolder(Security& security, const WorkerIdentity& w, std::span<const Sid> token,
                                                const WorkerFolder& need, bool registers,
                                                std::vector<std::string>& notes) {
  const std::string id(need.precondition);
  auto sd = security.ReadSecurity({ObjectNamespace::kFile, need.path});
  if (!sd) {
    const uint32_t code = sd.status().code();
    // A DACL the caller may not read (no READ_CONTROL, not the owner) leaves that folder unjudged.
    if (code == kErrorAccessDenied) {
      notes.push_back(Text(FMT_COMPILE("the DACL of {} {} cannot be read ({}): whether the worker may {} it was not "
                                       "checked"),
                           need.what, need.path, sd.status(), need.access));
      return std::optional<Precondition>();
    }
    if (code != kErrorFileNotFound && code != kErrorPathNotFound) return sd.status();
    if (need.register_grants != 0) return std::optional<Precondition>();  // register makes the ASP.NET folders
    return std::optional<Precondition>(OnFolder(
        need.path,
        FailingPrecondition(
            id, code,
            Text(FMT_COMPILE("{} {} does not exist, and the worker must read it; the repair makes no folder there"),
                 need.what, need.path),
            Remedy::kRefused)));
  }
  AccessVerdict v = CheckAccess(*sd, token, need.mask, ObjectNamespace::kFile);
  if (v.granted) return std::optional<Precondition>();
  // Register's explicit allow mends a missing allow or an inherited deny (explicit ACEs come first)
  // where a repair runs: a precondition the repair's own step repairs.
  const bool granted_by_register = registers && need.register_grants != 0;
  if (granted_by_register) {
    sd->dacl = AfterRegister(sd->dacl, w.sid, need.register_grants);
    const AccessVerdict after = CheckAccess(*sd, token, need.mask, ObjectNamespace::kFile);
    if (after.granted) {
      const std::string found =
          v.denied_by ? Text(FMT_COMPILE("an inherited ACE denies {} {} access"),
                             WorkerTokenSidName(v.denied_by->sid, w), MaskText(v.denied_by->mask))
                      : Text(FMT_COMPILE("no ACE grants {} or a group of its token {} access (0x{:x} is not granted)"),
                             w.account, need.access, v.missing);
      return std::optional<Precondition>(OnFolder(
          need.path,
          FailingPrecondition(
              id, kErrorAccessDenied,
              Text(FMT_COMPILE("on {} {} {}; register (aspnet_regiis -i) grants {} {} there, an explicit ACE that "
                               "comes before inherited ones"),
                   need.what, need.path, found, w.account, RegisterGrantText(need.register_grants)),
              Remedy::kRepaired)));
    }
    v = after;
  }
  if (v.denied_by) {
    const Ace& deny = *v.denied_by;
    // A deny that names only some of the wanted bits (write's READ_CONTROL and SYNCHRONIZE, which
    // reading needs too) says which, or it reads as a deny of something else.
    const uint32_t wanted = MapGenericRights(ObjectNamespace::kFile, need.mask);
    const uint32_t shared = MapGenericRights(ObjectNamespace::kFile, deny.mask) & wanted;
    const std::string which =
        shared == wanted ? std::string() : Text(FMT_COMPILE(" (0x{:x} of it is {} access too)"), shared, need.access);
    Precondition denied = OnFolder(
        need.path,
        FailingPrecondition(
            id, kErrorAccessDenied,
            Text(FMT_COMPILE("an {} ACE on {} {} denies {} {} access{}, and the worker must {} that folder{}; the "
                             "repair changes no ACE there{}, and that deny is the administrator's"),
                 (deny.flags & kInheritedAce) != 0 ? "inherited" : "explicit", need.what, need.path,
                 WorkerTokenSidName(deny.sid, w), MaskText(deny.mask), which, need.access,
                 w.exists ? "" : Text(FMT_COMPILE(" (the {} aspnet_regiis -i makes is in that group)"), w.account),
                 granted_by_register ? " but register's allow, which a deny outranks" : ""),
            Remedy::kRefused));
    denied.denied_to = WorkerTokenSidName(deny.sid, w);
    return std::optional<Precondition>(std::move(denied));
  }
  return std::optional<Precondition>(OnFolder(
      need.path,
      FailingPrecondition(
          id, kErrorAccessDenied,
          Text(FMT_COMPILE(
                   "no ACE on {} {} grants {} or a group of its token {} access (0x{:x} is not granted), and the "
                   "worker must {} that folder; the repair grants nothing there"),
               need.what, need.path, w.account, need.access, v.missing, need.access),
          Remedy::kRefused)));
}

}  // namespace

Result<std::vector<Precondition>> ReadWorkerFolderAccess(Security& security, const WorkerIdentity& w,
                                                         const FolderPlaces& places,
                                                         const std::vector<ApplicationInfo>& apps,
                                                         std::vector<std::string>& notes) {
  const std::vector<Sid> token = WorkerTokenSids(w);
  // Register grants ASPNET its folders, whichever processModel setting names that account.
  const bool registers = w.local && SameWindowsName(w.account, kMachineWorkerAccount);
  std::vector<WorkerFolder> needs = FoldersTheWorkerNeeds(places.windows_folder, places.framework_folder, apps);
  // Its profile folder, read and write (MSDN's ASP.NET ACLs), where it has one: register grants
  // that there; a profile create-profile makes is the account's own, full control.
  if (w.has_profile && !w.profile_path.empty()) {
    needs.push_back({w.profile_path, kFileGenericRead | kFileGenericWrite, "read and write",
                     kFileGenericRead | kFileGenericWrite, "its profile folder", kAspNetFolderAccess});
  }
  // Every folder that fails, in the order the worker meets them, so one refusal names them all; a
  // folder two applications share is judged once. Listed only when it fails: nothing else reads them.
  std::vector<Precondition> failing;
  std::vector<std::string> judged;
  for (const WorkerFolder& need : needs) {
    const bool seen = std::any_of(judged.begin(), judged.end(),
                                  [&](const std::string& path) { return SameWindowsName(path, need.path); });
    if (seen) continue;
    judged.push_back(need.path);
    auto fails = CheckFolder(security, w, token, need, registers, notes);
    if (!fails) return fails.status();
    if (*fails) failing.push_back(std::move(**fails));
  }
  return failing;
}

namespace {

// "/LM/W3SVC/1/ROOT/a keeps its" or "/LM/W3SVC/1/ROOT/a and /LM/W3SVC/1/ROOT/b keep their": every
// application of that mode, so the advice names each one the cause fails.
struct ModeApplications {
  std::string paths;    // "/LM/W3SVC/1/ROOT/a, /LM/W3SVC/1/ROOT/b and /LM/W3SVC/1/ROOT/c"
  std::string keep;     // "keeps its" or "keep their"
  std::string answers;  // "it answers" or "they answer"
  std::string their;    // "its" or "their"
};

ModeApplications ApplicationsIn(const std::vector<ApplicationInfo>& apps, SessionStateMode mode) {
  std::vector<const ApplicationInfo*> in;
  for (const ApplicationInfo& a : apps)
    if (a.session_state == mode) in.push_back(&a);
  ModeApplications named;
  for (size_t i = 0; i < in.size(); ++i)
    named.paths += Text(FMT_COMPILE("{}{}"), i == 0 ? "" : i + 1 == in.size() ? " and " : ", ", in[i]->path);
  named.keep = in.size() == 1 ? "keeps its" : "keep their";
  named.answers = in.size() == 1 ? "it answers" : "they answer";
  named.their = in.size() == 1 ? "its" : "their";
  return named;
}

// `p`, naming the service and the applications it fails.
Precondition OnServiceFor(const std::string& service, const ModeApplications& apps, Precondition p) {
  p.applications = apps.paths;
  return OnService(service, std::move(p));
}

}  // namespace

Result<std::optional<Precondition>> ReadSqlSessionState(Security& security, const std::vector<ApplicationInfo>& apps) {
  const ModeApplications app = ApplicationsIn(apps, SessionStateMode::kSqlServer);
  if (app.paths.empty()) return std::optional<Precondition>();
  // SQLServer mode keeps sessions in the ASPState database InstallSqlState.sql makes (KB 317604), on
  // the server machine.config's sqlConnectionString names: by default this machine's (127.0.0.1).
  auto databases = security.Databases();
  if (!databases) {
    if (databases.status().code() != kErrorServiceDoesNotExist) return databases.status();
    return std::optional<Precondition>(
        OnServiceFor(kSqlServerService, app,
                     FailingPrecondition(
                         "session-state", kErrorServiceDoesNotExist,
                         Text(FMT_COMPILE("{} {} session state in SQL Server ({}), and no SQL Server is "
                                          "installed here (its service, {}), so {} 500 (\"{}\") once "
                                          "{} worker runs (whatever stops it before that); the repair installs none"),
                              app.paths, app.keep, kSqlSessionStateMode, kSqlServerService, app.answers,
                              kSqlSessionStateError, app.their),
                         Remedy::kRefused)));
  }
  const bool has_aspstate = std::any_of(databases->begin(), databases->end(),
                                        [](const std::string& db) { return SameWindowsName(db, kAspStateDatabase); });
  if (!has_aspstate) {
    return std::optional<Precondition>(OnServiceFor(
        kSqlServerService, app,
        FailingPrecondition(
            "session-state", kErrorSqlDatabaseNotFound,
            Text(FMT_COMPILE("{} {} session state in SQL Server ({}), whose databases here hold no {} (the "
                             "database InstallSqlState.sql makes, KB 317604), so {} 500 (\"{}\") once {} "
                             "worker runs (whatever stops it before that); the repair makes none"),
                 app.paths, app.keep, kSqlSessionStateMode, kAspStateDatabase, app.answers, kSqlSessionStateError,
                 app.their),
            Remedy::kRefused)));
  }
  return std::optional<Precondition>(MetPrecondition(
      "session-state",
      Text(FMT_COMPILE("SQL Server holds the {} database for the SQLServer applications"), kAspStateDatabase)));
}

Result<std::optional<Precondition>> ReadSessionStateService(ServiceControl& services,
                                                            const std::vector<ApplicationInfo>& apps) {
  const ModeApplications app = ApplicationsIn(apps, SessionStateMode::kStateServer);
  if (app.paths.empty()) return std::optional<Precondition>();
  auto info = services.Query(std::string(kAspNetState));
  if (!info) {
    if (info.status().code() != kErrorServiceDoesNotExist) return info.status();
    return std::optional<Precondition>(OnServiceFor(
        kAspNetState, app,
        FailingPrecondition(
            "session-state", kErrorServiceDoesNotExist,
            Text(FMT_COMPILE("{} {} session state in the ASP.NET State Service ({}), which is not installed, so {} "
                             "500 once {} worker runs (whatever stops it before that)"),
                 app.paths, app.keep, kAspNetState, app.answers, app.their),
            Remedy::kRefused)));
  }
  // A paused service is started, its work suspended: no 1062 "has not been started" for it, and net
  // start would answer 2182. Its number is the one a page's state request meets, 10061 (nothing
  // answers, as for a stopped one: a modelling choice, docs/windows-reference.md#services).
  if (info->state == ServiceState::kPaused) {
    return std::optional<Precondition>(OnServiceFor(
        kAspNetState, app,
        FailingPrecondition("session-state", kWsaConnectionRefused,
                            Text(FMT_COMPILE("{} {} session state in {} ({}), which is paused (started, its work "
                                             "suspended), so {} 500 once {} worker runs "
                                             "(whatever stops it before that); the repair does not let it go on"),
                                 app.paths, app.keep, info->display_name, kAspNetState, app.answers, app.their),
                            Remedy::kRefused)));
  }
  if (info->state != ServiceState::kRunning) {
    return std::optional<Precondition>(OnServiceFor(
        kAspNetState, app,
        FailingPrecondition(
            "session-state", kErrorServiceNotActive,
            Text(FMT_COMPILE("{} {} session state in {} ({}), which is {}, so {} 500 once {} worker "
                             "runs (whatever stops it before that); the repair does not start it"),
                 app.paths, app.keep, info->display_name, kAspNetState, ToString(info->state), app.answers, app.their),
            Remedy::kRefused)));
  }
  return std::optional<Precondition>(MetPrecondition(
      "session-state",
      Text(FMT_COMPILE("{} ({}) is running for the StateServer applications"), info->display_name, kAspNetState)));
}

}  // namespace fixer
