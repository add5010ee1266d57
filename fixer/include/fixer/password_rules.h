// CheckPasswordRules: the XP password rules a password must pass when it is set, as one pure
// function both backends ask (the fake SAM, and the Win32 PasswordPolicy before NetUserSetInfo).
//
// The rules of docs/windows-reference.md#password-policy, counted in UTF-16 units as Windows
// counts (fixer/utf16.h): at most 256 characters (PWLEN) whatever the policy; at least the
// policy's minimum length; with complexity on, passfilt.dll's rules: at least 6 characters,
// three of the four classes (upper A-Z, lower a-z, digit, other; a non-ASCII character is
// "other"), not containing the account name when it has 3 characters or more, nor any token of
// 3 or more of the full name split on , . - _ space # tab; names compared without regard to
// ASCII case (fixer/name_case.h). Failure is 2245. History is not checked here: it needs the
// account's previous hashes, which only the fake keeps (fakes/password_rules.h). The UTF-16 copy
// of the password is wiped before the call returns.
//
//   fixer::PasswordPolicyInfo policy_info{.min_length = 7, .complexity = true};
//   fixer::Status st = fixer::CheckPasswordRules(policy_info, "ASPNET", "aspnet_wp account",
//                                                fixer::Secret::FromString("1pass@word"));  // ok
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fixer/ports/password_policy.h"
#include "fixer/result.h"
#include "fixer/secret.h"

namespace fixer {

// PWLEN (lmcons.h): NetUserAdd and NetUserSetInfo refuse a longer password with 2245.
inline constexpr size_t kMaxPasswordChars = 256;
// passfilt.dll's own minimum when complexity is on.
inline constexpr size_t kComplexityMinChars = 6;
// The shortest account name, or full-name token, passfilt.dll looks for in a password.
inline constexpr size_t kShortestNameChecked = 3;

// The first rule of CheckPasswordRules's that `password` breaks, in this order; kNone if none.
// Windows answers 2245 whichever it is; the fixer's advice follows the rule.
enum class PasswordRule : uint8_t { kNone, kTooLong, kTooShort, kComplexity };
PasswordRule BrokenPasswordRule(const PasswordPolicyInfo& policy, std::string_view account_name,
                                std::string_view full_name, const Secret& password);

// ok, or Status::Win(2245). With a default PasswordPolicyInfo (no minimum, complexity off) only
// PWLEN is asked: what holds whatever the policy.
Status CheckPasswordRules(const PasswordPolicyInfo& policy, std::string_view account_name, std::string_view full_name,
                          const Secret& password);

}  // namespace fixer
