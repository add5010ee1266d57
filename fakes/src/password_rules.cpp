#include "fakes/password_rules.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "fixer/password_rules.h"
#include "fixer/secret.h"
#include "fixer/text.h"
#include "fixer/utf16.h"
#include "fixer/win_error.h"

namespace fakes {
namespace {

// ---- MD4 (RFC 1320) -------------------------------------------------------------------------

uint32_t Rotl(uint32_t x, int s) { return (x << s) | (x >> (32 - s)); }
uint32_t F(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | (~x & z); }
uint32_t G(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | (x & z) | (y & z); }
uint32_t H(uint32_t x, uint32_t y, uint32_t z) { return x ^ y ^ z; }

void Md4Block(std::array<uint32_t, 4>& st, const uint8_t* block) {
  uint32_t x[16];
  for (int i = 0; i < 16; ++i) {
    x[i] = uint32_t{block[i * 4]} | uint32_t{block[i * 4 + 1]} << 8 | uint32_t{block[i * 4 + 2]} << 16 |
           uint32_t{block[i * 4 + 3]} << 24;
  }
  uint32_t a = st[0], b = st[1], c = st[2], d = st[3];
  // Round 1: [abcd k s] a = (a + F(b,c,d) + X[k]) <<< s
  static constexpr int kR1[4] = {3, 7, 11, 19};
  for (int i = 0; i < 16; i += 4) {
    a = Rotl(a + F(b, c, d) + x[i], kR1[0]);
    d = Rotl(d + F(a, b, c) + x[i + 1], kR1[1]);
    c = Rotl(c + F(d, a, b) + x[i + 2], kR1[2]);
    b = Rotl(b + F(c, d, a) + x[i + 3], kR1[3]);
  }
  // Round 2: a = (a + G(b,c,d) + X[k] + 5A827999) <<< s, k in column order.
  static constexpr int kR2[4] = {3, 5, 9, 13};
  for (int i = 0; i < 4; ++i) {
    a = Rotl(a + G(b, c, d) + x[i] + 0x5A827999u, kR2[0]);
    d = Rotl(d + G(a, b, c) + x[i + 4] + 0x5A827999u, kR2[1]);
    c = Rotl(c + G(d, a, b) + x[i + 8] + 0x5A827999u, kR2[2]);
    b = Rotl(b + G(c, d, a) + x[i + 12] + 0x5A827999u, kR2[3]);
  }
  // Round 3: a = (a + H(b,c,d) + X[k] + 6ED9EBA1) <<< s, k in bit-reversed order.
  static constexpr int kR3[4] = {3, 9, 11, 15};
  static constexpr int kOrder[4] = {0, 2, 1, 3};
  for (int j : kOrder) {
    a = Rotl(a + H(b, c, d) + x[j] + 0x6ED9EBA1u, kR3[0]);
    d = Rotl(d + H(a, b, c) + x[j + 8] + 0x6ED9EBA1u, kR3[1]);
    c = Rotl(c + H(d, a, b) + x[j + 4] + 0x6ED9EBA1u, kR3[2]);
    b = Rotl(b + H(c, d, a) + x[j + 12] + 0x6ED9EBA1u, kR3[3]);
  }
  st[0] += a;
  st[1] += b;
  st[2] += c;
  st[3] += d;
  fixer::WipeMemory(x, sizeof x);  // the block's words are the password's text
}

// MD4 of `size` bytes at `data`: every whole block read where it lies, the rest and the padding
// (0x80, zeros, the bit length) from a two-block buffer on the stack.
std::array<uint8_t, 16> Md4(const uint8_t* data, size_t size) {
  std::array<uint32_t, 4> st = {0x67452301u, 0xEFCDAB89u, 0x98BADCFEu, 0x10325476u};
  const size_t whole = size - size % 64;
  for (size_t off = 0; off < whole; off += 64) Md4Block(st, data + off);
  uint8_t tail[128] = {};
  const size_t rest = size - whole;
  std::copy_n(data + whole, rest, tail);
  tail[rest] = 0x80;
  const size_t tail_size = rest < 56 ? 64 : 128;
  const uint64_t bit_len = uint64_t{size} * 8;
  for (int i = 0; i < 8; ++i) tail[tail_size - 8 + i] = static_cast<uint8_t>(bit_len >> (8 * i));
  for (size_t off = 0; off < tail_size; off += 64) Md4Block(st, tail + off);
  fixer::WipeMemory(tail, rest);
  std::array<uint8_t, 16> digest{};
  for (int i = 0; i < 4; ++i) {
    for (int k = 0; k < 4; ++k) digest[i * 4 + k] = static_cast<uint8_t>(st[i] >> (8 * k));
  }
  return digest;
}

}  // namespace

std::string StoredNtHash(std::string_view hex) {
  std::string h(hex);
  std::transform(h.begin(), h.end(), h.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return h == kBlankPasswordNtHash ? std::string() : h;
}

std::string NtHash(std::string_view clear) {
  // The UTF-16 text, built on the stack for any usual password (a UTF-8 text never has more
  // UTF-16 units than bytes) and on the heap past that; wiped once hashed. On a little-endian
  // host its units' bytes are the UTF-16LE text MD4 reads; elsewhere they are swapped in place.
  constexpr size_t kOnStack = 128;
  char16_t stack_units[kOnStack];
  std::u16string heap_units;
  char16_t* units = stack_units;
  if (clear.size() > kOnStack) {
    heap_units.resize(clear.size());
    units = heap_units.data();
  }
  const size_t count = fixer::Utf8ToUtf16(clear, units);
  if constexpr (std::endian::native != std::endian::little) {
    for (size_t i = 0; i < count; ++i) units[i] = static_cast<char16_t>((units[i] >> 8) | (units[i] << 8));
  }
  const std::array<uint8_t, 16> digest = Md4(reinterpret_cast<const uint8_t*>(units), 2 * count);
  fixer::WipeMemory(units, count * sizeof(char16_t));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(32, '\0');
  for (size_t i = 0; i < digest.size(); ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  // The empty password's hash is computed too, so kBlankPasswordNtHash is checked on every use.
  return hex == kBlankPasswordNtHash ? std::string() : hex;
}

std::optional<std::string> PasswordAgesProblem(uint32_t min_age_days, uint32_t max_age_days) {
  if (max_age_days == 0 || min_age_days <= max_age_days) return std::nullopt;
  return "a minimum password age of " + fixer::CountText(min_age_days, "day", "days") + " is more than the maximum (" +
         fixer::CountText(max_age_days, "day", "days") +
         "): Windows keeps the minimum at or below a maximum password age";
}

fixer::Status CheckPasswordPolicy(const fixer::PasswordPolicyInfo& policy, std::string_view account_name,
                                  std::string_view full_name, const std::vector<std::string>& history,
                                  const fixer::Secret& password) {
  if (fixer::Status st = fixer::CheckPasswordRules(policy, account_name, full_name, password); !st.ok()) return st;
  if (policy.history > 0) {
    const std::string hash = NtHash(password.Reveal());
    const size_t n = std::min<size_t>(policy.history, history.size());
    if (std::find(history.begin(), history.begin() + static_cast<std::ptrdiff_t>(n), hash) !=
        history.begin() + static_cast<std::ptrdiff_t>(n)) {
      return fixer::Status::Win(fixer::kNerrPasswordTooShort);
    }
  }
  return fixer::Status::Ok();
}

}  // namespace fakes
