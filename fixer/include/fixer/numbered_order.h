// The order of keys that hold numbers: each run of digits read as its number, so a reader sees
// "seq 2" before "seq 10", "ace.9" before "ace.10" and "allow ASPNET#2" before "allow ASPNET#10",
// as they were written, where text order gives 0, 1, 10, 11, 2.
//
//   std::map<std::string, int, fixer::NumberedKeyLess> journal;   // "seq 0", "seq 1", ..., "seq 10"
//   bool first = fixer::NumberedLess("ace.2", "ace.10");          // true
#pragma once

#include <cstddef>
#include <string_view>

namespace fixer {

// Whether `a` comes before `b`: the text between numbers byte by byte, each number by its value;
// two keys equal so ("ace.01" and "ace.1") by their bytes, so no two keys are equivalent.
inline bool NumberedLess(std::string_view a, std::string_view b) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (!digit(a[i]) || !digit(b[j])) {
      if (a[i] != b[j]) return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]);
      ++i;
      ++j;
      continue;
    }
    size_t a_end = i, b_end = j;
    while (a_end < a.size() && digit(a[a_end])) ++a_end;
    while (b_end < b.size() && digit(b[b_end])) ++b_end;
    while (i + 1 < a_end && a[i] == '0') ++i;  // leading zeros add nothing to a number
    while (j + 1 < b_end && b[j] == '0') ++j;
    // Without leading zeros the shorter number is the smaller; of equal length, the text order.
    if (a_end - i != b_end - j) return a_end - i < b_end - j;
    if (const int c = a.substr(i, a_end - i).compare(b.substr(j, b_end - j)); c != 0) return c < 0;
    i = a_end;
    j = b_end;
  }
  if ((i < a.size()) != (j < b.size())) return j < b.size();  // the one that ended first
  return a < b;
}

struct NumberedKeyLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return NumberedLess(a, b); }
};

}  // namespace fixer
