// Profiles: the ProfileList key, HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\<SID>,
// value ProfileImagePath (REG_EXPAND_SZ, expanded here); DeleteProfile (userenv, XP and later)
// removes the entry and the folder. An entry alone is read (RegEnumValue), removed (RegDeleteKey)
// and written back (RegCreateKeyEx, RegSetValueEx) value for value, for create-profile's undo.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <userenv.h>

#include "profile_list.h"
#include "win32_ports.h"

namespace win32 {

fixer::Result<std::optional<fixer::ProfileInfo>> Win32Profiles::Find(const fixer::Sid& sid) {
  auto entry = OpenProfileEntry(sid);
  if (!entry) return entry.status();
  if (!*entry) return std::optional<fixer::ProfileInfo>();
  auto folder = ProfileFolderOf((*entry)->get());
  if (!folder) return folder.status();
  const DWORD attributes = GetFileAttributesW(folder->c_str());
  return std::optional<fixer::ProfileInfo>(fixer::ProfileInfo{
      .sid = sid,
      .path = Narrow(*folder),
      .folder_exists = attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0});
}

// What userenv does for a new profile (KB 324734): NAME, then NAME.COMPUTERNAME, then
// NAME.COMPUTERNAME.000 ... while the folder exists; read here, nothing created. Folders alone
// decide, so a new account of the name gets the answer the present one does.
fixer::Result<std::string> Win32Profiles::NewProfileFolder(const std::string& user, fixer::NewProfileOwner) {
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

fixer::Result<fixer::PathHolder> Win32Profiles::WhatIsAt(const std::string& path) {
  const DWORD attributes = GetFileAttributesW(Widen(path).c_str());
  if (attributes == INVALID_FILE_ATTRIBUTES) {
    const DWORD error = GetLastError();
    if (error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND) return fixer::PathHolder::kNothing;
    return Error(error);
  }
  return (attributes & FILE_ATTRIBUTE_DIRECTORY) != 0 ? fixer::PathHolder::kFolder : fixer::PathHolder::kFile;
}

fixer::Status Win32Profiles::Delete(const fixer::Sid& sid) {
  auto found = Find(sid);
  if (!found) return found.status();
  if (!*found) return Error(ERROR_FILE_NOT_FOUND);  // the port's 2: no profile
  if (!DeleteProfileW(Widen(sid.ToString()).c_str(), nullptr, nullptr)) return LastError();
  changes_.Mark();
  return {};
}

fixer::Result<std::optional<fixer::ProfileListEntry>> Win32Profiles::ReadEntry(const fixer::Sid& sid) {
  auto opened = OpenProfileEntry(sid);
  if (!opened) return opened.status();
  if (!*opened) return std::optional<fixer::ProfileListEntry>();
  const RegKey& key = **opened;
  fixer::ProfileListEntry entry{sid, {}};
  std::vector<wchar_t> name(16384);  // a value name's limit: 16,383 characters
  std::vector<BYTE> data(1024);
  for (DWORD index = 0;;) {
    DWORD name_length = static_cast<DWORD>(name.size());
    DWORD type = 0;
    DWORD size = static_cast<DWORD>(data.size());
    const LONG rc = RegEnumValueW(key.get(), index, name.data(), &name_length, nullptr, &type, data.data(), &size);
    if (rc == ERROR_NO_MORE_ITEMS) break;
    if (rc == ERROR_MORE_DATA) {  // the same index again, with room for its data
      data.resize(size);
      continue;
    }
    if (rc != ERROR_SUCCESS) return Error(static_cast<DWORD>(rc));
    entry.values.push_back({Narrow(std::wstring_view(name.data(), name_length)), type,
                            std::string(reinterpret_cast<const char*>(data.data()), size)});
    ++index;
  }
  return std::optional<fixer::ProfileListEntry>(std::move(entry));
}

fixer::Status Win32Profiles::RemoveEntry(const fixer::Sid& sid) {
  // The entry's key alone: RegDeleteKey deletes no key that has subkeys (5), and 2 when there is none.
  const LONG rc = RegDeleteKeyW(HKEY_LOCAL_MACHINE, ProfileEntryPath(sid).c_str());
  if (rc != ERROR_SUCCESS) return Error(static_cast<DWORD>(rc));
  changes_.Mark();
  return {};
}

fixer::Status Win32Profiles::WriteEntry(const fixer::ProfileListEntry& entry) {
  RegKey key;
  LONG rc = RegCreateKeyExW(HKEY_LOCAL_MACHINE, ProfileEntryPath(entry.sid).c_str(), 0, nullptr,
                            REG_OPTION_NON_VOLATILE, KEY_SET_VALUE, nullptr, key.out(), nullptr);
  if (rc != ERROR_SUCCESS) return Error(static_cast<DWORD>(rc));
  changes_.Mark();
  for (const fixer::RegistryValue& value : entry.values) {
    rc = RegSetValueExW(key.get(), Widen(value.name).c_str(), 0, value.type,
                        reinterpret_cast<const BYTE*>(value.data.data()), static_cast<DWORD>(value.data.size()));
    if (rc != ERROR_SUCCESS) return Error(static_cast<DWORD>(rc));
  }
  return {};
}

}  // namespace win32
