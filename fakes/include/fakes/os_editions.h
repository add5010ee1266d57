// The facts of each Windows edition the fake models, in one table: what a fresh install of it
// has and what it accepts. Every other file asks this table instead of switching on the edition.
//
// Sources: docs/windows-reference.md#affected-platforms, #fresh-install, #service-packs, #rights,
// #computer-name, #windows-xp-x64.
//
//   #include "fakes/os_editions.h"
//   const fakes::EditionFacts& xp = fakes::FactsOf(fixer::OsEdition::kWindowsXpProfessional);
//   xp.system_root;        // "C:\WINDOWS"
//   xp.web_server;         // fixer::WebServerKind::kIis51
//   xp.last_service_pack;  // 3
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "fixer/ports/inventory.h"

namespace fakes {

// The OS families updates ship separate builds for.
// kWindowsXpX64 (XP Professional x64 Edition, 2005) has no build of any 2003 bulletin here.
enum class OsFamily { kWindows2000, kWindowsXp, kWindowsServer2003, kWindowsXpX64 };

struct EditionFacts {
  fixer::OsEdition edition;
  std::string_view machine_word;    // its `os:` value in a machine file: "windows-xp-professional"
  std::string_view computer_name;   // a fresh install's name when none is given [M]: "XPPRO"
  std::string_view system_root;     // "C:\WINDOWS"; "C:\WINNT" on Windows 2000
  OsFamily family;                  // whose builds of an update it gets
  fixer::WebServerKind web_server;  // the web server it ships with: IIS 5.0, 5.1, 6.0 or none (XP Home)
  uint32_t last_service_pack;
  // The first service pack with SeImpersonatePrivilege and SeCreateGlobalPrivilege (2000 SP4,
  // XP SP2; Server 2003 and XP x64 from the start: 0) [S: KB 821546].
  int later_privileges_from;
  bool nt51_or_later;  // XP, Server 2003, XP x64: HelpAssistant, SUPPORT_388945a0, "Secondary Logon"
  // Remote Desktop Users, SeRemoteInteractiveLogonRight and Network Configuration Operators:
  // NT 5.1 or later, not XP Home.
  bool terminal_services;
  bool workstation;         // not a server edition: Users may shut down
  bool aspnet_10_installs;  // the ASP.NET 1.0 setup succeeds (not on x64, where 1.1 runs under WOW64:
                            // choice-x64-framework-error)
};

namespace detail {
inline constexpr std::array<EditionFacts, 6> kEditions = {{
    {.edition = fixer::OsEdition::kWindows2000Professional,
     .machine_word = "windows-2000-professional",
     .computer_name = "W2KPRO",
     .system_root = "C:\\WINNT",
     .family = OsFamily::kWindows2000,
     .web_server = fixer::WebServerKind::kIis50,
     .last_service_pack = 4,
     .later_privileges_from = 4,
     .nt51_or_later = false,
     .terminal_services = false,
     .workstation = true,
     .aspnet_10_installs = true},
    {.edition = fixer::OsEdition::kWindows2000Server,
     .machine_word = "windows-2000-server",
     .computer_name = "W2KSRV",
     .system_root = "C:\\WINNT",
     .family = OsFamily::kWindows2000,
     .web_server = fixer::WebServerKind::kIis50,
     .last_service_pack = 4,
     .later_privileges_from = 4,
     .nt51_or_later = false,
     .terminal_services = false,
     .workstation = false,
     .aspnet_10_installs = true},
    {.edition = fixer::OsEdition::kWindowsXpHome,
     .machine_word = "windows-xp-home",
     .computer_name = "XPHOME",
     .system_root = "C:\\WINDOWS",
     .family = OsFamily::kWindowsXp,
     .web_server = fixer::WebServerKind::kNone,
     .last_service_pack = 3,
     .later_privileges_from = 2,
     .nt51_or_later = true,
     .terminal_services = false,
     .workstation = true,
     .aspnet_10_installs = true},
    {.edition = fixer::OsEdition::kWindowsXpProfessional,
     .machine_word = "windows-xp-professional",
     .computer_name = "XPPRO",
     .system_root = "C:\\WINDOWS",
     .family = OsFamily::kWindowsXp,
     .web_server = fixer::WebServerKind::kIis51,
     .last_service_pack = 3,
     .later_privileges_from = 2,
     .nt51_or_later = true,
     .terminal_services = true,
     .workstation = true,
     .aspnet_10_installs = true},
    {.edition = fixer::OsEdition::kWindowsServer2003,
     .machine_word = "windows-server-2003",
     .computer_name = "W2K3SRV",
     .system_root = "C:\\WINDOWS",
     .family = OsFamily::kWindowsServer2003,
     .web_server = fixer::WebServerKind::kIis60,
     .last_service_pack = 2,
     .later_privileges_from = 0,
     .nt51_or_later = true,
     .terminal_services = true,
     .workstation = false,
     .aspnet_10_installs = true},
    {.edition = fixer::OsEdition::kWindowsXpProfessionalX64,
     .machine_word = "windows-xp-professional-x64",
     .computer_name = "XPPRO64",
     .system_root = "C:\\WINDOWS",
     .family = OsFamily::kWindowsXpX64,
     .web_server = fixer::WebServerKind::kIis60,
     .last_service_pack = 2,
     .later_privileges_from = 0,
     .nt51_or_later = true,
     .terminal_services = true,
     .workstation = true,
     .aspnet_10_installs = false},
}};

// The table is indexed by the enum: each row must sit at its edition's place.
consteval bool InEnumOrder() {
  for (size_t i = 0; i < kEditions.size(); ++i)
    if (static_cast<size_t>(kEditions[i].edition) != i) return false;
  return true;
}
static_assert(InEnumOrder());
}  // namespace detail

// The facts of `edition` (XP Professional's for a value outside the enum).
constexpr const EditionFacts& FactsOf(fixer::OsEdition edition) {
  const auto i = static_cast<size_t>(edition);
  return detail::kEditions[i < detail::kEditions.size()
                               ? i
                               : static_cast<size_t>(fixer::OsEdition::kWindowsXpProfessional)];
}
constexpr std::span<const EditionFacts> AllEditions() { return detail::kEditions; }  // in the enum's order

}  // namespace fakes
