// win32::EnabledPrivileges on the process token of the machine the suite runs on (Windows, or
// Wine): inside the scope both hive privileges are enabled, after it each is as it was before.
#include "enabled_privileges.h"

#include <windows.h>

#include <optional>
#include <vector>

#include <gtest/gtest.h>

namespace {

// Whether the process token holds `name`, and if so whether it is enabled now.
std::optional<bool> EnabledNow(const wchar_t* name) {
  HANDLE token = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return std::nullopt;
  DWORD bytes = 0;
  GetTokenInformation(token, TokenPrivileges, nullptr, 0, &bytes);  // the size
  std::vector<BYTE> buffer(bytes);
  const bool read = GetTokenInformation(token, TokenPrivileges, buffer.data(), bytes, &bytes) != FALSE;
  CloseHandle(token);
  LUID luid;
  if (!read || !LookupPrivilegeValueW(nullptr, name, &luid)) return std::nullopt;
  const auto* held = reinterpret_cast<const TOKEN_PRIVILEGES*>(buffer.data());
  for (DWORD i = 0; i < held->PrivilegeCount; ++i) {
    const LUID_AND_ATTRIBUTES& p = held->Privileges[i];
    if (p.Luid.LowPart == luid.LowPart && p.Luid.HighPart == luid.HighPart)
      return (p.Attributes & SE_PRIVILEGE_ENABLED) != 0;
  }
  return std::nullopt;
}

TEST(EnabledPrivileges, EnablesTheHivePrivilegesForTheScopeAndPutsThemBack) {
  const std::optional<bool> backup = EnabledNow(SE_BACKUP_NAME), restore = EnabledNow(SE_RESTORE_NAME);
  if (!backup || !restore) GTEST_SKIP() << "the process token does not hold both (not an administrator)";
  {
    win32::EnabledPrivileges scope({SE_BACKUP_NAME, SE_RESTORE_NAME});
    EXPECT_EQ(EnabledNow(SE_BACKUP_NAME), true);
    EXPECT_EQ(EnabledNow(SE_RESTORE_NAME), true);
    EXPECT_EQ(scope.enabled(), (*backup ? 0u : 1u) + (*restore ? 0u : 1u));
  }
  EXPECT_EQ(EnabledNow(SE_BACKUP_NAME), backup);
  EXPECT_EQ(EnabledNow(SE_RESTORE_NAME), restore);
}

// A privilege the token does not hold (SeCreateTokenPrivilege: only LocalSystem's token has it,
// and an unknown name) is left out; those it holds are still enabled and put back.
TEST(EnabledPrivileges, LeavesOutWhatTheTokenDoesNotHold) {
  const std::optional<bool> backup = EnabledNow(SE_BACKUP_NAME);
  if (!backup) GTEST_SKIP() << "the process token does not hold SeBackupPrivilege (not an administrator)";
  if (EnabledNow(SE_CREATE_TOKEN_NAME)) GTEST_SKIP() << "the process token holds SeCreateTokenPrivilege";
  {
    win32::EnabledPrivileges scope({SE_CREATE_TOKEN_NAME, L"SeNoSuchPrivilege", SE_BACKUP_NAME});
    EXPECT_EQ(EnabledNow(SE_BACKUP_NAME), true);
    EXPECT_FALSE(EnabledNow(SE_CREATE_TOKEN_NAME).has_value());
  }
  EXPECT_EQ(EnabledNow(SE_BACKUP_NAME), backup);
}

}  // namespace
