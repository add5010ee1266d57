// AspNetSetup: installing a .NET Framework's ASP.NET and aspnet_regiis -i on a fake machine.
//
// Choices where the sources leave room (docs/windows-reference.md#modelling-choices):
//  - The generated password: max(24, policy minimum) characters drawn uniformly from letters,
//    digits and punctuation with the machine's randomness; drawn again until the local policy
//    accepts it (at most 100 tries, then 2245).
//  - Register on an existing ASPNET keeps its SID, groups, disabled and locked-out state; only
//    the password, the two password flags, the rights and the ACLs change.
//  - Script maps: an application is remapped when its framework_version is older than the
//    version registered, comparing dotted numbers part by part ("1.0.3705" < "1.1.4322");
//    an empty version (no map of its own recorded) counts as older than any.
//  - aspnet_state (ASP.NET State Service, manual, stopped) logs on as .\ASPNET on Windows 2000
//    and XP and as NETWORK SERVICE on Server 2003 [I: fixup.cmd stops it before deleting
//    ASPNET, which only matters if it runs as that account]; register gives the SCM ASPNET's new
//    password for it, as it sets that password (the SCM keeps a service's own copy).
//  - Folders the default ACLs need are created when missing, owned by Administrators, with
//    the ACEs they would inherit from %SystemRoot%.
#include "fakes/aspnet_setup.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "fakes/lsa.h"
#include "fakes/modelling_choices.h"
#include "fakes/objects.h"
#include "fakes/os_editions.h"
#include "fakes/password_rules.h"
#include "fakes/paths.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fixer/name_case.h"
#include "fixer/ports/random.h"
#include "fixer/ports/rights.h"
#include "fixer/ports/secrets.h"
#include "service_passwords.h"

namespace fakes {
namespace {

constexpr std::string_view kAspNetFullName = "aspnet_wp account";
constexpr std::string_view kAspNetComment = "Account used for running the ASP.NET worker process (aspnet_wp.exe)";
constexpr uint32_t kInherit = fixer::kObjectInheritAce | fixer::kContainerInheritAce;
constexpr uint32_t kGenericReadExecute = fixer::kFileGenericRead | fixer::kFileGenericExecute;
constexpr int kPasswordTries = 100;

class MachineRandom : public fixer::Random {
 public:
  explicit MachineRandom(Machine& m) : m_(m) {}
  uint64_t Next() override { return m_.NextRandom(); }

 private:
  Machine& m_;
};

// Dotted version comparison, part by part as numbers; missing or non-numeric parts are 0.
int CompareVersions(std::string_view a, std::string_view b) {
  auto next = [](std::string_view& s) {
    const size_t dot = s.find('.');
    std::string_view part = s.substr(0, dot);
    s = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    uint64_t v = 0;
    std::from_chars(part.data(), part.data() + part.size(), v);
    return v;
  };
  while (!a.empty() || !b.empty()) {
    const uint64_t x = next(a), y = next(b);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

// The installed framework of `version`, or null: the one match, read-only and to change.
const fixer::FrameworkInfo* FindFramework(const MachineState& s, const std::string& version) {
  for (const fixer::FrameworkInfo& fw : s.products.frameworks)
    if (fw.version == version) return &fw;
  return nullptr;
}
fixer::FrameworkInfo* FindFramework(MachineState& s, const std::string& version) {
  return const_cast<fixer::FrameworkInfo*>(FindFramework(std::as_const(s), version));
}

// What a new object under %SystemRoot% inherits (see FreshInstall's %SystemRoot% DACL).
std::vector<fixer::Ace> InheritedSystemAces(bool container) {
  const uint32_t flags = fixer::kInheritedAce | (container ? kInherit : 0);
  return {{fixer::AceType::kAllow, fixer::Sid::Administrators(), fixer::kFileAllAccess, flags},
          {fixer::AceType::kAllow, fixer::Sid::LocalSystem(), fixer::kFileAllAccess, flags},
          {fixer::AceType::kAllow, fixer::Sid::Users(), kGenericReadExecute, flags}};
}

fixer::Status EnsureObject(Machine& m, const std::string& path, bool container) {
  ObjectStore objects(m);
  if (objects.Exists({fixer::ObjectNamespace::kFile, path})) return fixer::Status::Ok();
  return objects.Create(fixer::ObjectNamespace::kFile, path, container, fixer::Sid::Administrators(),
                        InheritedSystemAces(container));
}

// Whether the object at `path` exists and its DACL holds `ace` (compared as AddAce compares ACEs).
bool HoldsAce(const MachineState& s, const std::string& path, const fixer::Ace& ace) {
  const auto it = s.objects.find(FoldedObjectKey(fixer::ObjectNamespace::kFile, path).view());
  if (it == s.objects.end()) return false;
  const std::vector<fixer::Ace>& dacl = it->second.dacl;
  return std::find(dacl.begin(), dacl.end(), ace) != dacl.end();
}

fixer::Result<fixer::Secret> GenerateWorkerPassword(Machine& m) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&()*+,-./:;<=>?@[]^_{}~";
  const auto& policy = m.state().lsa.password_policy;
  const size_t length = std::max<size_t>(24, policy.min_length);
  const std::string name(fixer::kMachineWorkerAccount);
  Sam sam(m);
  const bool exists = sam.FindUser(name) != nullptr;
  MachineRandom random(m);
  for (int attempt = 0; attempt < kPasswordTries; ++attempt) {
    std::string clear(length, ' ');
    for (char& c : clear) c = kAlphabet[fixer::UniformBelow(random, static_cast<uint32_t>(kAlphabet.size()))];
    fixer::Secret candidate = fixer::Secret::FromString(std::move(clear));
    // An existing account is checked with its own full name and password history.
    const fixer::Status verdict =
        exists ? sam.CheckPassword(name, candidate) : CheckPasswordPolicy(policy, name, kAspNetFullName, {}, candidate);
    if (verdict.ok()) return candidate;
  }
  return fixer::Status::Win(fixer::kNerrPasswordTooShort);
}

// ASPNET with `password`: created (Users only) if absent, otherwise password and flags reset.
fixer::Result<fixer::Sid> EnsureWorkerAccount(Machine& m, const fixer::Secret& password) {
  Sam sam(m);
  const std::string name(fixer::kMachineWorkerAccount);
  if (const UserAccount* user = sam.FindUser(name); user == nullptr) {
    fixer::NewAccount spec{.name = name,
                           .full_name = std::string(kAspNetFullName),
                           .comment = std::string(kAspNetComment),
                           .flags = {.password_never_expires = true, .cannot_change_password = true}};
    return sam.CreateUser(spec, password);
  }
  if (auto st = sam.SetPassword(name, password); !st.ok()) return st;
  const UserAccount* user = sam.FindUser(name);
  fixer::AccountFlags flags = user->flags;
  flags.password_never_expires = true;
  flags.cannot_change_password = true;
  if (auto st = sam.SetFlags(name, flags); !st.ok()) return st;
  return sam.SidOf(*sam.FindUser(name));
}

fixer::Status GrantDefaultAcls(Machine& m, const std::string& framework_dir, const fixer::Sid& worker) {
  const std::string root = SystemRoot(m.state());
  struct Grant {
    std::string path;
    uint32_t mask;
  };
  const Grant grants[] = {
      {JoinPath(framework_dir, "Temporary ASP.NET Files"), fixer::kFileAllAccess},
      {JoinPath(root, "Temp"), fixer::kFileAllAccess},
      {framework_dir, kGenericReadExecute},
      {JoinPath(root, "assembly"), kGenericReadExecute},
      {JoinPath(root, "System32"), kGenericReadExecute},
  };
  ObjectStore objects(m);
  for (const Grant& g : grants) {
    const fixer::Ace ace{fixer::AceType::kAllow, worker, g.mask, kInherit};
    // A re-registration finds most of these already granted: one fold of the path tells, where
    // EnsureObject and AddAce (which would change nothing: no mutation) fold it once each.
    if (HoldsAce(m.state(), g.path, ace)) continue;
    if (auto st = EnsureObject(m, g.path, true); !st.ok()) return st;
    if (auto st = objects.AddAce({fixer::ObjectNamespace::kFile, g.path}, ace); !st.ok()) return st;
  }
  // Its own profile folder, Read/Write, only if it has one on disk (Register makes none).
  if (const ProfileEntry* profile = ProfileStore(m).Find(worker); profile != nullptr) {
    const fixer::ObjectRef folder{fixer::ObjectNamespace::kFile, profile->path};
    const fixer::Ace ace{fixer::AceType::kAllow, worker, fixer::kFileGenericRead | fixer::kFileGenericWrite, kInherit};
    if (!HoldsAce(m.state(), profile->path, ace) && objects.Exists(folder)) {
      if (auto st = objects.AddAce(folder, ace); !st.ok()) return st;
    }
  }
  return fixer::Status::Ok();
}

}  // namespace

std::string AspNetSetup::FrameworkDir(const std::string& version) const {
  return JoinPath(SystemRoot(m_.state()), "Microsoft.NET\\Framework\\v" + version);
}

fixer::Status FrameworkInstallsOn(fixer::OsEdition os, const std::string& version) {
  if (FactsOf(os).aspnet_10_installs) return fixer::Status::Ok();
  RelyOn("choice-x64-framework-error");
  // 1.1 installs on 64-bit Windows through the WOW64 shim [Stebner 2007] [KB 894435]; 1.0 does not.
  if (!version.starts_with("1.0")) return fixer::Status::Ok();
  return fixer::Status::Win(fixer::kErrorInstallFailure);
}

fixer::Status AspNetSetup::InstallFramework(const std::string& version) {
  if (auto st = FrameworkInstallsOn(m_.state().products.os.edition, version); !st.ok()) return st;
  return PlaceFramework(version);
}

fixer::Status AspNetSetup::PlaceFramework(const std::string& version) {
  const std::string root = SystemRoot(m_.state());
  const std::string dir = FrameworkDir(version);
  const std::pair<std::string, bool> files[] = {
      {JoinPath(root, "Microsoft.NET"), true},
      {JoinPath(root, "Microsoft.NET\\Framework"), true},
      {dir, true},
      {JoinPath(dir, "mscorlib.dll"), false},
      {JoinPath(dir, "aspnet_regiis.exe"), false},
      {JoinPath(dir, "CONFIG"), true},
      {JoinPath(dir, "CONFIG\\machine.config"), false},
      {JoinPath(dir, "Temporary ASP.NET Files"), true},
  };
  for (const auto& [path, container] : files)
    if (auto st = EnsureObject(m_, path, container); !st.ok()) return st;

  if (auto st = m_.Mutate("aspnet.install", version); !st.ok()) return st;
  if (fixer::FrameworkInfo* fw = FindFramework(m_.state(), version); fw != nullptr) {
    fw->tools_present = true;  // a repair install; machine.config keeps its processModel
  } else {
    m_.state().products.frameworks.push_back({.version = version});
  }

  if (!m_.state().services.FindName("aspnet_state")) {
    if (auto st = m_.Mutate("scm.create", "aspnet_state"); !st.ok()) return st;
    const bool server_2003 = m_.state().products.os.edition == fixer::OsEdition::kWindowsServer2003;
    m_.state().services.push_back({.name = "aspnet_state",
                                   .display_name = "ASP.NET State Service",
                                   .state = fixer::ServiceState::kStopped,
                                   .start_type = fixer::StartType::kManual,
                                   .account = server_2003 ? "NT AUTHORITY\\NetworkService" : ".\\ASPNET"});
  }
  return Register(version);
}

fixer::Status AspNetSetup::Register(const std::string& version) {
  const fixer::FrameworkInfo* fw = FindFramework(m_.state(), version);
  if (fw == nullptr || !fw->tools_present) return fixer::Status::Win(fixer::kErrorFileNotFound);

  auto password = GenerateWorkerPassword(m_);
  if (!password) return password.status();
  auto worker = EnsureWorkerAccount(m_, *password);
  if (!worker) return worker.status();

  Lsa lsa(m_);
  if (auto st = lsa.StoreSecret(std::string(fixer::kAspNetWorkerSecret), *password); !st.ok()) return st;
  // Its own service logs on with the password it just set (no fault point of its own).
  if (const fixer::ServiceInfo* state_service = m_.state().services.FindName("aspnet_state");
      state_service != nullptr &&
      fixer::SameWindowsName(fixer::LocalUserOfService(state_service->account, m_.state().products.os.computer_name),
                             fixer::kMachineWorkerAccount)) {
    StoreCurrentServicePassword(m_.state(), state_service->name);
  }
  RelyOn("choice-aspnet-rights");
  for (std::string_view right : {fixer::kSeBatchLogonRight, fixer::kSeServiceLogonRight,
                                 fixer::kSeDenyInteractiveLogonRight, fixer::kSeDenyRemoteInteractiveLogonRight}) {
    if (auto st = lsa.Grant(*worker, std::string(right)); !st.ok()) return st;
  }
  if (auto st = GrantDefaultAcls(m_, FrameworkDir(version), *worker); !st.ok()) return st;
  // IIS 6 in worker process isolation runs w3wp.exe as its pool identity, a member of IIS_WPG:
  // the same ACLs go to that group [M: ASP.NET 1.1 on IIS 6].
  if (m_.state().products.web.kind == fixer::WebServerKind::kIis60) {
    if (const LocalGroup* wpg = Sam(m_).FindGroup("IIS_WPG"); wpg != nullptr) {
      const fixer::Sid group = wpg->sid;
      if (auto st = GrantDefaultAcls(m_, FrameworkDir(version), group); !st.ok()) return st;
    }
  }

  for (auto& app : m_.state().products.applications) {
    if (CompareVersions(app.framework_version, version) >= 0) continue;
    if (auto st = m_.Mutate("aspnet.script_map", app.path); !st.ok()) return st;
    app.framework_version = version;
  }
  return fixer::Status::Ok();
}

namespace {

// Whether an aspnet_regiis.exe can run for `version`: that version's tools, or for -kn (no
// version) any installed version's, since -kn removes every version's maps.
bool RegiisFor(const MachineState& s, const std::string& version) {
  const auto& fws = s.products.frameworks;
  if (version.empty())
    return std::any_of(fws.begin(), fws.end(), [](const fixer::FrameworkInfo& fw) { return fw.tools_present; });
  const fixer::FrameworkInfo* fw = FindFramework(s, version);
  return fw != nullptr && fw->tools_present;
}

}  // namespace

fixer::Status AspNetSetup::SetScriptMap(const std::string& path, const std::string& version) {
  if (!RegiisFor(m_.state(), version)) return fixer::Status::Win(fixer::kErrorFileNotFound);
  RelyOn("choice-script-map-path");
  fixer::ApplicationInfo* app = m_.state().products.applications.FindName(path);
  if (app == nullptr) return fixer::Status::Win(fixer::kErrorPathNotFound);
  if (app->framework_version == version) return fixer::Status::Ok();
  if (auto st = m_.Mutate("aspnet.script_map", app->path); !st.ok()) return st;
  app->framework_version = version;
  return fixer::Status::Ok();
}

}  // namespace fakes
