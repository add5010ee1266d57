#include "fakes/state.h"

#include <algorithm>

namespace fakes {

namespace {
char FoldChar(unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); }
}  // namespace

std::string FoldCase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return FoldChar(c); });
  return out;
}

// Without FoldCase's copies: names are compared on every lookup.
bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return FoldChar(x) == FoldChar(y);
         });
}

// One allocation, and the path folded by a plain loop over a buffer of its final size (a
// push_back per character was most of the cost): every object lookup builds its key.
std::string ObjectKey(fixer::ObjectNamespace ns, std::string_view path) {
  const std::string_view name = fixer::ToString(ns);
  std::string key(name.size() + 1 + path.size(), ':');
  std::copy(name.begin(), name.end(), key.begin());
  std::transform(path.begin(), path.end(), key.begin() + static_cast<std::ptrdiff_t>(name.size() + 1),
                 [](unsigned char c) { return FoldChar(c); });
  return key;
}

}  // namespace fakes
