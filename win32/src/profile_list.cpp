// The ProfileList key (profile_list.h).
#include "profile_list.h"

namespace win32 {

std::wstring ProfileEntryPath(const fixer::Sid& sid) {
  return std::wstring(kProfileListKey) + L"\\" + Widen(sid.ToString());
}

fixer::Result<std::optional<RegKey>> OpenProfileEntry(const fixer::Sid& sid) {
  return OpenLocalMachineKeyIfPresent(ProfileEntryPath(sid));
}

fixer::Result<std::wstring> ProfileFolderOf(HKEY entry) {
  auto stored = ReadString(entry, L"ProfileImagePath");
  if (!stored) return stored.status();
  // ExpandEnvironmentStrings answers the size it needs, its NUL counted, when the buffer is short.
  std::wstring expanded(MAX_PATH, L'\0');
  for (;;) {
    const DWORD length =
        ExpandEnvironmentStringsW(stored->c_str(), expanded.data(), static_cast<DWORD>(expanded.size()));
    if (length == 0) return LastError();
    if (length <= expanded.size()) {
      expanded.resize(length - 1);
      return expanded;
    }
    expanded.resize(length);
  }
}

}  // namespace win32
