// PasswordPolicy: the local password and lockout policy, and whether a password passes it.
//
// Real backend: NetUserModalsGet (levels 0 and 3) and the password filters (passfilt.dll);
// the blank-password rule from HKLM\SYSTEM\CurrentControlSet\Control\Lsa\LimitBlankPasswordUse.
//
//   fixer::Secret candidate = fixer::Secret::FromString("Tmp-pa55word!x");
//   fixer::Status st = policy.Check("ASPNET", candidate);   // 2245 if it fails
//   fixer::Result<bool> console_only = policy.LimitsBlankPasswordUse();   // true: a blank one is 1327
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "fixer/result.h"
#include "fixer/secret.h"

namespace fixer {

// The blank-password policy as secpol.msc shows it (Security Options), and the registry value it writes.
inline constexpr std::string_view kBlankPasswordPolicyName =
    "\"Accounts: Limit local account use of blank passwords to console logon only\"";
inline constexpr std::string_view kBlankPasswordPolicyValue =
    "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Lsa\\LimitBlankPasswordUse";

struct PasswordPolicyInfo {
  uint32_t min_length = 0;
  bool complexity = false;
  uint32_t history = 0;
  uint32_t max_age_days = 42;
  uint32_t min_age_days = 0;
  uint32_t lockout_threshold = 0;  // 0: never lock out
  friend bool operator==(const PasswordPolicyInfo&, const PasswordPolicyInfo&) = default;
};

class PasswordPolicy {
 public:
  virtual ~PasswordPolicy() = default;
  virtual Result<PasswordPolicyInfo> Get() = 0;
  // What NetUserSetInfo would answer for this password on this account: ok, or 2245.
  // History is checked against the account's previous passwords.
  virtual Status Check(const std::string& account, const Secret& password) = 0;
  // "Accounts: Limit local account use of blank passwords to console logon only" (on by default):
  // true when a blank password logs on only at the console, so runas and a batch logon answer 1327.
  virtual Result<bool> LimitsBlankPasswordUse() = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class PasswordPolicyWrapper : public PasswordPolicy {
 public:
  explicit PasswordPolicyWrapper(PasswordPolicy& target) : target_(target) {}
  PasswordPolicy& target() { return target_; }
  Result<PasswordPolicyInfo> Get() override { return target_.Get(); }
  Status Check(const std::string& account, const Secret& password) override { return target_.Check(account, password); }
  Result<bool> LimitsBlankPasswordUse() override { return target_.LimitsBlankPasswordUse(); }

 private:
  PasswordPolicy& target_;
};

}  // namespace fixer
