// Logon: LogonUser (interactive) checks the password and the logon right with the port's
// numbers (1326, 1327, 1330, 1331, 1385, 1909); LoadUserProfile then creates the profile, as
// XP has no CreateProfile; the command runs with CreateProcessWithLogonW(LOGON_WITH_PROFILE),
// which needs no privilege (CreateProcessAsUser would need SeAssignPrimaryToken, which
// administrators lack), and UnloadUserProfile ends the logon. Needs the caller to be an
// administrator (LoadUserProfile, from XP SP2 on) and, on XP before SP2, SeBackupPrivilege and
// SeRestorePrivilege, which an administrator holds disabled: both are enabled around the load.
// CheckPassword is LogonUser alone, a batch logon as aspnet_wp.exe's, its token closed at once.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <userenv.h>

#include "enabled_privileges.h"
#include "profile_list.h"
#include "win32_ports.h"

namespace win32 {

namespace {

// Owns a HANDLE (CloseHandle).
struct Handle {
  HANDLE h = nullptr;
  ~Handle() {
    if (h) CloseHandle(h);
  }
};

// How long the command may run: the profile is made before it starts (LoadUserProfile), so a
// `cmd.exe /c exit` that has not ended by then never will; the fixer's profile step then fails
// with ERROR_TIMEOUT (1460) and the process is ended.
constexpr DWORD kCommandWaitMs = 5 * 60 * 1000;

// The system directory (%SystemRoot%\system32), which every account may read.
fixer::Result<std::wstring> SystemDirectory() {
  wchar_t path[MAX_PATH];
  const UINT n = GetSystemDirectoryW(path, MAX_PATH);
  if (n == 0 || n >= MAX_PATH) return LastError();
  return std::wstring(path, n);
}

// Runs `command_line` as the user to completion; its exit code as the error when not 0
// (cmd.exe answers 9009 for an unknown command). The program is the command line's first word
// taken from the system directory only (never the caller's folder or PATH: a cmd.exe beside the
// tool must not run as the user), started in the system directory, which the user can read
// (the caller's folder may not be). Its console window is hidden (STARTF_USESHOWWINDOW, SW_HIDE):
// CREATE_NO_WINDOW is not among the creation flags CreateProcessWithLogonW takes.
fixer::Status RunAs(const std::wstring& user, std::wstring& password, const std::string& command_line) {
  auto system = SystemDirectory();
  if (!system) return system.status();
  std::wstring command = Widen(command_line);  // CreateProcessWithLogonW may write to it
  const std::wstring program = command.substr(0, command.find(L' '));
  if (program.empty() || program.find_first_of(L"\\/:\"") != std::wstring::npos) return Error(ERROR_INVALID_PARAMETER);
  const std::wstring application = *system + L"\\" + program;
  STARTUPINFOW startup{};
  startup.cb = sizeof(startup);
  startup.dwFlags = STARTF_USESHOWWINDOW;
  startup.wShowWindow = SW_HIDE;
  PROCESS_INFORMATION process{};
  if (!CreateProcessWithLogonW(user.c_str(), L".", password.c_str(), LOGON_WITH_PROFILE, application.c_str(),
                               command.data(), CREATE_UNICODE_ENVIRONMENT, nullptr, system->c_str(), &startup,
                               &process)) {
    return LastError();
  }
  Handle owner_process{process.hProcess}, owner_thread{process.hThread};
  const DWORD waited = WaitForSingleObject(process.hProcess, kCommandWaitMs);
  if (waited == WAIT_TIMEOUT) {
    TerminateProcess(process.hProcess, ERROR_TIMEOUT);
    return Error(ERROR_TIMEOUT);
  }
  if (waited != WAIT_OBJECT_0) return LastError();
  DWORD exit_code = 0;
  if (!GetExitCodeProcess(process.hProcess, &exit_code)) return LastError();
  return exit_code == 0 ? fixer::Status() : Error(exit_code);
}

// Whether the token's user has a ProfileList entry (LoadUserProfile creates one if not).
fixer::Result<bool> HasProfile(HANDLE token) {
  DWORD bytes = 0;
  GetTokenInformation(token, TokenUser, nullptr, 0, &bytes);  // the size, with ERROR_INSUFFICIENT_BUFFER
  std::vector<BYTE> buffer(bytes);
  if (!GetTokenInformation(token, TokenUser, buffer.data(), bytes, &bytes)) return LastError();
  const fixer::Sid sid = FromPsid(reinterpret_cast<const TOKEN_USER*>(buffer.data())->User.Sid);
  auto entry = OpenProfileEntry(sid);
  if (!entry) return entry.status();
  return entry->has_value();
}

}  // namespace

fixer::Status Win32Logon::RunWithProfile(const std::string& user, const fixer::Secret& password,
                                         const std::string& command_line) {
  std::wstring name = Widen(user);
  WidePassword clear(password);
  Handle token;
  if (!LogonUserW(name.c_str(), L".", clear.text.c_str(), LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT,
                  &token.h)) {
    return LastError();
  }
  auto had_profile = HasProfile(token.h);
  if (!had_profile) return had_profile.status();
  PROFILEINFOW profile{};
  profile.dwSize = sizeof(profile);
  profile.dwFlags = PI_NOUI;
  profile.lpUserName = name.data();
  {
    EnabledPrivileges hive_loading({SE_BACKUP_NAME, SE_RESTORE_NAME});
    if (!LoadUserProfileW(token.h, &profile)) return LastError();
  }
  if (!*had_profile) changes_.Mark();  // this first load created the profile
  fixer::Status ran = RunAs(name, clear.text, command_line);
  {
    EnabledPrivileges hive_unloading({SE_BACKUP_NAME, SE_RESTORE_NAME});
    UnloadUserProfile(token.h, profile.hProfile);
  }
  return ran;
}

fixer::Status Win32Logon::CheckPassword(const std::string& user, const fixer::Secret& password) {
  std::wstring name = Widen(user);
  WidePassword clear(password);
  Handle token;
  // aspnet_wp.exe's logon type: a batch logon loads no profile.
  if (!LogonUserW(name.c_str(), L".", clear.text.c_str(), LOGON32_LOGON_BATCH, LOGON32_PROVIDER_DEFAULT, &token.h))
    return LastError();
  return {};
}

}  // namespace win32
