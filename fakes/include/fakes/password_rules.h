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

#include <string>
#include <string_view>
#include <vector>

#include "fixer/ports/password_policy.h"
#include "fixer/result.h"
#include "fixer/secret.h"

namespace fakes {

// Hex (lower-case) NT hash of `clear`; "" for the empty password.
std::string NtHash(std::string_view clear);

// ok, or Status::Win(2245). `history` holds previous hashes, newest first; only the first
// policy.history of them count. Pass the history for a user's own change only: an administrator's
// set ignores it (Sam::CheckPassword).
fixer::Status CheckPasswordPolicy(const fixer::PasswordPolicyInfo& policy, std::string_view account_name,
                                  std::string_view full_name, const std::vector<std::string>& history,
                                  const fixer::Secret& password);

}  // namespace fakes
