// Inventory: GetVersionEx (edition, service pack), GetComputerName, the IIS setup key
// (HKLM\SOFTWARE\Microsoft\InetStp MajorVersion/MinorVersion), the IIS 6 metabase (isolation mode,
// the application pool identity), the hotfix keys, and CheckTokenMembership against
// BUILTIN\Administrators. Sources: docs/windows-reference.md#win32-inventory.
#include <algorithm>
#include <map>
#include <set>

#include "fixer/name_case.h"
#include "metabase.h"
#include "win32_ports.h"

namespace win32 {

namespace {

// The bulletins the fixer reasons about, by the KB article their update registers under
// (fakes' hotfix catalog holds the same three); any other update is listed by its KB number.
const std::map<std::string, std::string>& BulletinByKb() {
  static const std::map<std::string, std::string> table = {
      {"KB823980", "MS03-026"}, {"KB822925", "MS03-032"}, {"KB828750", "MS03-040"}};
  return table;
}

// "Q822925" or "KB822925" as the KB name; "" for anything else.
std::string KbName(std::string_view text) {
  const std::string upper = fixer::UpperWindowsName(text);
  std::string digits;
  if (upper.starts_with("KB"))
    digits = upper.substr(2);
  else if (upper.starts_with("Q"))
    digits = upper.substr(1);
  if (digits.empty() || !std::ranges::all_of(digits, [](char c) { return c >= '0' && c <= '9'; })) return "";
  return "KB" + digits;
}

// Every KB name under HKLM\`path` down to `depth` levels (Updates\<product>\<SP>\<KB>).
void CollectKbKeys(const std::wstring& path, int depth, std::set<std::string>& kbs) {
  auto key = OpenLocalMachineKey(path);
  if (!key) return;  // absent on a machine without such updates
  RegKey owner(*key);
  auto names = SubkeyNames(owner.get());
  if (!names) return;
  for (const std::wstring& name : *names) {
    if (std::string kb = KbName(Narrow(name)); !kb.empty())
      kbs.insert(kb);
    else if (depth > 1)
      CollectKbKeys(path + L"\\" + name, depth - 1, kbs);
  }
}

}  // namespace

fixer::Result<fixer::OsInfo> Win32Inventory::Os() {
  OSVERSIONINFOEXW v{};
  v.dwOSVersionInfoSize = sizeof(v);
  if (!GetVersionExW(reinterpret_cast<OSVERSIONINFOW*>(&v))) return LastError();
  const bool workstation = v.wProductType == VER_NT_WORKSTATION;
  fixer::OsInfo os;
  if (v.dwMajorVersion == 5 && v.dwMinorVersion == 0) {
    os.edition = workstation ? fixer::OsEdition::kWindows2000Professional : fixer::OsEdition::kWindows2000Server;
  } else if (v.dwMajorVersion == 5 && v.dwMinorVersion == 1) {
    os.edition = (v.wSuiteMask & VER_SUITE_PERSONAL) ? fixer::OsEdition::kWindowsXpHome
                                                     : fixer::OsEdition::kWindowsXpProfessional;
  } else if (v.dwMajorVersion == 5 && v.dwMinorVersion == 2) {
    // 5.2 on a workstation is Windows XP Professional x64 Edition (OSVERSIONINFOEX's table).
    os.edition = workstation ? fixer::OsEdition::kWindowsXpProfessionalX64 : fixer::OsEdition::kWindowsServer2003;
  } else {
    return Error(ERROR_NOT_SUPPORTED);  // not a Windows the incident concerns (2000, XP, Server 2003)
  }
  os.service_pack = v.wServicePackMajor;
  wchar_t name[MAX_COMPUTERNAME_LENGTH + 1];
  DWORD length = MAX_COMPUTERNAME_LENGTH + 1;
  if (!GetComputerNameW(name, &length)) return LastError();
  os.computer_name = Narrow(std::wstring_view(name, length));
  wchar_t windows[MAX_PATH];  // %WINDIR%, where the worker's Temp folder is
  const UINT folder_length = GetWindowsDirectoryW(windows, MAX_PATH);
  if (folder_length == 0 || folder_length >= MAX_PATH) return LastError();
  os.windows_folder = Narrow(std::wstring_view(windows, folder_length));
  return os;
}

fixer::Result<fixer::WebServerInfo> Win32Inventory::WebServer() {
  auto key = OpenLocalMachineKeyIfPresent(L"SOFTWARE\\Microsoft\\InetStp");
  if (!key) return key.status();
  if (!*key) return fixer::WebServerInfo{.kind = fixer::WebServerKind::kNone};
  const HKEY inetstp = (*key)->get();
  auto major = ReadDword(inetstp, L"MajorVersion");
  if (!major) return fixer::WebServerInfo{.kind = fixer::WebServerKind::kNone};  // key left by an uninstall
  auto minor = ReadDword(inetstp, L"MinorVersion");
  fixer::WebServerInfo info;
  if (*major == 5) {
    info.kind = (minor && *minor >= 1) ? fixer::WebServerKind::kIis51 : fixer::WebServerKind::kIis50;
  } else if (*major == 6) {
    info.kind = fixer::WebServerKind::kIis60;
    // IIS 6 runs ASP.NET in aspnet_wp.exe only in IIS 5.0 isolation mode (metabase IIs5IsolationModeEnabled).
    auto isolation = ReadMetabaseDword(L"/LM/W3SVC", kMdIis5IsolationModeEnabled);
    if (!isolation) return isolation.status();
    info.iis5_isolation_mode = isolation->value_or(0) != 0;
  } else {
    return Error(ERROR_NOT_SUPPORTED);  // IIS 7 and later: not a web server of the incident
  }
  return info;
}

// The pool IIS 6 runs an application in: the AppPoolId of its node, or the one it inherits from a
// parent node (METADATA_INHERIT: the site, /LM/W3SVC), else the property's internal default,
// DefaultAppPool [AppPoolId property]. IIS 5.x has no application pools.
fixer::Result<std::string> Win32Inventory::AppPoolOf(const std::string& application) {
  auto web = WebServer();
  if (!web) return web.status();
  if (web->kind != fixer::WebServerKind::kIis60) return std::string();
  auto pool = ReadMetabaseString(Widen(application), kMdAppPoolId);
  if (!pool) return pool.status();
  if (!*pool) return std::string(fixer::kDefaultAppPool);
  // [M] An empty AppPoolId names no pool: "no valid AppPoolId", which IIS fails the pool for
  // (docs/windows-reference.md#app-pool-identity).
  if ((*pool)->empty()) return Error(ERROR_INVALID_DATA);
  return Narrow(**pool);
}

// A pool's identity: its AppPoolIdentityType, or the one it inherits from /LM/W3SVC/AppPools,
// else the property's default, 2 (NETWORK SERVICE); for 3 the WAMUserName it names
// [AppPoolIdentityType property] [WAMUserName property]. A pool the metabase has no node for is
// 3, GetData's ERROR_PATH_NOT_FOUND. IIS 5.x has no application pools.
fixer::Result<std::string> Win32Inventory::AppPoolIdentity(const std::string& pool_name) {
  auto web = WebServer();
  if (!web) return web.status();
  if (web->kind != fixer::WebServerKind::kIis60) return std::string();
  // A name holding '/' would read another node than the pool's.
  if (pool_name.empty() || pool_name.find('/') != std::string::npos) return Error(ERROR_PATH_NOT_FOUND);
  const std::wstring pool = L"/LM/W3SVC/AppPools/" + Widen(pool_name);
  auto type = ReadMetabaseDword(pool, kMdAppPoolIdentityType);
  if (!type) return type.status();
  switch (type->value_or(2)) {
    case 0: return std::string("SYSTEM");
    case 1: return std::string("LOCAL SERVICE");
    case 2: return std::string("NETWORK SERVICE");
    case 3: {
      auto user = ReadMetabaseString(pool, kMdWamUserName);
      if (!user) return user.status();
      if (*user && !(*user)->empty()) return Narrow(**user);
      break;
    }
    default: break;
  }
  // [M] A type past 3, the property's upper bound, or a specified user with no name: no identity
  // w3wp.exe could start as, so no reading to give (docs/windows-reference.md#app-pool-identity).
  return Error(ERROR_INVALID_DATA);
}

fixer::Result<std::vector<std::string>> Win32Inventory::Hotfixes() {
  std::set<std::string> kbs;
  CollectKbKeys(L"SOFTWARE\\Microsoft\\Updates", 3, kbs);                             // Update.exe packages
  CollectKbKeys(L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\HotFix", 1, kbs);  // older hotfixes
  // Cumulative IE patches list themselves in Internet Settings' MinorVersion (";SP1;Q822925;").
  if (auto key = OpenLocalMachineKey(L"SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings")) {
    RegKey owner(*key);
    if (auto minor = ReadString(owner.get(), L"MinorVersion")) {
      std::string text = Narrow(*minor);
      size_t start = 0;
      while (start <= text.size()) {
        size_t end = std::min(text.find(';', start), text.size());
        if (std::string kb = KbName(std::string_view(text).substr(start, end - start)); !kb.empty()) kbs.insert(kb);
        start = end + 1;
      }
    }
  }
  std::vector<std::string> ids;
  for (const std::string& kb : kbs) {
    auto bulletin = BulletinByKb().find(kb);
    ids.push_back(bulletin == BulletinByKb().end() ? kb : bulletin->second);
  }
  std::ranges::sort(ids);
  return ids;
}

fixer::Result<fixer::CallerInfo> Win32Inventory::Caller() {
  fixer::CallerInfo caller;
  wchar_t name[257];  // UNLEN + 1
  DWORD length = 257;
  if (!GetUserNameW(name, &length)) return LastError();
  caller.name = Narrow(name);
  std::vector<BYTE> admins = ToBinary(fixer::Sid::Administrators());
  BOOL member = FALSE;
  // A null token: the calling thread's (impersonation) or process token, as an elevated check needs.
  if (!CheckTokenMembership(nullptr, AsPsid(admins), &member)) return LastError();
  caller.is_admin = member != FALSE;
  return caller;
}

}  // namespace win32
