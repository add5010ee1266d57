// The ProfileList key, HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList: one subkey a
// profile, named by its owner's SID, the profile's folder in its ProfileImagePath (REG_EXPAND_SZ).
// The profiles port, the logon port (whether a logon made a profile) and the security port's scan
// (each profile's folder) read it here.
//
//   auto entry = win32::OpenProfileEntry(sid);
//   if (!entry) return entry.status();  // a Windows error other than 2
//   if (!*entry) return false;          // no entry: the SID has no profile
//   auto folder = win32::ProfileFolderOf((*entry)->get());  // "C:\Documents and Settings\ASPNET"
#pragma once

#include <windows.h>

#include <optional>
#include <string>

#include "fixer/result.h"
#include "fixer/sid.h"
#include "win32_util.h"

namespace win32 {

// The key under HKLM, without a trailing backslash.
inline constexpr wchar_t kProfileListKey[] = L"SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList";

// HKLM's subkey path of `sid`'s entry: ProfileList\<SID>.
std::wstring ProfileEntryPath(const fixer::Sid& sid);

// `sid`'s entry opened for reading; nullopt where it has none (RegOpenKeyEx's 2), any other error as it is.
fixer::Result<std::optional<RegKey>> OpenProfileEntry(const fixer::Sid& sid);

// An entry's ProfileImagePath with its environment variables expanded (%SystemDrive%, as userenv
// writes it): the profile's folder.
fixer::Result<std::wstring> ProfileFolderOf(HKEY entry);

}  // namespace win32
