#include "fakes/state.h"

#include <algorithm>

namespace fakes {

std::string FoldCase(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && FoldCase(a) == FoldCase(b);
}

std::string ObjectKey(fixer::ObjectNamespace ns, std::string_view path) {
  return std::string(fixer::ToString(ns)) + ":" + FoldCase(path);
}

}  // namespace fakes
