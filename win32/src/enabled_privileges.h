// Privileges the process token holds, enabled for a scope and put back as they were after it.
// Windows XP's LoadUserProfile needs the caller's SeBackupPrivilege and SeRestorePrivilege
// (it loads the user's hive, as RegLoadKey does, which needs both enabled); an administrator
// holds both, disabled, in its token (docs/windows-reference.md, "Profiles").
//
//   win32::EnabledPrivileges scope({SE_BACKUP_NAME, SE_RESTORE_NAME});
//   if (!LoadUserProfileW(token, &profile)) return win32::LastError();  // both enabled here
//   // scope's end: each privilege this scope enabled is disabled again
#pragma once

#include <windows.h>

#include <initializer_list>
#include <vector>

namespace win32 {

class EnabledPrivileges {
 public:
  // Enables each privilege of `names` the token holds; one it does not hold is left out (the
  // call that needs it then fails with its own error, which is what the caller reports).
  explicit EnabledPrivileges(std::initializer_list<const wchar_t*> names);
  EnabledPrivileges(const EnabledPrivileges&) = delete;
  EnabledPrivileges& operator=(const EnabledPrivileges&) = delete;
  ~EnabledPrivileges();

  // How many of them this scope enabled (were disabled before it).
  DWORD enabled() const;

 private:
  HANDLE token_ = nullptr;
  std::vector<BYTE> previous_;  // a TOKEN_PRIVILEGES: the state of those it changed, before
};

}  // namespace win32
