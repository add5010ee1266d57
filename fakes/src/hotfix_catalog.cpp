#include "fakes/hotfix_catalog.h"

#include <algorithm>
#include <charconv>

#include "fakes/modelling_choices.h"
#include "fixer/name_case.h"

namespace fakes {

namespace {

UpdatedComponent File(std::string name, std::string version, bool fails_without_profile) {
  return UpdatedComponent{
      .file = std::move(name), .version = std::move(version), .fails_without_profile = fails_without_profile};
}

// Builds of the same files for the three families. The flaw flag is per build: see the
// modelling choices in hotfix_catalog.h.
std::vector<ComponentBuild> PerFamily(const std::vector<std::pair<OsFamily, std::vector<UpdatedComponent>>>& table) {
  std::vector<ComponentBuild> out;
  for (const auto& [family, files] : table)
    for (const auto& f : files) out.push_back({family, f});
  return out;
}

std::vector<HotfixDefinition> MakeCatalog() {
  using F = OsFamily;
  // Every bulletin here is of 2003: Windows XP SP2 (August 2004) came after them all and holds
  // their fixes (docs/windows-reference.md#service-packs). Windows 2000's last service pack (SP4,
  // June 2003) came before them.
  const std::vector<LaterServicePack> after_2003 = {{.family = F::kWindowsXp, .service_pack = 2}};
  std::vector<HotfixDefinition> c;
  // Unrelated to ASP.NET: the RPC/DCOM fix of July 2003 (Blaster). Nothing of it is loaded
  // by the web stack in a way that depends on a profile.
  c.push_back(
      {.id = "MS03-026",
       .kb = "KB823980",
       .title = "Buffer Overrun In RPC Interface Could Allow Code Execution",
       .supersedes = {},
       .builds = PerFamily({
           {F::kWindows2000, {File("ole32.dll", "5.0.2195.6769", false), File("rpcss.dll", "5.0.2195.6769", false)}},
           {F::kWindowsXp, {File("ole32.dll", "5.1.2600.1243", false), File("rpcss.dll", "5.1.2600.1230", false)}},
           {F::kWindowsServer2003, {File("ole32.dll", "5.2.3790.59", false), File("rpcss.dll", "5.2.3790.59", false)}},
       }),
       .later_service_packs = after_2003});
  // The update of the incident (docs/windows-reference.md#incident). urlmon.dll is the component we make
  // flawed: docs/windows-reference.md#choice-urlmon-flaw.
  c.push_back(
      {.id = "MS03-032",
       .kb = "KB822925",
       .title = "Cumulative Patch for Internet Explorer",
       .supersedes = {"MS03-020"},
       .builds = PerFamily({
           {F::kWindows2000, {File("urlmon.dll", "5.0.3530.1600", false), File("mshtml.dll", "5.0.3530.1600", false)}},
           {F::kWindowsXp, {File("urlmon.dll", "6.0.2800.1226", true), File("mshtml.dll", "6.0.2800.1226", false)}},
           {F::kWindowsServer2003, {File("urlmon.dll", "6.0.3790.74", true), File("mshtml.dll", "6.0.3790.74", false)}},
       }),
       .later_service_packs = after_2003});
  // Supersedes MS03-032. Unconfirmed whether it kept the flaw: we choose that it did.
  c.push_back(
      {.id = "MS03-040",
       .kb = "KB828750",
       .title = "Cumulative Patch for Internet Explorer",
       .supersedes = {"MS03-032"},
       .builds = PerFamily({
           {F::kWindows2000, {File("urlmon.dll", "5.0.3534.1700", false), File("mshtml.dll", "5.0.3534.1700", false)}},
           {F::kWindowsXp, {File("urlmon.dll", "6.0.2800.1264", true), File("mshtml.dll", "6.0.2800.1264", false)}},
           {F::kWindowsServer2003, {File("urlmon.dll", "6.0.3790.89", true), File("mshtml.dll", "6.0.3790.89", false)}},
       }),
       .later_service_packs = after_2003});
  return c;
}

bool MatchesId(const HotfixDefinition& h, std::string_view id) {
  if (fixer::SameWindowsName(h.id, id) || fixer::SameWindowsName(h.kb, id)) return true;
  // "822925" names KB822925 too, as the KB number alone is how support quotes it.
  return fixer::SameWindowsName(std::string_view(h.kb).substr(2), id);
}

}  // namespace

OsFamily FamilyOf(fixer::OsEdition edition) { return FactsOf(edition).family; }

std::string_view ToString(OsFamily family) {
  switch (family) {
    case OsFamily::kWindows2000: return "Windows 2000";
    case OsFamily::kWindowsXp: return "Windows XP";
    case OsFamily::kWindowsServer2003: return "Windows Server 2003";
    case OsFamily::kWindowsXpX64: return "Windows XP Professional x64 Edition";
  }
  return "?";
}

bool HotfixDefinition::OlderThan(OsFamily family, int service_pack) const {
  return std::any_of(later_service_packs.begin(), later_service_packs.end(), [&](const LaterServicePack& later) {
    return later.family == family && service_pack >= later.service_pack;
  });
}

std::vector<UpdatedComponent> HotfixDefinition::ComponentsFor(OsFamily family) const {
  std::vector<UpdatedComponent> out;
  for (const auto& b : builds)
    if (b.family == family) out.push_back(b.component);
  return out;
}

const std::vector<HotfixDefinition>& HotfixCatalog() {
  static const std::vector<HotfixDefinition> catalog = MakeCatalog();
  return catalog;
}

const HotfixDefinition* FindHotfix(std::string_view id) {
  for (const auto& h : HotfixCatalog())
    if (MatchesId(h, id)) return &h;
  return nullptr;
}

bool IsHotfixInstalled(const MachineState& state, std::string_view id) {
  const HotfixDefinition* def = FindHotfix(id);
  return std::any_of(state.products.hotfixes.begin(), state.products.hotfixes.end(), [&](const InstalledHotfix& h) {
    return fixer::SameWindowsName(h.id, id) || fixer::SameWindowsName(h.kb, id) ||
           (def != nullptr && fixer::SameWindowsName(h.id, def->id));
  });
}

fixer::Status InstallHotfix(Machine& machine, const std::string& id) {
  const HotfixDefinition* def = FindHotfix(id);
  if (def == nullptr) return fixer::Status::Win(fixer::kErrorFileNotFound);
  if (IsHotfixInstalled(machine.state(), def->id)) return fixer::Status::Ok();
  const OsFamily family = FamilyOf(machine.state().products.os.edition);
  // A 32-bit package on x64 Windows: docs/windows-reference.md#windows-xp-x64 (choice-x64-hotfix-error).
  if (def->ComponentsFor(family).empty()) {
    RelyOn("choice-x64-hotfix-error");
    return fixer::Status::Win(fixer::kErrorInstallPlatformUnsupported);
  }
  // A package older than the service pack: update.exe says so and installs nothing
  // (docs/windows-reference.md#service-packs; its number is choice-service-pack-hotfix-error).
  if (def->OlderThan(family, machine.state().products.os.service_pack)) {
    RelyOn("choice-service-pack-hotfix-error");
    return fixer::Status::Explained(fixer::kErrorInstallFailure, kServicePackNewerText);
  }
  if (auto st = machine.Mutate("hotfix.install", def->id); !st.ok()) return st;
  if (def->id == "MS03-040") RelyOn("choice-ms03-040-keeps-flaw");
  if (family == OsFamily::kWindows2000 && (def->id == "MS03-032" || def->id == "MS03-040"))
    RelyOn("choice-win2000-build");
  machine.state().products.hotfixes.push_back({.id = def->id, .kb = def->kb, .components = def->ComponentsFor(family)});
  return fixer::Status::Ok();
}

std::vector<FileOnDiskRef> FileRefsOnDisk(const MachineState& state) {
  // A handful of files: a linear search by name, without the folded copies a map keyed by
  // them would make on every web request.
  std::vector<FileOnDiskRef> out;
  for (const auto& hotfix : state.products.hotfixes) {
    for (const auto& component : hotfix.components) {
      auto twin = std::find_if(out.begin(), out.end(), [&](const FileOnDiskRef& f) {
        return fixer::SameWindowsName(f.component->file, component.file);
      });
      if (twin == out.end()) {
        out.push_back({&component, &hotfix.id});
      } else if (CompareFileVersions(component.version, twin->component->version) >= 0) {
        *twin = {&component, &hotfix.id};  // later or equal versions win: a reinstalled build replaces its twin
      }
    }
  }
  // The order of FoldWindowsName's keys compared as std::string compares them (unsigned bytes).
  const auto folded_less = [](const FileOnDiskRef& a, const FileOnDiskRef& b) {
    return std::lexicographical_compare(a.component->file.begin(), a.component->file.end(), b.component->file.begin(),
                                        b.component->file.end(), [](char x, char y) {
                                          return static_cast<unsigned char>(fixer::FoldWindowsChar(x)) <
                                                 static_cast<unsigned char>(fixer::FoldWindowsChar(y));
                                        });
  };
  std::sort(out.begin(), out.end(), folded_less);
  return out;
}

std::vector<FileOnDisk> FilesOnDisk(const MachineState& state) {
  std::vector<FileOnDisk> out;
  for (const FileOnDiskRef& f : FileRefsOnDisk(state)) out.push_back({*f.component, *f.hotfix_id});
  return out;
}

int CompareFileVersions(std::string_view a, std::string_view b) {
  auto next = [](std::string_view& s) -> uint64_t {
    uint64_t value = 0;
    auto dot = s.find('.');
    std::string_view part = s.substr(0, dot);
    std::from_chars(part.data(), part.data() + part.size(), value);
    s = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
    return value;
  };
  while (!a.empty() || !b.empty()) {
    uint64_t x = next(a);
    uint64_t y = next(b);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

}  // namespace fakes
