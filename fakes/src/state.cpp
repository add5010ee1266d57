#include "fakes/state.h"

#include <algorithm>

#include "fixer/name_case.h"

namespace fakes {

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
  std::transform(path.begin(), path.end(), out, [](char c) { return fixer::FoldWindowsChar(c); });
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
