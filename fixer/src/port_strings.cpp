// The display names of the ports' enums: the tables of fixer/windows_names.h (shared with the
// machine state files), and the display names of OS editions and web servers.
#include "fixer/name_case.h"
#include "fixer/ports/inventory.h"
#include "fixer/windows_names.h"

namespace fixer {

std::string_view ToString(ServiceState s) { return NameIn(kServiceStateNames, s); }

std::string_view ToString(StartType t) { return NameIn(kStartTypeNames, t); }

std::string LocalUserOfService(std::string_view account, std::string_view computer) {
  if (account.empty() || SameWindowsName(account, "LocalSystem") || SameWindowsName(account, ".\\LocalSystem"))
    return "";
  const size_t cut = account.find('\\');
  if (cut == std::string_view::npos) return std::string(account);
  const std::string_view domain = account.substr(0, cut);
  if (domain == "." || SameWindowsName(domain, computer)) return std::string(account.substr(cut + 1));
  return "";  // NT AUTHORITY's identities, and another domain's accounts
}

std::string_view ToString(ObjectNamespace ns) { return NameIn(kNamespaceNames, ns); }

std::string_view ToString(SessionStateMode m) { return NameIn(kSessionStateNames, m); }

std::string_view ToString(OsEdition e) {
  switch (e) {
    case OsEdition::kWindows2000Professional: return "Windows 2000 Professional";
    case OsEdition::kWindows2000Server: return "Windows 2000 Server";
    case OsEdition::kWindowsXpHome: return "Windows XP Home";
    case OsEdition::kWindowsXpProfessional: return "Windows XP Professional";
    case OsEdition::kWindowsServer2003: return "Windows Server 2003";
    case OsEdition::kWindowsXpProfessionalX64: return "Windows XP Professional x64 Edition";
  }
  return "?";
}

std::string_view ToString(WebServerKind k) {
  switch (k) {
    case WebServerKind::kNone: return "none";
    case WebServerKind::kIis50: return "IIS 5.0";
    case WebServerKind::kIis51: return "IIS 5.1";
    case WebServerKind::kIis60: return "IIS 6.0";
    case WebServerKind::kCassini: return "Cassini";
  }
  return "?";
}

std::string_view WebServerText(WebServerKind k) { return k == WebServerKind::kNone ? "no web server" : ToString(k); }

std::string_view ToString(EventType t) { return NameIn(kEventTypeNames, t); }

std::string_view ToString(JournalPhase p) { return NameIn(kJournalPhaseNames, p); }

Result<JournalPhase> JournalPhaseFromString(std::string_view s) {
  for (const auto& [name, phase] : kJournalPhaseNames) {
    if (name == s) return phase;
  }
  return Status::Win(kErrorInvalidParameter);
}

}  // namespace fixer
