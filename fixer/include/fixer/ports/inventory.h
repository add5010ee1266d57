// Inventory: what this machine is: OS edition and service pack, web server, installed hotfixes,
// who is calling and whether they are an administrator, who is logged on interactively.
//
// Real backend: GetVersionEx, the IIS and hotfix registry keys, CheckTokenMembership; the console
// user as the owner of the interactive shell, explorer.exe (a Toolhelp snapshot, OpenProcessToken);
// IIS 6's application pools from the metabase: an application's AppPoolId, a pool's
// AppPoolIdentityType and WAMUserName; the machine SID from the LSA's account domain.
//
//   fixer::Result<fixer::OsInfo> os = inventory.Os();   // {kWindowsXpProfessional, 1, "XPPRO"}
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/result.h"
#include "fixer/sid.h"

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

// The pool every application runs in that neither it nor a parent node assigns to another
// (AppPoolId's default), and the one IIS 6.0 creates.
inline constexpr std::string_view kDefaultAppPool = "DefaultAppPool";

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
  // The application pool IIS 6.0 runs the application at `application` (a metabase path,
  // "/LM/W3SVC/1/ROOT/shop") in: the AppPoolId of its node, or the one it inherits from a parent
  // node (the site, /LM/W3SVC), else "DefaultAppPool"; "" where the web server has no application
  // pools (IIS 5.x, Cassini, none). Calls of their own, not ApplicationInfo or WebServerInfo fields:
  // a pool the metabase cannot give fails no other read.
  virtual Result<std::string> AppPoolOf(const std::string& application) = 0;
  // The identity the application pool `pool` ("DefaultAppPool") runs w3wp.exe as: "NETWORK SERVICE"
  // (the default), "LOCAL SERVICE", "SYSTEM", or the user it names ("CONTOSO\webpool"); "" where
  // the web server has no application pools. 3 when IIS 6.0 has no such pool.
  virtual Result<std::string> AppPoolIdentity(const std::string& pool) = 0;
  // The machine's own SID, the domain of its local accounts (S-1-5-21-a-b-c): the LSA's account
  // domain (LsaQueryInformationPolicy, PolicyAccountDomainInformation). Read by capture alone.
  virtual Result<Sid> MachineSid() = 0;
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
  Result<std::string> AppPoolOf(const std::string& application) override { return target_.AppPoolOf(application); }
  Result<std::string> AppPoolIdentity(const std::string& pool) override { return target_.AppPoolIdentity(pool); }
  Result<Sid> MachineSid() override { return target_.MachineSid(); }

 private:
  Inventory& target_;
};

}  // namespace fixer
