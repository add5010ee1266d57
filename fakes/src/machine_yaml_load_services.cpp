// Machine state files: services and SQL Server.
#include <algorithm>
#include <map>

#include "fakes/scm.h"
#include "fakes/sql.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "machine_yaml_load.h"
#include "machine_yaml_names.h"

namespace fakes::yaml {
namespace {

// The SID a database user's `login:` names: a SQL login of that name first (its stored SID,
// which an orphaned login keeps), else a Windows principal or SID string.
fixer::Sid LoginSid(LoadContext& c, const Field& f) {
  const std::string text = f.Str();
  if (const fixer::SqlLogin* l = c.st().sql.logins.FindName(text)) return l->sid;
  return c.Principal(f);
}

bool Started(fixer::ServiceState s) { return s == fixer::ServiceState::kRunning || s == fixer::ServiceState::kPaused; }

// The SCM starts a service's dependencies before it and stops its dependents before it
// (StartService answers 1068 ERROR_SERVICE_DEPENDENCY_FAIL when one cannot start; `net stop
// iisadmin` stops W3SVC first), so no machine has a started (running or paused) service whose
// dependency is stopped or not installed [Service Dependencies]. Such a file is an error at the
// dependent's state, or where the file stops or removes the dependency.
void CheckDependenciesStarted(const NamedList<fixer::ServiceInfo>& services,
                              const std::map<std::string, Field, std::less<>>& written) {
  auto where = [&](const std::string& name) -> const Field* {
    auto it = written.find(fixer::FoldWindowsName(name));
    return it == written.end() ? nullptr : &it->second;
  };
  for (const fixer::ServiceInfo& svc : services.items()) {
    if (!Started(svc.state)) continue;
    for (const std::string& dependency : svc.dependencies) {
      const fixer::ServiceInfo* dep = services.FindName(dependency);
      if (dep && Started(dep->state)) continue;
      const Field* at = where(svc.name);
      if (!at) at = where(dependency);
      if (!at) continue;  // neither written in the file: the install's own, consistent
      at->Fail(fixer::QuotedValue(svc.name) + " is " + std::string(fixer::ToString(svc.state)) + " but depends on " +
               fixer::QuotedValue(dependency) + ", which is " +
               (dep ? std::string(fixer::ToString(dep->state)) : std::string("not installed")) +
               ": the service control manager starts a service's dependencies first and stops its dependents "
               "first (1068 when a dependency cannot start), so no machine is in that state");
    }
  }
}

}  // namespace

void LoadServices(LoadContext& c, const Field& f) {
  std::vector<std::pair<Field, std::string>> dependencies_to_check;  // fresh: after all are in
  NamedList<fixer::ServiceInfo>& services = c.st().services;
  std::map<std::string, Field, std::less<>> written;  // folded name -> where the file sets its state
  for (const Entry& e : NamedEntries(f, "service")) {
    written.insert_or_assign(fixer::FoldWindowsName(e.key), e.key_field);
    MapFields m(e.value, {"display_name", "state", "start_type", "account", "dependencies", "absent"});
    if (c.full) c.OnlyInFresh(m, {"absent"}, "leave the service out");
    const fixer::ServiceInfo* installed = c.full ? nullptr : services.FindName(e.key);
    if (auto absent = m.Get("absent")) {
      if (m.entries().size() > 1) absent->Fail("absent: true takes no other keys");
      if (absent->Bool() && installed) {
        services.erase(installed);
      }
      continue;
    }
    // A service of its own (or every service, in the saved form), or one installed, changed.
    fixer::ServiceInfo svc = installed ? *installed : fixer::ServiceInfo{.name = e.key, .display_name = e.key};
    // States are facts of the file: set directly, not through start/stop rules.
    if (auto v = m.Get("display_name")) svc.display_name = v->Str();
    if (auto v = m.Get("state")) {
      svc.state = ParseEnum(*v, std::span(kServiceStateNames), "service state");
      written.insert_or_assign(fixer::FoldWindowsName(e.key), *v);
    }
    if (auto v = m.Get("start_type")) svc.start_type = ParseEnum(*v, std::span(kStartTypeNames), "start type");
    if (auto v = m.Get("account")) svc.account = v->Str();
    if (auto v = m.Get("dependencies")) {
      svc.dependencies.clear();
      for (const Field& item : v->Items()) {
        svc.dependencies.push_back(item.Str());
        dependencies_to_check.emplace_back(item, item.Str());
      }
    }
    // Replaced, not written in place: its dependencies may change (NamedList::generation).
    if (installed) {
      services.Replace(static_cast<size_t>(installed - services.items().data()), std::move(svc));
    } else {
      services.push_back(std::move(svc));
    }
  }
  if (c.full) return;  // the saved form is taken as it is
  for (const auto& [field, name] : dependencies_to_check) {
    if (!services.FindName(name)) field.Fail("depends on " + fixer::QuotedValue(name) + ", which is not installed");
  }
  CheckDependenciesStarted(services, written);
}

void LoadSql(LoadContext& c, const Field& f) {
  MapFields m(f, {"installed", "databases", "logins", "users"});
  SqlServerState& sql = c.st().sql;
  // Describing a SQL Server means it is installed, unless the file says otherwise.
  sql.installed = m.Get("installed") ? m.Get("installed")->Bool() : true;
  if (auto v = m.Get("databases")) {
    for (const Field& item : v->Items()) {
      const std::string db = item.Str();
      if (sql.databases.FindName(db)) item.Fail("database " + fixer::QuotedValue(db) + " is listed twice");
      sql.databases.push_back(db);
    }
  }
  if (auto v = m.Get("logins")) {
    for (const Field& item : v->Items()) {
      MapFields lm(item, {"name", "sid", "server_roles", "default_database"});
      const Field name_field = lm.Require("name");
      fixer::SqlLogin login;
      login.name = name_field.Str();
      // A Windows login stores the SID of its account; `sid:` gives an orphaned one.
      login.sid = c.Principal(lm.Get("sid") ? *lm.Get("sid") : name_field);
      if (auto r = lm.Get("server_roles")) login.server_roles = r->StrList();
      if (auto d = lm.Get("default_database")) login.default_database = d->Str();
      if (sql.logins.FindName(login.name))
        name_field.Fail("login " + fixer::QuotedValue(login.name) + " is listed twice");
      if (c.full) {
        sql.logins.push_back(std::move(login));
      } else {
        c.Check(SqlServer(c.machine).CreateLogin(login), name_field,
                "creating login " + fixer::QuotedValue(login.name));
      }
    }
  }
  if (auto v = m.Get("users")) {
    for (const Field& item : v->Items()) {
      MapFields um(item, {"database", "name", "login", "roles"});
      fixer::SqlDbUser user;
      const Field db_field = um.Require("database");
      user.database = db_field.Str();
      const Field name_field = um.Require("name");
      user.name = name_field.Str();
      user.login_sid = LoginSid(c, um.Require("login"));
      if (auto r = um.Get("roles")) user.roles = r->StrList();
      if (!sql.databases.FindName(user.database)) {
        db_field.Fail("no database named " + fixer::QuotedValue(user.database) + " (list it under databases)");
      }
      // The file's users are checked here; CreateDbUser checks again against the machine's.
      if (sql.users.FindName({user.database, user.name})) {
        name_field.Fail("user " + fixer::QuotedValue(user.name) + " of " + fixer::QuotedValue(user.database) +
                        " is listed twice");
      }
      if (c.full) {
        sql.users.push_back(std::move(user));
      } else {
        c.Check(SqlServer(c.machine).CreateDbUser(user), name_field, "creating user " + fixer::QuotedValue(user.name));
      }
    }
  }
}

}  // namespace fakes::yaml
