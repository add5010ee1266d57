// Machine state files: ASP.NET frameworks, hotfixes and IIS applications.
#include <algorithm>

#include "fakes/acl_inheritance.h"
#include "fakes/aspnet_setup.h"
#include "fakes/hotfix_catalog.h"
#include "fakes/objects.h"
#include "fakes/paths.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "machine_yaml_load.h"
#include "machine_yaml_names.h"

namespace fakes::yaml {
namespace {

std::string LoadFrameworkVersion(const Field& f) {
  const std::string text = f.Str();
  auto version = CanonicalFrameworkVersion(text);
  if (!version) {
    f.Fail("unknown framework version " + fixer::QuotedValue(text) + "; expected 1.0 (1.0.3705) or 1.1 (1.1.4322)");
  }
  return *version;
}

fixer::FrameworkInfo* FindFramework(MachineState& s, const std::string& version) {
  for (fixer::FrameworkInfo& fw : s.products.frameworks) {
    if (fw.version == version) return &fw;
  }
  return nullptr;
}

std::string CatalogIds() {
  std::vector<std::string_view> ids;
  for (const HotfixDefinition& h : HotfixCatalog()) ids.push_back(h.id);
  return JoinNames(ids);
}

InstalledHotfix LoadHotfixRecord(const Field& f) {
  MapFields m(f, {"id", "kb", "components"});
  InstalledHotfix h;
  h.id = m.Require("id").Str();
  if (auto kb = m.Get("kb")) h.kb = kb->Str();
  if (auto list = m.Get("components")) {
    for (const Field& item : list->Items()) {
      MapFields cm(item, {"file", "version", "fails_without_profile"});
      UpdatedComponent uc;
      uc.file = cm.Require("file").Str();
      uc.version = cm.Require("version").Str();
      if (auto v = cm.Get("fails_without_profile")) uc.fails_without_profile = v->Bool();
      h.components.push_back(std::move(uc));
    }
  }
  return h;
}

// "/LM/W3SVC/1/ROOT/shop/admin" -> "C:\Inetpub\wwwroot\shop\admin", as IIS setup lays out the
// default web site; nullopt for a path outside it.
std::optional<std::string> DefaultPhysicalPath(const MachineState& s, const std::string& path) {
  constexpr std::string_view kRoot = "/LM/W3SVC/1/ROOT";
  if (path.size() < kRoot.size() || !fixer::SameWindowsName(path.substr(0, kRoot.size()), kRoot)) {
    return std::nullopt;
  }
  std::string physical = SystemDrive(s) + "\\Inetpub\\wwwroot";
  std::string rest = path.substr(kRoot.size());
  std::replace(rest.begin(), rest.end(), '/', '\\');
  while (!rest.empty() && rest.back() == '\\') rest.pop_back();
  return physical + rest;
}

}  // namespace

// Why `path` names no application, or "": a metabase node ("/LM/W3SVC/1/ROOT/shop"), or a
// Cassini application ("/app"), is '/' then names with one '/' between them. IIS compares the names
// without case (FindName does), so "/lm/.../Shop/" or ".../ROOT//shop" would be a second spelling of
// one node; refused rather than guessed [M: choice-application-path].
std::string_view ApplicationPathProblem(std::string_view path) {
  if (!path.starts_with('/')) return "does not start with '/' (a metabase path: /LM/W3SVC/1/ROOT/shop)";
  if (path.size() > 1 && path.ends_with('/')) return "ends with '/' (name the node: /LM/W3SVC/1/ROOT/shop)";
  if (path.find("//") != std::string_view::npos) return "has an empty name between two '/'";
  if (path.find('\\') != std::string_view::npos) return "holds a '\\' (a metabase path separates names with '/')";
  return {};
}

namespace {

// A folder or metabase node an application needs, created the Windows way if it is missing.
void EnsureObject(LoadContext& c, const Field& at, fixer::ObjectNamespace ns, const std::string& path) {
  ObjectStore store(c.machine);
  const fixer::ObjectRef ref{ns, path};
  if (store.Exists(ref)) return;
  const fixer::Sid owner = fixer::Sid::Administrators();
  c.Check(store.Create(ns, path, true, owner, DaclForNewObject(c.st(), ref, true, owner)), at,
          "creating " + fixer::QuotedValue(path));
}

// True for a path under /LM/W3SVC/<n> with a site number other than 1.
bool IsOnAnotherSite(const std::string& path) {
  const std::string folded = fixer::FoldWindowsName(path);
  constexpr std::string_view kSites = "/lm/w3svc/";
  if (!folded.starts_with(kSites)) return false;
  const std::string_view site = std::string_view(folded).substr(kSites.size());
  return site.substr(0, site.find('/')) != "1";
}

}  // namespace

void LoadFrameworks(LoadContext& c, const Field& f) {
  for (const Field& item : f.Items()) {
    if (item.IsScalar() && c.full) {
      item.Fail("with base: empty a framework is a map of version, tools_present, process_model");
    }
    std::optional<MapFields> m;
    if (!item.IsScalar())
      m.emplace(item, std::initializer_list<std::string_view>{"version", "tools_present", "process_model"});
    const Field version_field = m ? m->Require("version") : item;
    const std::string version = LoadFrameworkVersion(version_field);
    if (FindFramework(c.st(), version))
      version_field.Fail("framework " + fixer::QuotedValue(version) + " is listed twice");

    // A capture lists what its machine holds, which setup on that OS may refuse to install (1.0 on
    // XP x64): kept, as the machine's own read took it (choice-captured-framework-kept).
    if (c.full) {
      if (!c.captured)
        c.Check(FrameworkInstallsOn(c.st().products.os.edition, version), version_field,
                "installing ASP.NET " + fixer::QuotedValue(version));
      c.st().products.frameworks.push_back({.version = version});
    } else {
      AspNetSetup setup(c.machine);
      c.Check(c.captured ? setup.PlaceFramework(version) : setup.InstallFramework(version), version_field,
              "installing ASP.NET " + fixer::QuotedValue(version));
    }
    fixer::FrameworkInfo* fw = FindFramework(c.st(), version);
    if (!fw) version_field.Fail("installing ASP.NET " + fixer::QuotedValue(version) + " did not record the framework");
    if (!m) continue;
    if (auto v = m->Get("tools_present")) fw->tools_present = v->Bool();
    if (auto pm = m->Get("process_model")) {
      // The <processModel> attributes, named as in machine.config.
      MapFields pmf(*pm, {"enable", "userName", "password"});
      if (auto v = pmf.Get("enable")) fw->process_model.enable = v->Bool();
      if (auto v = pmf.Get("userName")) fw->process_model.user_name = v->Str();
      if (auto v = pmf.Get("password")) fw->process_model.password = v->Str();
    }
  }
}

void LoadHotfixes(LoadContext& c, const Field& f) {
  for (const Field& item : f.Items()) {
    if (item.IsScalar()) {
      if (c.full) item.Fail("with base: empty a hotfix is a map of id, kb, components");
      const std::string id = item.Str();
      const HotfixDefinition* def = FindHotfix(id);
      if (!def && c.captured) {  // a capture lists what the machine has, catalog or not: kept as its id
        for (const InstalledHotfix& other : c.st().products.hotfixes) {
          if (fixer::SameWindowsName(other.id, id)) item.Fail("hotfix " + fixer::QuotedValue(id) + " is listed twice");
        }
        c.st().products.hotfixes.push_back({.id = id});
        continue;
      }
      if (!def) item.Fail("unknown hotfix " + fixer::QuotedValue(id) + "; the catalog knows: " + CatalogIds());
      if (IsHotfixInstalled(c.st(), def->id)) item.Fail("hotfix " + fixer::QuotedValue(def->id) + " is listed twice");
      // A capture of a machine that took the update before a later service pack, which holds newer
      // builds of its files: the machine still lists it, and its files are the service pack's.
      const fixer::OsInfo& os = c.st().products.os;
      if (c.captured && def->OlderThan(FamilyOf(os.edition), os.service_pack)) {
        c.st().products.hotfixes.push_back({.id = def->id, .kb = def->kb});
        continue;
      }
      c.Check(InstallHotfix(c.machine, id), item, "installing " + fixer::QuotedValue(id));
      continue;
    }
    InstalledHotfix h = LoadHotfixRecord(item);
    for (const InstalledHotfix& other : c.st().products.hotfixes) {
      if (fixer::SameWindowsName(other.id, h.id)) item.Fail("hotfix " + fixer::QuotedValue(h.id) + " is listed twice");
    }
    c.st().products.hotfixes.push_back(std::move(h));
  }
}

// An application's `app_pool`: the AppPoolId its metabase node sets (IIS 6.0 alone). A pool
// app_pools does not list is kept: IIS takes such an AppPoolId too, and fails the pool at the
// first request (docs/windows-reference.md#app-pool-identity).
void LoadAppPoolId(LoadContext& c, const Field& f, const std::string& path) {
  const fixer::WebServerKind kind = c.st().products.web.kind;
  if (kind != fixer::WebServerKind::kIis60) {
    f.Fail("app_pool is IIS 6.0's (Windows Server 2003) alone: " + std::string(fixer::WebServerText(kind)) +
           " has no application pools");
  }
  const std::string pool = f.Str();
  if (pool.empty()) f.Fail("app_pool is empty: name the application pool the application runs in (DefaultAppPool)");
  c.st().products.app_pool_ids[path] = pool;
}

void LoadApplications(LoadContext& c, const Field& f) {
  for (const Field& item : f.Items()) {
    MapFields m(item, {"path", "physical_path", "framework", "session_state", "app_pool"});
    const Field path_field = m.Require("path");
    fixer::ApplicationInfo app;
    app.path = path_field.Str();
    if (const std::string_view why = ApplicationPathProblem(app.path); !why.empty()) {
      path_field.Fail("application path " + fixer::QuotedValue(app.path) + " " + std::string(why));
    }
    if (c.st().products.applications.FindName(app.path)) {
      path_field.Fail("application " + fixer::QuotedValue(app.path) + " is listed twice");
    }
    // An application is a node of a web server's configuration (the IIS metabase, Cassini's
    // command line): a machine with no web server has none to hold it.
    if (c.st().products.web.kind == fixer::WebServerKind::kNone) {
      path_field.Fail("application " + fixer::QuotedValue(app.path) +
                      " needs a web server, and this machine has none (web_server: none): give web_server: cassini "
                      "or the edition's IIS");
    }
    // IIS 5.1, XP Professional's, runs a single web site: "You can have only a single Web site per
    // installation" [TechRepublic IIS 5.1] (docs/windows-reference.md#iis-51-one-site).
    if (c.st().products.web.kind == fixer::WebServerKind::kIis51 && IsOnAnotherSite(app.path)) {
      path_field.Fail("application " + fixer::QuotedValue(app.path) +
                      " is on a second web site, and IIS 5.1 (Windows XP Professional) runs one only, "
                      "/LM/W3SVC/1: give its path under /LM/W3SVC/1/ROOT");
    }
    if (auto v = m.Get("session_state")) {
      app.session_state = ParseEnum(*v, std::span(kSessionStateNames), "session state mode");
    }
    if (auto v = m.Get("app_pool")) LoadAppPoolId(c, *v, app.path);
    if (c.full) {
      if (auto v = m.Get("physical_path")) app.physical_path = v->Str();
      if (auto v = m.Get("framework")) app.framework_version = v->Str();  // as recorded, even ""
      c.st().products.applications.push_back(std::move(app));
      continue;
    }
    if (auto v = m.Get("physical_path")) {
      app.physical_path = v->Str();
    } else if (auto p = DefaultPhysicalPath(c.st(), app.path)) {
      app.physical_path = *p;
    } else {
      path_field.Fail("outside /LM/W3SVC/1/ROOT an application needs physical_path");
    }
    if (auto v = m.Get("framework")) {
      app.framework_version = LoadFrameworkVersion(*v);
      if (!FindFramework(c.st(), app.framework_version)) {
        v->Fail("framework " + fixer::QuotedValue(app.framework_version) +
                " is not installed (list it under frameworks)");
      }
    } else if (c.st().products.frameworks.empty()) {
      path_field.Fail("no framework is installed to run it (list one under frameworks)");
    } else {
      // Mapped to the newest installed framework, as setup maps new applications.
      app.framework_version = std::max_element(c.st().products.frameworks.begin(), c.st().products.frameworks.end(),
                                               [](const auto& a, const auto& b) { return a.version < b.version; })
                                  ->version;
    }
    EnsureObject(c, path_field, fixer::ObjectNamespace::kFile, app.physical_path);
    EnsureObject(c, path_field, fixer::ObjectNamespace::kMetabase, app.path);
    c.st().products.applications.push_back(std::move(app));
  }
}

}  // namespace fakes::yaml
