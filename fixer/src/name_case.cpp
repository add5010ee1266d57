#include "fixer/name_case.h"

#include <algorithm>
#include <bit>
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

uint64_t LoadWord(const char* p) {  // eight bytes
  uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// The 1 to 7 bytes at `p` as one word, each byte in a lane of its own (two loads that may
// overlap; some bytes read twice, the lanes past them zero): the same lanes for two names of
// `n` bytes, so FoldWord compares them as the bytes themselves.
uint64_t LoadShort(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t low, high;
    std::memcpy(&low, p, sizeof low);
    std::memcpy(&high, p + n - 4, sizeof high);
    return low | (uint64_t{high} << 32);
  }
  const auto byte = [p](size_t i) { return uint64_t{static_cast<unsigned char>(p[i])}; };
  return byte(0) | (byte(n / 2) << 8) | (byte(n - 1) << 16);
}

bool SameWords(uint64_t x, uint64_t y) { return x == y || FoldWord(x) == FoldWord(y); }

}  // namespace

namespace detail {

bool SameWindowsNameOfSize(const char* a, const char* b, size_t size) {
  if (size < 8) return size == 0 || SameWords(LoadShort(a, size), LoadShort(b, size));
  for (size_t i = 0; i + 8 < size; i += 8)
    if (!SameWords(LoadWord(a + i), LoadWord(b + i))) return false;
  return SameWords(LoadWord(a + size - 8), LoadWord(b + size - 8));  // the last eight, overlapping
}

}  // namespace detail

bool WindowsNameLess::operator()(std::string_view a, std::string_view b) const {
  const size_t common = std::min(a.size(), b.size());
  size_t i = 0;
  // Eight folded bytes at a time; where two words differ, their first differing byte (the lowest
  // on a little-endian host, the highest on a big-endian one) decides, as unsigned bytes.
  for (; i + 8 <= common; i += 8) {
    const uint64_t x = FoldWord(LoadWord(a.data() + i)), y = FoldWord(LoadWord(b.data() + i));
    if (x == y) continue;
    const int shift = std::endian::native == std::endian::little ? std::countr_zero(x ^ y) / 8 * 8
                                                                 : 56 - std::countl_zero(x ^ y) / 8 * 8;
    return ((x >> shift) & 0xFF) < ((y >> shift) & 0xFF);
  }
  for (; i < common; ++i) {
    const auto x = static_cast<unsigned char>(FoldWindowsChar(a[i]));
    const auto y = static_cast<unsigned char>(FoldWindowsChar(b[i]));
    if (x != y) return x < y;
  }
  return a.size() < b.size();
}

}  // namespace fixer
