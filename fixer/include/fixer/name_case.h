// NameCase: the one rule by which names compare without regard to case here (accounts, groups,
// services, rights, paths, hotfixes): 'A'-'Z' equal to 'a'-'z', every other byte or UTF-16 unit
// (digits, punctuation, UTF-8's bytes of 0x80 and above, any non-ASCII unit) only to itself,
// whatever the C locale. Windows upper-cases the whole of Unicode (RtlUpcaseUnicodeChar); the
// model folds ASCII only: docs/windows-reference.md#choice-ascii-name-case.
//
//   bool same = fixer::SameWindowsName("ASPNET", "aspnet");     // true
//   bool other = fixer::SameWindowsName("caf\xc3\xa9", "CAF\xc3\x89");  // false: only A-Z fold
//   std::string key = fixer::FoldWindowsName("W3SVC");          // "w3svc", a map key
//   std::string computer = fixer::UpperWindowsName("xppro");     // "XPPRO"
//   char16_t q = fixer::FoldWindowsChar(u'Q');                  // u'q'
//   std::map<std::string, int, fixer::WindowsNameLess> by_name{{"aspnet_WP_PASSWORD", 1}};
//   bool found = by_name.contains("ASPNET_WP_PASSWORD");          // true
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fixer {

// `c` lower-cased if it is 'A'-'Z', else `c`: for char, char16_t and wchar_t alike.
template <class Char>
constexpr Char FoldWindowsChar(Char c) {
  return c >= Char('A') && c <= Char('Z') ? static_cast<Char>(c - Char('A') + Char('a')) : c;
}

// `s` with each 'A'-'Z' lower-cased: the key under which a name is stored or sorted.
std::string FoldWindowsName(std::string_view s);

// `s` with each 'a'-'z' upper-cased, every other byte kept: the form Windows shows a NetBIOS
// computer name, an 8.3 short name, a KB number in.
std::string UpperWindowsName(std::string_view s);

namespace detail {
// SameWindowsName of two names of `size` bytes each.
bool SameWindowsNameOfSize(const char* a, const char* b, std::size_t size);
}  // namespace detail

// Whether `a` and `b` are the same name; without FoldWindowsName's copies, eight bytes at a time
// (names are compared on every lookup). Inline: most comparisons of a scan differ in length.
inline bool SameWindowsName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && detail::SameWindowsNameOfSize(a.data(), b.data(), a.size());
}

// Orders names as their FoldWindowsName texts compare, without the copies: a map keyed by names
// Windows compares without case (an LSA secret's) finds any spelling in O(log n).
struct WindowsNameLess {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const;
};

}  // namespace fixer
