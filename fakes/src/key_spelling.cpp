// KnownSpelling and SpeltHint (fakes/key_spelling.h).
#include "fakes/key_spelling.h"

#include <algorithm>

#include "fixer/quoted_value.h"

namespace fakes {

std::string KeySkeleton(std::string_view key) {
  std::string out;
  for (const char c : key) {
    if (c == '_' || c == '-' || c == ' ') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

std::optional<std::string_view> KnownSpelling(std::string_view key, const std::vector<std::string_view>& known) {
  if (std::find(known.begin(), known.end(), key) != known.end()) return std::nullopt;
  const std::string skeleton = KeySkeleton(key);
  for (const std::string_view k : known)
    if (KeySkeleton(k) == skeleton) return k;
  return std::nullopt;
}

std::string SpeltHint(std::string_view key, const std::vector<std::string_view>& known) {
  const std::optional<std::string_view> meant = KnownSpelling(key, known);
  return meant ? ", spelt " + fixer::QuotedValue(*meant) + " here" : "";
}

}  // namespace fakes
