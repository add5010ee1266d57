// password_generator: a random temporary password that the local policy accepts.
//
// Randomness comes only from the Random port. Every password has upper, lower, digit and
// symbol characters and is at least 16 long (longer if the policy's minimum demands), and each
// candidate is checked with PasswordPolicy::Check before it is returned; a rejected candidate is
// redrawn a bounded number of times.
//
//   #include "fixer/ports/ports.h"
//   fixer::Result<fixer::Secret> pw = fixer::GenerateTempPassword(ports.random, ports.policy, "ASPNET");
//   if (!pw) logger->error("{}", pw.status());   // 2245 if the policy rejected every candidate
#pragma once

#include <string>

#include "fixer/ports/password_policy.h"
#include "fixer/ports/random.h"
#include "fixer/result.h"
#include "fixer/secret.h"

namespace fixer {

inline constexpr size_t kTempPasswordMinLength = 16;
inline constexpr int kTempPasswordAttempts = 20;

// One candidate of `length` (>= 4) characters with all four classes; no policy check.
Secret RandomPassword(Random& random, size_t length);

// A candidate that PasswordPolicy::Check accepts for `account`.
Result<Secret> GenerateTempPassword(Random& random, PasswordPolicy& policy, const std::string& account);

}  // namespace fixer
