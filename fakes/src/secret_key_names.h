// Whether a key of a machine, scenario or state file names a secret however it is written, so
// that an error's excerpt never quotes the value under it (excerpt_secrets.h): a key the loaders
// read as a secret key in another spelling ("unknown key 'pass_word', spelt 'password' here") or
// a typo of a password key holds what the user meant as a password all the same.
//
//   fakes::NamesSecretKey("password");       // true: a secret key
//   fakes::NamesSecretKey("PASS-word");      // true: its letters in another case, `-` left out
//   fakes::NamesSecretKey("tempPassword");   // true: temp_password
//   fakes::NamesSecretKey("passwrd");        // true: one edit from password
//   fakes::NamesSecretKey("answers");        // false: near misses of the short keys are other keys
#pragma once

#include <span>
#include <string_view>

namespace fakes {

// The keys whose values are secrets in machine and scenario files: passwords, LSA secrets, hashes,
// what the user types, and a scenario's `output_lacks` text (docs/scenario-format.md: most often a
// password that must not be printed).
std::span<const std::string_view> SecretKeys();

// The secret keys (SecretKeys) in any case with `_`, `-` and spaces anywhere; and within two edits (a letter added,
// left out, changed, or two swapped) of a password key, the letters compared the same way.
bool NamesSecretKey(std::string_view key);

}  // namespace fakes
