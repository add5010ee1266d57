// A key written as another spelling of a key a file takes: the same field spelt two ways in the
// two input formats (`user_name` in a scenario step, `userName` in a machine file's process_model)
// is named in the error at that key, in both loaders, so the fix is in the message.
//
//   std::vector<std::string_view> keys = {"framework", "userName", "password"};
//   auto meant = fakes::KnownSpelling("user_name", keys);   // "userName"
//   std::string said = fakes::SpeltHint("user_name", keys);  // ", spelt 'userName' here"
//   bool none = !fakes::KnownSpelling("domain", keys);       // no key is spelt so
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fakes {

// `key`'s letters and digits, a-z as A-Z: what two spellings of one key share
// (`user_name`, `UserName` and `user-name` are all "USERNAME").
std::string KeySkeleton(std::string_view key);

// The key of `known` that `key` spells another way: the same letters and digits, in any case,
// with `_`, `-` and spaces left out (`user_name`, `UserName`, `user-name` for `userName`);
// nullopt when none does or `key` is one of `known` as it is.
std::optional<std::string_view> KnownSpelling(std::string_view key, const std::vector<std::string_view>& known);

// ", spelt 'userName' here" for an unknown key that KnownSpelling finds, else "".
std::string SpeltHint(std::string_view key, const std::vector<std::string_view>& known);

}  // namespace fakes
