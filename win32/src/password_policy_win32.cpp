// PasswordPolicy: NetUserModalsGet level 0 (minimum length, ages, history) and level 3
// (lockout threshold). XP has no documented call that reads the complexity setting or tests a
// password without setting it (NetValidatePasswordPolicy is Server 2003 and later), so Get
// reports complexity on and Check applies passfilt.dll's complexity rules always: a password
// that passes them passes either setting, and NetUserSetInfo still has the last word (2245).
// docs/windows-reference.md#choice-win32-complexity. Check asks the rules the fake asks too
// (fixer/password_rules.h) with the account's full name from NetUserGetInfo level 23; the
// password history is not checked (an administrator's set ignores it, and no XP call reads an
// account's previous passwords). The blank-password rule is the registry value the security
// policy "Accounts: Limit local account use of blank passwords to console logon only" writes.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <lm.h>

#include <string>

#include "fixer/password_rules.h"

#include "win32_ports.h"

namespace win32 {

namespace {

// The account's full name; "" for an account that does not exist yet (NetUserAdd's case).
fixer::Result<std::string> FullNameOf(const std::string& account) {
  BYTE* buffer = nullptr;
  NET_API_STATUS rc = NetUserGetInfo(nullptr, Widen(account).c_str(), 23, &buffer);
  if (rc == NERR_UserNotFound) return std::string();
  if (rc != NERR_Success) return Error(rc);
  const wchar_t* full = reinterpret_cast<const USER_INFO_23*>(buffer)->usri23_full_name;
  std::string name = full ? Narrow(full) : "";
  NetApiBufferFree(buffer);
  return name;
}

}  // namespace

fixer::Result<fixer::PasswordPolicyInfo> Win32PasswordPolicy::Get() {
  fixer::PasswordPolicyInfo info;
  BYTE* buffer = nullptr;
  if (NET_API_STATUS rc = NetUserModalsGet(nullptr, 0, &buffer); rc != NERR_Success) return Error(rc);
  const auto* modals = reinterpret_cast<const USER_MODALS_INFO_0*>(buffer);
  constexpr DWORD kDay = 24 * 60 * 60;
  info.min_length = modals->usrmod0_min_passwd_len;
  info.history = modals->usrmod0_password_hist_len;
  info.max_age_days = modals->usrmod0_max_passwd_age == TIMEQ_FOREVER ? 0 : modals->usrmod0_max_passwd_age / kDay;
  info.min_age_days = modals->usrmod0_min_passwd_age / kDay;
  NetApiBufferFree(buffer);
  if (NET_API_STATUS rc = NetUserModalsGet(nullptr, 3, &buffer); rc != NERR_Success) return Error(rc);
  info.lockout_threshold = reinterpret_cast<const USER_MODALS_INFO_3*>(buffer)->usrmod3_lockout_threshold;
  NetApiBufferFree(buffer);
  info.complexity = true;  // not readable on XP (see above): assumed, so Check is never looser than Windows
  return info;
}

fixer::Status Win32PasswordPolicy::Check(const std::string& account, const fixer::Secret& password) {
  // PWLEN holds whatever the policy, so it is asked first, with no policy: a longer password is
  // 2245 even where NetUserModalsGet fails (Wine answers 2140 for levels 0 and 3).
  if (fixer::Status st = fixer::CheckPasswordRules(fixer::PasswordPolicyInfo{}, account, "", password); !st.ok()) {
    return st;
  }
  auto info = Get();
  if (!info) return info.status();
  auto full_name = FullNameOf(account);
  if (!full_name) return full_name.status();
  return fixer::CheckPasswordRules(*info, account, *full_name, password);
}

fixer::Result<bool> Win32PasswordPolicy::LimitsBlankPasswordUse() {
  // Absent (key or value), the policy is on: its default (docs/windows-reference.md#blank-passwords).
  auto key = OpenLocalMachineKeyIfPresent(L"SYSTEM\\CurrentControlSet\\Control\\Lsa");
  if (!key) return key.status();
  if (!*key) return true;
  auto value = ReadDword((*key)->get(), L"LimitBlankPasswordUse");
  if (!value && value.status().code() == ERROR_FILE_NOT_FOUND) return true;
  if (!value) return value.status();
  return *value != 0;
}

}  // namespace win32
