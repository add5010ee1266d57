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

// Whether the token's user has a ProfileList entry (LoadUserProfile creates one if not).
fixer::Result<bool> HasProfile(HANDLE token) {
  DWORD bytes = 0;
  GetTokenInformation(token, TokenUser, nullptr, 0, &bytes);  // the size, with ERROR_INSUFFICIENT_BUFFER
  std::vector<BYTE> buffer(bytes);
  if (!GetTokenInformation(token, TokenUser, buffer.data(), bytes, &bytes)) return LastError();
  const fixer::Sid sid = FromPsid(reinterpret_cast<const TOKEN_USER*>(buffer.data())->User.Sid);
  auto key =
      OpenLocalMachineKey(L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\" + Widen(sid.ToString()));
  if (key) {
    RegCloseKey(*key);
    return true;
  }
  if (key.status().code() == ERROR_FILE_NOT_FOUND) return false;
  return key.status();
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
  auto had_profile = HasProfile(token.h);
  if (!had_profile) {
    SecureZeroMemory(clear.data(), clear.size() * sizeof(wchar_t));
    return had_profile.status();
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
  if (!*had_profile) changes_.Mark();  // this first load created the profile
  fixer::Status ran = RunAs(name, clear, command_line);
  SecureZeroMemory(clear.data(), clear.size() * sizeof(wchar_t));
  UnloadUserProfile(token.h, profile.hProfile);
  return ran;
}

}  // namespace win32
