#include "fixer/name_case.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace fixer {

std::string FoldWindowsName(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return FoldWindowsChar(c); });
  return out;
}

std::string UpperWindowsName(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

namespace {

constexpr uint64_t kEveryByte = 0x0101010101010101u;

// FoldWindowsChar on eight bytes at once: 0x20 is added to each byte 'A'..'Z' and no other
// (bytes of 0x80 and above, UTF-8's, stay as they are). No sum carries into the next byte: the
// high bit of each byte is cleared before the adds, and 0x7F + 0x3F < 0x100.
uint64_t FoldWord(uint64_t x) {
  const uint64_t low7 = x & (0x7F * kEveryByte);
  const uint64_t at_least_a = low7 + (0x80 - 'A') * kEveryByte;  // bit 7 set where low7 >= 'A'
  const uint64_t past_z = low7 + (0x7F - 'Z') * kEveryByte;      // bit 7 set where low7 > 'Z'
  const uint64_t upper = at_least_a & ~past_z & ~x & (0x80 * kEveryByte);
  return x | (upper >> 2);  // 0x80 >> 2 == 0x20
}

uint64_t LoadWord(const char* p, size_t n) {  // n <= 8 bytes, zero-padded
  uint64_t w = 0;
  std::memcpy(&w, p, n);
  return w;
}

}  // namespace

bool SameWindowsName(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i += 8) {
    const size_t n = std::min<size_t>(8, a.size() - i);
    const uint64_t x = LoadWord(a.data() + i, n), y = LoadWord(b.data() + i, n);
    if (x != y && FoldWord(x) != FoldWord(y)) return false;
  }
  return true;
}

bool WindowsNameLess::operator()(std::string_view a, std::string_view b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return static_cast<unsigned char>(FoldWindowsChar(x)) < static_cast<unsigned char>(FoldWindowsChar(y));
  });
}

}  // namespace fixer
