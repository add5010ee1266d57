// Password hashing and the password policy checks Windows applies when a password is set.
//
// Passwords are stored as the NT hash (MD4 of the UTF-16LE text, hex), never in clear; the
// hash's temporary copies of the text are wiped. CheckPasswordPolicy applies the rules of
// fixer::CheckPasswordRules (fixer/password_rules.h: PWLEN, minimum length, passfilt.dll's
// complexity), then the history against the account's previous hashes, which only the fake
// keeps (docs/windows-reference.md#password-policy). Failure is 2245.
//
//   std::string h = fakes::NtHash("1pass@word");
//   fixer::PasswordPolicyInfo policy_info{.min_length = 7, .complexity = true};
//   fixer::Status st = fakes::CheckPasswordPolicy(policy_info, "ASPNET", "aspnet_wp account", {h},
//                                                 fixer::Secret::FromString("1pass@word"));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/ports/password_policy.h"
#include "fixer/result.h"
#include "fixer/secret.h"

namespace fakes {

// Hex (lower-case) NT hash of `clear`; "" for the empty password, the model's spelling of the
// blank password's hash (kBlankPasswordNtHash on Windows).
std::string NtHash(std::string_view clear);

// MD4 of no bytes: the NT hash Windows stores for an account whose password is blank (what a SAM
// dump shows for it: docs/windows-reference.md#blank-passwords). A hash read from outside is
// stored as "" when it is this one (StoredNtHash).
inline constexpr std::string_view kBlankPasswordNtHash = "31d6cfe0d16ae931b73c59d7e0c089c0";

// An NT hash as given (32 hex digits in either case, or ""), as the model stores it: lower-case,
// and "" for the blank password's.
std::string StoredNtHash(std::string_view hex);

// Why Windows cannot hold these password ages, or nullopt: the minimum age above a maximum one
// (a maximum of 0: passwords never expire, which bounds nothing) (docs/windows-reference.md#password-age).
std::optional<std::string> PasswordAgesProblem(uint32_t min_age_days, uint32_t max_age_days);

// ok, or Status::Win(2245). `history` holds previous hashes, newest first; only the first
// policy.history of them count. Pass the history for a user's own change only: an administrator's
// set ignores it (Sam::CheckPassword).
fixer::Status CheckPasswordPolicy(const fixer::PasswordPolicyInfo& policy, std::string_view account_name,
                                  std::string_view full_name, const std::vector<std::string>& history,
                                  const fixer::Secret& password);

}  // namespace fakes
