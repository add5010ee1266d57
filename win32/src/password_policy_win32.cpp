// PasswordPolicy: NetUserModalsGet level 0 (minimum length, ages, history) and level 3
// (lockout threshold). XP has no documented call that reads the complexity setting or tests a
// password without setting it (NetValidatePasswordPolicy is Server 2003 and later), so Check
// applies passfilt.dll's complexity rules always: a password that passes them passes either
// setting, and NetUserSetInfo still has the last word (2245). docs/windows-reference.md#choice-win32-complexity.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <lm.h>

#include <algorithm>
#include <cctype>

#include "win32_ports.h"

namespace win32 {

namespace {

// passfilt.dll: at least three of upper case, lower case, digits, other characters, and not
// containing the account name (when it is three characters or more), case-insensitively.
bool PassesComplexity(const std::string& account, std::string_view password) {
  int upper = 0, lower = 0, digit = 0, other = 0;
  for (unsigned char c : password) {
    if (std::isupper(c))
      upper = 1;
    else if (std::islower(c))
      lower = 1;
    else if (std::isdigit(c))
      digit = 1;
    else
      other = 1;
  }
  if (upper + lower + digit + other < 3) return false;
  if (account.size() < 3) return true;
  return AsciiLower(password).find(AsciiLower(account)) == std::string::npos;
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
  auto info = Get();
  if (!info) return info.status();
  if (password.size() < info->min_length || !PassesComplexity(account, password.Reveal())) {
    return Error(NERR_PasswordTooShort);
  }
  return {};
}

}  // namespace win32
