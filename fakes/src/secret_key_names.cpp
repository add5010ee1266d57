// NamesSecretKey (secret_key_names.h): keys compared by their letters and digits
// (fakes::KeySkeleton), a password key's typos by their edit distance.
#include "secret_key_names.h"

#include <algorithm>
#include <string>
#include <vector>

#include "fakes/key_spelling.h"

namespace fakes {
namespace {

constexpr std::string_view kSecretKeys[] = {"password", "temp_password", "password_hash", "password_history",
                                            "clear",    "stored",        "answer",        "output_lacks"};

// A key this long (letters and digits) is a password key: its typos are masked too. The short
// secret keys are matched by spelling alone: a near miss of one is another key (`answers`).
constexpr size_t kTypoCheckedLength = 8;
constexpr size_t kMaxTypoEdits = 2;

// Edits between `a` and `b`: insertions, deletions, substitutions and swaps of neighbours
// (the optimal string alignment distance).
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

}  // namespace

std::span<const std::string_view> SecretKeys() { return kSecretKeys; }

bool NamesSecretKey(std::string_view key) {
  const std::string written = KeySkeleton(key);
  if (written.empty()) return false;
  return std::any_of(std::begin(kSecretKeys), std::end(kSecretKeys), [&](std::string_view secret) {
    const std::string meant = KeySkeleton(secret);
    if (written == meant) return true;
    const size_t apart = written.size() > meant.size() ? written.size() - meant.size() : meant.size() - written.size();
    return meant.size() >= kTypoCheckedLength && apart <= kMaxTypoEdits &&
           EditDistance(written, meant) <= kMaxTypoEdits;
  });
}

}  // namespace fakes
