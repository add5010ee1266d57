// PasswordPolicy: NetUserModalsGet level 0 (minimum length, ages, history) and level 3
// (lockout threshold). XP has no documented call that reads the complexity setting or tests a
// password without setting it (NetValidatePasswordPolicy is Server 2003 and later), so Check
// applies passfilt.dll's complexity rules always: a password that passes them passes either
// setting, and NetUserSetInfo still has the last word (2245). docs/windows-reference.md#choice-win32-complexity.
// The full name comes from NetUserGetInfo level 23; lengths are UTF-16 units, as Windows counts.
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <lm.h>

#include <string_view>

#include "win32_ports.h"

namespace win32 {

namespace {

// PWLEN (lmcons.h): NetUserAdd and NetUserSetInfo refuse a longer password with 2245 whatever
// the policy (docs/windows-reference.md#password-policy); counted in UTF-16 units.
constexpr size_t kMaxPasswordChars = 256;
// passfilt.dll's own minimum when complexity is on ([passfilt]).
constexpr size_t kComplexityMinChars = 6;

// A UTF-16 copy of the clear password, wiped when it goes.
struct WipedWide {
  std::wstring text;
  ~WipedWide() { SecureZeroMemory(text.data(), text.size() * sizeof(wchar_t)); }
};

wchar_t FoldAscii(wchar_t c) { return c >= L'A' && c <= L'Z' ? static_cast<wchar_t>(c - L'A' + L'a') : c; }

// Whether `name` occurs in `password`, ASCII case folded one character at a time (no folded copy).
bool ContainsIgnoreCase(std::wstring_view password, std::wstring_view name) {
  if (name.size() > password.size()) return false;
  for (size_t at = 0; at + name.size() <= password.size(); ++at) {
    size_t i = 0;
    while (i < name.size() && FoldAscii(password[at + i]) == FoldAscii(name[i])) ++i;
    if (i == name.size()) return true;
  }
  return false;
}

// Upper, lower, digit, other; a non-ASCII character counts as other, as on the fake
// (fakes/src/password_rules.cpp ClassCount).
int ClassCount(std::wstring_view password) {
  bool upper = false, lower = false, digit = false, other = false;
  for (wchar_t c : password) {
    if (c >= L'A' && c <= L'Z')
      upper = true;
    else if (c >= L'a' && c <= L'z')
      lower = true;
    else if (c >= L'0' && c <= L'9')
      digit = true;
    else
      other = true;
  }
  return int{upper} + int{lower} + int{digit} + int{other};
}

// passfilt.dll: at least 6 characters, three of the four classes, not containing the account
// name nor any token of the full name (split on , . - _ # space tab) of 3 characters or more.
bool PassesComplexity(std::wstring_view account, std::wstring_view full_name, std::wstring_view password) {
  if (password.size() < kComplexityMinChars || ClassCount(password) < 3) return false;
  if (account.size() >= 3 && ContainsIgnoreCase(password, account)) return false;
  size_t start = 0;
  while (start <= full_name.size()) {
    size_t end = full_name.find_first_of(L",.-_# \t", start);
    if (end == std::wstring_view::npos) end = full_name.size();
    const std::wstring_view token = full_name.substr(start, end - start);
    if (token.size() >= 3 && ContainsIgnoreCase(password, token)) return false;
    start = end + 1;
  }
  return true;
}

// The account's full name; "" for an account that does not exist yet (NetUserAdd's case).
fixer::Result<std::wstring> FullNameOf(const std::wstring& account) {
  BYTE* buffer = nullptr;
  NET_API_STATUS rc = NetUserGetInfo(nullptr, account.c_str(), 23, &buffer);
  if (rc == NERR_UserNotFound) return std::wstring();
  if (rc != NERR_Success) return Error(rc);
  const wchar_t* full = reinterpret_cast<const USER_INFO_23*>(buffer)->usri23_full_name;
  std::wstring name = full ? full : L"";
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
  WipedWide clear{Widen(password.Reveal())};
  if (clear.text.size() > kMaxPasswordChars) return Error(NERR_PasswordTooShort);
  auto info = Get();
  if (!info) return info.status();
  if (clear.text.size() < info->min_length) return Error(NERR_PasswordTooShort);
  const std::wstring name = Widen(account);
  auto full_name = FullNameOf(name);
  if (!full_name) return full_name.status();
  if (!PassesComplexity(name, *full_name, clear.text)) return Error(NERR_PasswordTooShort);
  return {};
}

}  // namespace win32
