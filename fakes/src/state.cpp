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

namespace {

size_t ObjectKeySize(fixer::ObjectNamespace ns, std::string_view path) {
  return fixer::ToString(ns).size() + 1 + path.size();
}

// Writes ObjectKey(ns, path) to `out` (ObjectKeySize chars): the path folded by a plain loop
// (which the compiler vectorises; a push_back per character was most of the cost), as every
// object lookup folds its key.
void FoldObjectKeyInto(fixer::ObjectNamespace ns, std::string_view path, char* out) {
  const std::string_view name = fixer::ToString(ns);
  out = std::copy(name.begin(), name.end(), out);
  *out++ = ':';
  std::transform(path.begin(), path.end(), out, [](unsigned char c) { return FoldChar(c); });
}

}  // namespace

std::string ObjectKey(fixer::ObjectNamespace ns, std::string_view path) {
  std::string key(ObjectKeySize(ns, path), '\0');
  FoldObjectKeyInto(ns, path, key.data());
  return key;
}

FoldedObjectKey::FoldedObjectKey(fixer::ObjectNamespace ns, std::string_view path) : size_(ObjectKeySize(ns, path)) {
  char* out = inline_;
  if (size_ > kInline) {
    long_.resize(size_);
    out = long_.data();
  }
  FoldObjectKeyInto(ns, path, out);
}

}  // namespace fakes
