// Profiles: the ProfileList key, HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\<SID>,
// value ProfileImagePath (REG_EXPAND_SZ, expanded here); DeleteProfile (userenv, XP and later)
// removes the entry and the folder.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <userenv.h>

#include "win32_ports.h"

namespace win32 {

namespace {

const std::wstring kProfileList = L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\";

}  // namespace

fixer::Result<std::optional<fixer::ProfileInfo>> Win32Profiles::Find(const fixer::Sid& sid) {
  auto key = OpenLocalMachineKey(kProfileList + Widen(sid.ToString()));
  if (!key) {
    if (key.status().code() == ERROR_FILE_NOT_FOUND) return std::optional<fixer::ProfileInfo>();
    return key.status();
  }
  RegKey owner(*key);
  auto stored = ReadString(owner.get(), L"ProfileImagePath");
  if (!stored) return stored.status();
  wchar_t expanded[MAX_PATH * 2];
  DWORD length = ExpandEnvironmentStringsW(stored->c_str(), expanded, MAX_PATH * 2);
  if (length == 0 || length > MAX_PATH * 2) return LastError();
  const DWORD attributes = GetFileAttributesW(expanded);
  return std::optional<fixer::ProfileInfo>(fixer::ProfileInfo{
      .sid = sid,
      .path = Narrow(expanded),
      .folder_exists = attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0});
}

// What userenv does for a new profile (KB 324734): NAME, then NAME.COMPUTERNAME, then
// NAME.COMPUTERNAME.000 ... while the folder exists; read here, nothing created.
fixer::Result<std::string> Win32Profiles::NewProfileFolder(const std::string& user) {
  wchar_t root[MAX_PATH] = {};
  DWORD root_length = MAX_PATH;
  if (!GetProfilesDirectoryW(root, &root_length)) return LastError();
  wchar_t computer[MAX_COMPUTERNAME_LENGTH + 1] = {};
  DWORD computer_length = MAX_COMPUTERNAME_LENGTH + 1;
  if (!GetComputerNameW(computer, &computer_length)) return LastError();
  const std::wstring base = std::wstring(root) + L"\\" + Widen(user);
  const std::wstring with_computer = base + L"." + computer;
  auto taken = [](const std::wstring& path) { return GetFileAttributesW(path.c_str()) != INVALID_FILE_ATTRIBUTES; };
  if (!taken(base)) return Narrow(base);
  if (!taken(with_computer)) return Narrow(with_computer);
  for (int n = 0; n <= 999; ++n) {
    const wchar_t suffix[] = {L'.', wchar_t(L'0' + n / 100), wchar_t(L'0' + n / 10 % 10), wchar_t(L'0' + n % 10), 0};
    if (!taken(with_computer + suffix)) return Narrow(with_computer + suffix);
  }
  return Error(ERROR_ALREADY_EXISTS);
}

fixer::Status Win32Profiles::Delete(const fixer::Sid& sid) {
  auto found = Find(sid);
  if (!found) return found.status();
  if (!*found) return Error(ERROR_FILE_NOT_FOUND);  // the port's 2: no profile
  if (!DeleteProfileW(Widen(sid.ToString()).c_str(), nullptr, nullptr)) return LastError();
  changes_.Mark();
  return {};
}

}  // namespace win32
