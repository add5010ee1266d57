// Logon: LogonUser (interactive) checks the password and the logon right with the port's
// numbers (1326, 1327, 1330, 1331, 1385, 1909); LoadUserProfile then creates the profile, as
// XP has no CreateProfile; the command runs with CreateProcessWithLogonW(LOGON_WITH_PROFILE),
// which needs no privilege (CreateProcessAsUser would need SeAssignPrimaryToken, which
// administrators lack), and UnloadUserProfile ends the logon. Needs the caller to be an
// administrator (LoadUserProfile).
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <userenv.h>

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

// Runs `command_line` as the user to completion; its exit code as the error when not 0
// (cmd.exe answers 9009 for an unknown command).
fixer::Status RunAs(const std::wstring& user, std::wstring& password, const std::string& command_line) {
  std::wstring command = Widen(command_line);  // CreateProcessWithLogonW may write to it
  STARTUPINFOW startup{};
  startup.cb = sizeof(startup);
  PROCESS_INFORMATION process{};
  if (!CreateProcessWithLogonW(user.c_str(), L".", password.c_str(), LOGON_WITH_PROFILE, nullptr, command.data(),
                               CREATE_NO_WINDOW | CREATE_UNICODE_ENVIRONMENT, nullptr, nullptr, &startup, &process)) {
    return LastError();
  }
  Handle owner_process{process.hProcess}, owner_thread{process.hThread};
  WaitForSingleObject(process.hProcess, INFINITE);
  DWORD exit_code = 0;
  if (!GetExitCodeProcess(process.hProcess, &exit_code)) return LastError();
  return exit_code == 0 ? fixer::Status() : Error(exit_code);
}

}  // namespace

fixer::Status Win32Logon::RunWithProfile(const std::string& user, const fixer::Secret& password,
                                         const std::string& command_line) {
  std::wstring name = Widen(user), clear = Widen(password.Reveal());
  Handle token;
  if (!LogonUserW(name.c_str(), L".", clear.c_str(), LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &token.h)) {
    DWORD error = GetLastError();
    SecureZeroMemory(clear.data(), clear.size() * sizeof(wchar_t));
    return Error(error);
  }
  PROFILEINFOW profile{};
  profile.dwSize = sizeof(profile);
  profile.dwFlags = PI_NOUI;
  profile.lpUserName = name.data();
  if (!LoadUserProfileW(token.h, &profile)) {
    DWORD error = GetLastError();
    SecureZeroMemory(clear.data(), clear.size() * sizeof(wchar_t));
    return Error(error);
  }
  changes_.Mark();  // the first load creates the profile
  fixer::Status ran = RunAs(name, clear, command_line);
  SecureZeroMemory(clear.data(), clear.size() * sizeof(wchar_t));
  UnloadUserProfile(token.h, profile.hProfile);
  return ran;
}

}  // namespace win32
