// FreshInstall: a clean machine of an OS edition, assembled from fresh_install_*.cpp.
//
// Choices [M] (the DACLs are simplified from XP's defaults, keeping what the ASP.NET ACL rules
// of docs/windows-reference.md#fresh-install depend on; #choice-fresh-dacls):
//  - %SystemRoot%: Administrators and SYSTEM Full Control, CREATOR OWNER Full Control on
//    children, Power Users Change, Users Read, all inheritable. System32 and assembly carry
//    those as inherited ACEs.
//  - %SystemRoot%\Temp has its own DACL: Users may only traverse and create files and folders
//    (special access 0x00100026), so a worker account needs the explicit grant aspnet_regiis
//    gives (KB 811320).
//  - Documents and Settings, Default User, All Users: Administrators and SYSTEM Full Control,
//    Users Read (All Users: Power Users Change), Everyone Read on the folder itself.
//  - ProfileList has SYSTEM (%SystemRoot%\system32\config\systemprofile) and, on the XP family,
//    LocalService and NetworkService, each with its folder: those identities have profiles.
//  - C:\Inetpub and C:\Inetpub\wwwroot on IIS: Administrators and SYSTEM Full Control,
//    Users and Everyone Read.
//  - rng_state is Derive(seed, "rand"), so the machine's random stream differs from the
//    streams that made its SID and passwords.
#include "fakes/fresh_install.h"

#include "fakes/paths.h"
#include "fresh_install_parts.h"

namespace fakes {
namespace fresh_install {
namespace {

using fixer::Ace;
using fixer::AceType;
using fixer::Sid;

constexpr uint32_t kInherit = fixer::kObjectInheritAce | fixer::kContainerInheritAce;
constexpr uint32_t kInheritOnly = kInherit | fixer::kInheritOnlyAce;
constexpr uint32_t kReadExecute = fixer::kFileGenericRead | fixer::kFileGenericExecute;
// FILE_ADD_FILE | FILE_ADD_SUBDIRECTORY | FILE_TRAVERSE | SYNCHRONIZE
constexpr uint32_t kTraverseAndCreate = 0x00100026;

std::string DefaultComputerName(fixer::OsEdition os) { return std::string(FactsOf(os).computer_name); }

Ace Allow(const Sid& sid, uint32_t mask, uint32_t flags = kInherit) { return {AceType::kAllow, sid, mask, flags}; }

std::vector<Ace> MarkInherited(std::vector<Ace> aces) {
  for (Ace& a : aces) a.flags |= fixer::kInheritedAce;
  return aces;
}

void AddFolder(MachineState& s, const std::string& path, const Sid& owner, std::vector<Ace> dacl) {
  SecurableObject obj;
  obj.ns = fixer::ObjectNamespace::kFile;
  obj.path = path;
  obj.container = true;
  obj.owner = owner;
  obj.dacl = std::move(dacl);
  s.objects.Put(ObjectKey(obj.ns, path), std::move(obj));
}

void AddServiceProfile(MachineState& s, const Sid& sid, const std::string& path) {
  s.profiles.push_back({sid, path});
  AddFolder(s, path, sid,
            {Allow(Sid::LocalSystem(), fixer::kFileAllAccess), Allow(Sid::Administrators(), fixer::kFileAllAccess),
             Allow(sid, fixer::kFileAllAccess)});
}

}  // namespace

uint64_t Derive(uint64_t seed, uint64_t salt) {
  uint64_t z = seed ^ (salt * 0x9E3779B97F4A7C15ull) ^ 0x5DEECE66Dull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

bool IsXpFamily(fixer::OsEdition os) { return FactsOf(os).nt51_or_later; }

void AddFileSystem(MachineState& s, fixer::OsEdition os, fixer::WebServerKind web) {
  const Sid admins = Sid::Administrators();
  const Sid system = Sid::LocalSystem();
  const std::string root = SystemRoot(os);
  const std::vector<Ace> windows_dacl = {Allow(admins, fixer::kFileAllAccess), Allow(system, fixer::kFileAllAccess),
                                         Allow(Sid::CreatorOwner(), fixer::kFileAllAccess, kInheritOnly),
                                         Allow(Sid::PowerUsers(), fixer::kFileModify),
                                         Allow(Sid::Users(), kReadExecute)};
  AddFolder(s, root, admins, windows_dacl);
  AddFolder(s, JoinPath(root, "System32"), admins, MarkInherited(windows_dacl));
  AddFolder(s, JoinPath(root, "assembly"), admins, MarkInherited(windows_dacl));
  AddFolder(
      s, JoinPath(root, "Temp"), admins,
      {Allow(admins, fixer::kFileAllAccess), Allow(system, fixer::kFileAllAccess),
       Allow(Sid::CreatorOwner(), fixer::kFileAllAccess, kInheritOnly), Allow(Sid::PowerUsers(), fixer::kFileModify),
       Allow(Sid::Users(), kTraverseAndCreate, fixer::kContainerInheritAce)});

  const std::string profiles = ProfilesRoot(os);
  AddFolder(s, profiles, admins,
            {Allow(admins, fixer::kFileAllAccess), Allow(system, fixer::kFileAllAccess),
             Allow(Sid::Users(), kReadExecute), Allow(Sid::Everyone(), kReadExecute, 0)});
  AddFolder(s, JoinPath(profiles, "Default User"), admins,
            {Allow(admins, fixer::kFileAllAccess), Allow(system, fixer::kFileAllAccess),
             Allow(Sid::Users(), kReadExecute), Allow(Sid::Everyone(), kReadExecute, 0)});
  AddFolder(s, JoinPath(profiles, "All Users"), admins,
            {Allow(admins, fixer::kFileAllAccess), Allow(system, fixer::kFileAllAccess),
             Allow(Sid::PowerUsers(), fixer::kFileModify), Allow(Sid::Users(), kReadExecute),
             Allow(Sid::Everyone(), kReadExecute, 0)});

  AddServiceProfile(s, system, JoinPath(root, "system32\\config\\systemprofile"));
  if (IsXpFamily(os)) {
    AddServiceProfile(s, Sid::LocalService(), JoinPath(profiles, "LocalService"));
    AddServiceProfile(s, Sid::NetworkService(), JoinPath(profiles, "NetworkService"));
  }

  const bool iis =
      web == fixer::WebServerKind::kIis50 || web == fixer::WebServerKind::kIis51 || web == fixer::WebServerKind::kIis60;
  if (iis) {
    const std::vector<Ace> web_dacl = {Allow(admins, fixer::kFileAllAccess), Allow(system, fixer::kFileAllAccess),
                                       Allow(Sid::Users(), kReadExecute), Allow(Sid::Everyone(), kReadExecute)};
    const std::string inetpub = SystemDrive(os) + "\\Inetpub";
    AddFolder(s, inetpub, admins, web_dacl);
    AddFolder(s, JoinPath(inetpub, "wwwroot"), admins, web_dacl);
  }
}

}  // namespace fresh_install

fixer::WebServerKind DefaultWebServer(fixer::OsEdition os) { return FactsOf(os).web_server; }

MachineState FreshInstall(const InstallOptions& options) {
  MachineState s;
  s.seed = options.seed;
  s.rng_state = fresh_install::Derive(options.seed, 0x72616E64);  // "rand"
  // The default kIis51 means "whatever this edition ships with".
  const fixer::WebServerKind web =
      options.web_server == fixer::WebServerKind::kIis51 ? DefaultWebServer(options.os) : options.web_server;
  s.products.os = {.edition = options.os,
                   .service_pack = options.service_pack,
                   .computer_name = options.computer_name.empty() ? fresh_install::DefaultComputerName(options.os)
                                                                  : options.computer_name};
  s.products.web = {.kind = web, .iis5_isolation_mode = false};
  s.session.caller = "Administrator";
  s.session.interactive_user.reset();
  fresh_install::AddAccounts(s, options);
  if (web == fixer::WebServerKind::kIis60) fresh_install::AddIisWorkerGroup(s);
  fresh_install::AddServices(s, options.os, web);
  fresh_install::AddFileSystem(s, options.os, web);
  return s;
}

}  // namespace fakes
