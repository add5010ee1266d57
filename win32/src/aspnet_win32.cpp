// AspNet: the installed frameworks (%windir%\Microsoft.NET\Framework\v*), their machine.config
// <processModel>, the IIS applications (metabase nodes whose AppRoot is themselves) with the
// framework their .aspx script map names, aspnet_setreg's registry credentials (DPAPI,
// CryptUnprotectData; KB 329290), and aspnet_regiis.exe: -i for Register, -sn/-kn for SetScriptMap.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <iiscnfg.h>
#include <wincrypt.h>

#include <fstream>
#include <sstream>

#include "fixer/config_xml.h"
#include "fixer/name_case.h"
#include "metabase.h"
#include "scanned_objects.h"
#include "win32_ports.h"

namespace win32 {

namespace {

bool FileExists(const std::wstring& path) {
  DWORD attributes = GetFileAttributesW(path.c_str());
  return attributes != INVALID_FILE_ATTRIBUTES && !(attributes & FILE_ATTRIBUTE_DIRECTORY);
}

// The file's text; "" when it cannot be read (a missing web.config is the common case).
std::string ReadText(const std::wstring& path) {
  std::ifstream in(path.c_str(), std::ios::binary);  // MinGW's libstdc++ opens a wide path
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "C:\WINDOWS\Microsoft.NET\Framework\v1.0.3705" -> "1.0.3705"
std::string VersionOf(const std::wstring& dir) {
  std::string name = Narrow(dir.substr(dir.find_last_of(L'\\') + 1));
  return name.size() > 1 ? name.substr(1) : "";
}

// The framework an application's .aspx script map points at ("...\v1.0.3705\aspnet_isapi.dll,...").
std::string ScriptMapVersion(const std::vector<std::wstring>& maps) {
  for (const std::wstring& map : maps) {
    std::string text = fixer::FoldWindowsName(Narrow(map));
    if (!text.starts_with(".aspx,")) continue;
    size_t isapi = text.find("\\aspnet_isapi.dll");
    size_t dir = text.rfind("\\v", isapi);
    if (isapi == std::string::npos || dir == std::string::npos) return "";
    return text.substr(dir + 2, isapi - dir - 2);
  }
  return "";
}

fixer::SessionStateMode SessionModeOf(const std::string& config_text) {
  auto mode = fixer::ReadSystemWebAttribute(config_text, "sessionState", "mode");
  if (!mode) return fixer::SessionStateMode::kInProc;  // the default of every 1.x machine.config
  const std::string m = fixer::FoldWindowsName(*mode);
  if (m == "off") return fixer::SessionStateMode::kOff;
  if (m == "stateserver") return fixer::SessionStateMode::kStateServer;
  if (m == "sqlserver") return fixer::SessionStateMode::kSqlServer;
  return fixer::SessionStateMode::kInProc;
}

std::wstring FrameworkDir(const std::string& version) {
  return WindowsDirectory() + L"\\Microsoft.NET\\Framework\\v" + Widen(version);
}

}  // namespace

fixer::Result<std::vector<fixer::FrameworkInfo>> Win32AspNet::Frameworks() {
  std::vector<fixer::FrameworkInfo> frameworks;
  for (const std::wstring& dir : FrameworkDirectories()) {
    const std::wstring config = dir + L"\\CONFIG\\machine.config";
    if (!FileExists(config)) continue;  // a folder of tools only (v1.0.3705's setup leaves some)
    fixer::FrameworkInfo fw;
    fw.version = VersionOf(dir);
    fw.folder = Narrow(dir);
    fw.tools_present = FileExists(dir + L"\\aspnet_regiis.exe") && FileExists(dir + L"\\mscorlib.dll");
    // Read as an XML processor reads it (fixer/config_xml.h): a file it cannot read is an error,
    // never the defaults.
    auto process_model = fixer::ReadProcessModel(ReadText(config));
    if (!process_model) {
      return fixer::Status(process_model.status().code(),
                           process_model.status().message() + " (" + Narrow(config) + ")");
    }
    fw.process_model = std::move(*process_model);
    frameworks.push_back(std::move(fw));
  }
  return frameworks;
}

fixer::Result<std::vector<fixer::ApplicationInfo>> Win32AspNet::Applications() {
  std::vector<fixer::ApplicationInfo> apps;
  for (const std::wstring& node : MetabaseApplicationNodes()) {
    auto root = ReadMetabaseString(node, MD_APP_ROOT);
    if (!root) return root.status();
    if (!*root || !fixer::SameWindowsName(Narrow(**root), Narrow(node))) continue;  // not an application
    fixer::ApplicationInfo app;
    app.path = Narrow(node);
    auto physical = ReadMetabaseString(node, MD_VR_PATH);
    if (!physical) return physical.status();
    app.physical_path = Narrow(physical->value_or(L""));
    auto maps = ReadMetabaseMultiSz(node, MD_SCRIPT_MAPS);
    if (!maps) return maps.status();
    app.framework_version = ScriptMapVersion(maps->value_or(std::vector<std::wstring>{}));
    std::string config = physical->has_value() ? ReadText(**physical + L"\\web.config") : "";
    if (!fixer::ReadSystemWebAttribute(config, "sessionState", "mode") && !app.framework_version.empty()) {
      config = ReadText(FrameworkDir(app.framework_version) + L"\\CONFIG\\machine.config");
    }
    app.session_state = SessionModeOf(config);
    apps.push_back(std::move(app));
  }
  return apps;
}

fixer::Result<std::string> Win32AspNet::ResolveRegistryCredential(const std::string& reference) {
  // "registry:HKLM\SOFTWARE\Contoso\ASPNET_SETREG,userName"
  std::string rest = reference.substr(fixer::FoldWindowsName(reference).starts_with("registry:") ? 9 : 0);
  size_t comma = rest.rfind(',');
  if (comma == std::string::npos || !fixer::FoldWindowsName(rest).starts_with("hklm\\"))
    return Error(ERROR_INVALID_PARAMETER);
  auto key = OpenLocalMachineKey(Widen(rest.substr(5, comma - 5)));
  if (!key) return key.status();
  RegKey owner(*key);
  const std::wstring value = Widen(rest.substr(comma + 1));
  DWORD type = 0, bytes = 0;
  if (LONG rc = RegQueryValueExW(owner.get(), value.c_str(), nullptr, &type, nullptr, &bytes); rc != ERROR_SUCCESS) {
    return Error(static_cast<DWORD>(rc));
  }
  std::vector<BYTE> sealed(bytes);
  if (LONG rc = RegQueryValueExW(owner.get(), value.c_str(), nullptr, &type, sealed.data(), &bytes);
      rc != ERROR_SUCCESS) {
    return Error(static_cast<DWORD>(rc));
  }
  // aspnet_setreg seals the value with DPAPI for the machine (KB 329290).
  DATA_BLOB in{bytes, sealed.data()}, out{};
  if (!CryptUnprotectData(&in, nullptr, nullptr, nullptr, nullptr, CRYPTPROTECT_UI_FORBIDDEN, &out)) {
    return LastError();
  }
  std::wstring name(reinterpret_cast<const wchar_t*>(out.pbData), out.cbData / sizeof(wchar_t));
  LocalFree(out.pbData);
  name.resize(wcsnlen(name.c_str(), name.size()));
  return Narrow(name);
}

fixer::Status Win32AspNet::Register(const std::string& version) { return RunRegiis(version, L"-i"); }

fixer::Status Win32AspNet::SetScriptMap(const std::string& path, const std::string& version) {
  // aspnet_regiis names a metabase path without its /LM/ ("W3SVC/1/ROOT/app").
  constexpr std::string_view kLocalMachine = "/LM/";
  std::string node = path;
  if (fixer::SameWindowsName(std::string_view(node).substr(0, kLocalMachine.size()), kLocalMachine))
    node.erase(0, kLocalMachine.size());
  if (!version.empty()) return RunRegiis(version, L"-sn \"" + Widen(node) + L"\"");
  // -kn removes every version's maps: any installed version's tool does it.
  for (std::string_view any : {fixer::kFramework10, fixer::kFramework11}) {
    if (FileExists(FrameworkDir(std::string(any)) + L"\\aspnet_regiis.exe"))
      return RunRegiis(std::string(any), L"-kn \"" + Widen(node) + L"\"");
  }
  return Error(ERROR_FILE_NOT_FOUND);
}

fixer::Status Win32AspNet::RunRegiis(const std::string& version, const std::wstring& arguments) {
  const std::wstring tool = FrameworkDir(version) + L"\\aspnet_regiis.exe";
  if (!FileExists(tool)) return Error(ERROR_FILE_NOT_FOUND);
  std::wstring command = L"\"" + tool + L"\" " + arguments;
  STARTUPINFOW startup{};
  startup.cb = sizeof(startup);
  PROCESS_INFORMATION process{};
  if (!CreateProcessW(tool.c_str(), command.data(), nullptr, nullptr, FALSE, CREATE_NO_WINDOW, nullptr, nullptr,
                      &startup, &process)) {
    return LastError();
  }
  changes_.Mark();  // from here aspnet_regiis may have changed the machine, whatever it answers
  // Bounded: a hung aspnet_regiis must not hang the repair. It is left running (ending it half-way
  // through a registration would be worse); the fixer's step fails with ERROR_TIMEOUT.
  constexpr DWORD kRegiisWaitMs = 15 * 60 * 1000;
  const DWORD waited = WaitForSingleObject(process.hProcess, kRegiisWaitMs);
  if (waited != WAIT_OBJECT_0) {
    const DWORD error = waited == WAIT_TIMEOUT ? ERROR_TIMEOUT : GetLastError();
    CloseHandle(process.hThread);
    CloseHandle(process.hProcess);
    return Error(error);
  }
  DWORD exit_code = 0;
  BOOL got = GetExitCodeProcess(process.hProcess, &exit_code);
  CloseHandle(process.hThread);
  CloseHandle(process.hProcess);
  if (!got) return LastError();
  return exit_code == 0 ? fixer::Status() : Error(exit_code);
}

}  // namespace win32
