// FreshInstall: the services of a clean install, per OS edition and web server
// (docs/windows-reference.md#services, #choice-service-set).
//
// Choices [M]:
//  - IIS 5.0 (Windows 2000): IISADMIN, W3SVC, SMTPSVC and MSFTPSVC, all automatic and running;
//    W3SVC, SMTPSVC and MSFTPSVC depend on IISADMIN.
//  - IIS 5.1 (XP Professional): the same minus MSFTPSVC, which XP's IIS setup leaves
//    unselected by default (only the WWW service and SMTP are ticked).
//  - IIS 6.0 (Server 2003): IISADMIN, W3SVC and HTTPFilter ("HTTP SSL"), both dependents of
//    IISADMIN; no SMTP or FTP by default.
//  - Cassini and no web server: no IIS service.
//  - Display names: "IIS Admin Service", "World Wide Web Publishing Service" and "FTP Publishing
//    Service" on Windows 2000 and Server 2003 [S: TechNet cc758949 "IIS 6.0 Services"; Q236166's
//    sample header "IIS Admin Service service"]; XP's IIS 5.1 shows "IIS Admin" and "World Wide Web
//    Publishing" [M: docs/windows-reference.md#choice-service-set].
//  - seclogon everywhere, automatic and running: "Secondary Logon" on XP and 2003, "RunAs
//    Service" on Windows 2000.
#include "fresh_install_parts.h"

namespace fakes::fresh_install {
namespace {

fixer::ServiceInfo AutoRunning(std::string name, std::string display, std::vector<std::string> dependencies = {}) {
  return {.name = std::move(name),
          .display_name = std::move(display),
          .state = fixer::ServiceState::kRunning,
          .start_type = fixer::StartType::kAutomatic,
          .account = "LocalSystem",
          .dependencies = std::move(dependencies)};
}

}  // namespace

void AddServices(MachineState& s, fixer::OsEdition os, fixer::WebServerKind web) {
  auto& svc = s.services;
  const bool iis =
      web == fixer::WebServerKind::kIis50 || web == fixer::WebServerKind::kIis51 || web == fixer::WebServerKind::kIis60;
  const std::string suffix = web == fixer::WebServerKind::kIis51 ? "" : " Service";
  if (iis) {
    svc.push_back(AutoRunning("IISADMIN", "IIS Admin" + suffix));
    svc.push_back(AutoRunning("W3SVC", "World Wide Web Publishing" + suffix, {"IISADMIN"}));
  }
  if (web == fixer::WebServerKind::kIis50 || web == fixer::WebServerKind::kIis51)
    svc.push_back(AutoRunning("SMTPSVC", "Simple Mail Transfer Protocol (SMTP)", {"IISADMIN"}));
  if (web == fixer::WebServerKind::kIis50)
    svc.push_back(AutoRunning("MSFTPSVC", "FTP Publishing" + suffix, {"IISADMIN"}));
  if (web == fixer::WebServerKind::kIis60) svc.push_back(AutoRunning("HTTPFilter", "HTTP SSL", {"IISADMIN"}));
  const bool w2k = !IsXpFamily(os);
  svc.push_back(AutoRunning("seclogon", w2k ? "RunAs Service" : "Secondary Logon"));
}

}  // namespace fakes::fresh_install
