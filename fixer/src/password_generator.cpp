// Random temporary passwords that pass the local policy; see fixer/password_generator.h.
#include "fixer/password_generator.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace fixer {
namespace {

// Look-alike characters (0/O, 1/l/I) are left out: an operator may have to type it into runas.
constexpr std::string_view kUpper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr std::string_view kLower = "abcdefghijkmnopqrstuvwxyz";
constexpr std::string_view kDigit = "23456789";
constexpr std::string_view kSymbol = "!#$%&*+-=?@^_~";

char Pick(Random& random, std::string_view alphabet) {
  return alphabet[UniformBelow(random, static_cast<uint32_t>(alphabet.size()))];
}

}  // namespace

Secret RandomPassword(Random& random, size_t length) {
  const std::array<std::string_view, 4> classes = {kUpper, kLower, kDigit, kSymbol};
  length = std::max<size_t>(length, classes.size());
  std::string all;
  for (auto c : classes) all += c;

  std::string pw;
  pw.reserve(length);
  for (auto c : classes) pw += Pick(random, c);  // one of each class, guaranteed
  while (pw.size() < length) pw += Pick(random, all);
  // Fisher-Yates, so the guaranteed characters are not always in front.
  for (size_t i = pw.size() - 1; i > 0; --i) {
    std::swap(pw[i], pw[UniformBelow(random, static_cast<uint32_t>(i + 1))]);
  }
  Secret out = Secret::FromString(pw);
  std::fill(pw.begin(), pw.end(), '\0');
  return out;
}

Result<Secret> GenerateTempPassword(Random& random, PasswordPolicy& policy, const std::string& account) {
  size_t length = kTempPasswordMinLength;
  auto info = policy.Get();
  if (!info) return info.status();
  length = std::max<size_t>(length, info->min_length);

  Status last = Status::Win(kNerrPasswordTooShort);
  for (int attempt = 0; attempt < kTempPasswordAttempts; ++attempt) {
    Secret candidate = RandomPassword(random, length);
    last = policy.Check(account, candidate);
    if (last.ok()) return candidate;
  }
  return last;
}

}  // namespace fixer
