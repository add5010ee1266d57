// HotfixCatalog: the Windows updates the simulator knows, with the file builds each one puts on
// each OS family, and InstallHotfix, which records an update on a fake machine.
//
// Which build carries the MS03-032 flaw is data (UpdatedComponent::fails_without_profile), not
// code: the web stack model (fakes/web_stack.h) loads every flawed component into the ASP.NET
// worker and lets it fail when the worker's identity has no user profile. Nothing here knows
// which platforms the paper calls affected.
//
// Modelling choices (docs/windows-reference.md#choice-urlmon-flaw, #choice-win2000-build, #choice-ms03-040-keeps-flaw):
//  - Each OS family gets the build for the Internet Explorer it ships with: IE 5.01 on Windows
//    2000, IE 6 SP1 on Windows XP, IE 6 on Windows Server 2003. Why Windows 2000 is spared is
//    unexplained by Microsoft; we model it as "the Windows 2000 (IE 5.01) build of urlmon.dll
//    does not carry the flaw", while the XP-family and Server 2003 builds do.
//  - MS03-040 (KB828750) is cumulative, supersedes MS03-032 and ships newer urlmon.dll builds.
//    Whether it kept the flaw is unconfirmed; we choose that it does (no source says the IE
//    side was fixed, and the paper's workaround is on the ASP.NET side), so installing it
//    neither fixes nor breaks anything MS03-032 did not.
//  - File versions are illustrative [M], except that they increase with each later update.
//
//   fakes::Machine m(fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional}));
//   fixer::Status st = fakes::InstallHotfix(m, "MS03-032");                 // or "KB822925"
//   for (const auto& f : fakes::FilesOnDisk(m.state()))
//     if (f.component.fails_without_profile) logger->info("needs a profile");
//   for (const fakes::FileOnDiskRef& f : fakes::FileRefsOnDisk(m.state()))   // no copies
//     logger->info("{} {} from {}", f.component->file, f.component->version, *f.hotfix_id);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fakes/machine.h"
#include "fakes/os_editions.h"

namespace fakes {

OsFamily FamilyOf(fixer::OsEdition edition);
std::string_view ToString(OsFamily family);  // "Windows 2000", "Windows XP", ...

// One file build an update installs on one OS family.
struct ComponentBuild {
  OsFamily family = OsFamily::kWindowsXp;
  UpdatedComponent component;
};

// The first service pack of a family released after an update: it already holds the update's fixes
// (newer builds of its files), so update.exe refuses the package there and on every later one
// (docs/windows-reference.md#service-packs).
struct LaterServicePack {
  OsFamily family = OsFamily::kWindowsXp;
  int service_pack = 0;
};

struct HotfixDefinition {
  std::string id;                       // bulletin: "MS03-032"
  std::string kb;                       // "KB822925"
  std::string title;                    // "Cumulative Patch for Internet Explorer"
  std::vector<std::string> supersedes;  // bulletins this one replaces
  std::vector<ComponentBuild> builds;
  std::vector<LaterServicePack> later_service_packs;

  // The files this update puts on a machine of that family, in catalog order.
  std::vector<UpdatedComponent> ComponentsFor(OsFamily family) const;
  // Whether a machine of that family at that service pack already has what the update brings.
  bool OlderThan(OsFamily family, int service_pack) const;
};

// Every update the simulator knows: MS03-026 (unrelated, for contrast), MS03-032, MS03-040.
const std::vector<HotfixDefinition>& HotfixCatalog();
// By bulletin ("MS03-032") or KB ("KB822925" or "822925"), case-insensitive; nullptr if unknown.
const HotfixDefinition* FindHotfix(std::string_view id);

bool IsHotfixInstalled(const MachineState& state, std::string_view id);

// Records the update with the builds for the machine's OS family ("hotfix.install", id).
// 2 (ERROR_FILE_NOT_FOUND) for an id the catalog does not know; Ok without a change if it is
// already installed. Refused, nothing changed, as update.exe refuses it: 1633 for a family with no
// build (XP x64), 1603 with update.exe's words for a service pack newer than the update
// (XP SP2 and SP3: choice-service-pack-hotfix-error).
fixer::Status InstallHotfix(Machine& machine, const std::string& id);

// update.exe's words for a package older than the installed service pack.
inline constexpr std::string_view kServicePackNewerText =
    "Setup has detected that the Service Pack version of this system is newer than the update you are applying. "
    "There is no need to install this update.";

// A file as it is on disk after every installed update: the highest version any of them
// installed (an update never replaces a newer file with an older one), and which update it
// came from.
struct FileOnDisk {
  UpdatedComponent component;
  std::string hotfix_id;
};
// Sorted by file name (case-folded).
std::vector<FileOnDisk> FilesOnDisk(const MachineState& state);

// The same files in the same order, pointing into `state` instead of copying it, for a caller
// that reads them at once (the web stack, on every request); valid while its hotfixes are.
struct FileOnDiskRef {
  const UpdatedComponent* component = nullptr;
  const std::string* hotfix_id = nullptr;
};
std::vector<FileOnDiskRef> FileRefsOnDisk(const MachineState& state);

// Compares dotted numeric versions ("6.0.2800.1226"): <0, 0, >0. Missing parts count as 0.
int CompareFileVersions(std::string_view a, std::string_view b);

}  // namespace fakes
