// Inventory: what this machine is: OS edition and service pack, web server, installed hotfixes,
// who is calling and whether they are an administrator, who is logged on interactively.
//
// Real backend: GetVersionEx, the IIS and hotfix registry keys, CheckTokenMembership; the console
// user as the owner of the interactive shell, explorer.exe (a Toolhelp snapshot, OpenProcessToken);
// IIS 6's application pool identity from the metabase (AppPoolIdentityType, WAMUserName).
//
//   fixer::Result<fixer::OsInfo> os = inventory.Os();   // {kWindowsXpProfessional, 1, "XPPRO"}
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fixer/result.h"

namespace fixer {

enum class OsEdition {
  kWindows2000Professional,
  kWindows2000Server,
  kWindowsXpHome,
  kWindowsXpProfessional,
  kWindowsServer2003,
  kWindowsXpProfessionalX64,  // NT 5.2 as a workstation: Server 2003 SP1's code, IIS 6.0, 1.1 only (WOW64)
};
std::string_view ToString(OsEdition e);  // "Windows XP Professional", ...

struct OsInfo {
  OsEdition edition = OsEdition::kWindowsXpProfessional;
  int service_pack = 1;
  std::string computer_name = "XPPRO";
  std::string windows_folder;  // "C:\WINDOWS" (GetWindowsDirectory): its Temp folder is the worker's
  friend bool operator==(const OsInfo&, const OsInfo&) = default;
};

enum class WebServerKind { kNone, kIis50, kIis51, kIis60, kCassini };
std::string_view ToString(WebServerKind k);  // "IIS 5.1", "Cassini", ..., "none" (a machine file's word)
// As a report says it: "IIS 5.1", "Cassini", ..., "no web server".
std::string_view WebServerText(WebServerKind k);

struct WebServerInfo {
  WebServerKind kind = WebServerKind::kIis51;
  bool iis5_isolation_mode = false;  // IIS 6 only: run ASP.NET in aspnet_wp.exe
  friend bool operator==(const WebServerInfo&, const WebServerInfo&) = default;
};

struct CallerInfo {
  std::string name;
  bool is_admin = false;
};

class Inventory {
 public:
  virtual ~Inventory() = default;
  virtual Result<OsInfo> Os() = 0;
  virtual Result<WebServerInfo> WebServer() = 0;
  // Installed updates by bulletin id ("MS03-032"), sorted.
  virtual Result<std::vector<std::string>> Hotfixes() = 0;
  virtual Result<CallerInfo> Caller() = 0;
  // Who is logged on at the console ("XPPRO\Owner", or a bare local name); "" when nobody is.
  // Cassini runs as this user.
  virtual Result<std::string> ConsoleUser() = 0;
  // The identity IIS 6's DefaultAppPool runs w3wp.exe as: "NETWORK SERVICE" (the default),
  // "LOCAL SERVICE", "SYSTEM", or the user it names ("CONTOSO\webpool"); "" where the web server
  // has no application pools (IIS 5.x, Cassini, none). A call of its own, not a WebServerInfo
  // field: only capture reads it, so a pool the metabase cannot give fails no diagnosis.
  virtual Result<std::string> AppPoolIdentity() = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class InventoryWrapper : public Inventory {
 public:
  explicit InventoryWrapper(Inventory& target) : target_(target) {}
  Inventory& target() { return target_; }
  Result<OsInfo> Os() override { return target_.Os(); }
  Result<WebServerInfo> WebServer() override { return target_.WebServer(); }
  Result<std::vector<std::string>> Hotfixes() override { return target_.Hotfixes(); }
  Result<CallerInfo> Caller() override { return target_.Caller(); }
  Result<std::string> ConsoleUser() override { return target_.ConsoleUser(); }
  Result<std::string> AppPoolIdentity() override { return target_.AppPoolIdentity(); }

 private:
  Inventory& target_;
};

}  // namespace fixer
