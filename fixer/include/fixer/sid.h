// Sid: a Windows security identifier as a value (S-1-5-21-a-b-c-RID).
//
// A Sid is 32 bytes copied as bytes (trivially copyable, so a DACL copies as one block). Up to six
// sub-authorities (every account and well-known SID) are held inline; a longer SID (up to the 15
// MS-DTYP allows) is kept once per process in a pool its Sid holds the index of, so copying and
// comparing never allocate and never branch on the length.
//
// ACEs, user rights, SQL logins and profiles name accounts by SID, not by name, which is why a
// deleted-and-recreated ASPNET loses its grants: the new account has a new RID.
//
//   fixer::Result<fixer::Sid> sid = fixer::Sid::Parse("S-1-5-21-1-2-3-1004");   // 1337 if malformed
//   uint32_t rid = sid->Rid();             // 1004
//   std::string text = sid->ToString();    // "S-1-5-21-1-2-3-1004"
//   fixer::Sid system = fixer::Sid::LocalSystem();  // S-1-5-18
#pragma once

#include <algorithm>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "fixer/result.h"

namespace fixer {

class Sid {
 public:
  Sid() = default;  // the null SID S-1-0-0
  Sid(uint64_t authority, std::span<const uint32_t> sub_authorities);
  Sid(uint64_t authority, std::initializer_list<uint32_t> sub_authorities)
      : Sid(authority, std::span<const uint32_t>(sub_authorities.begin(), sub_authorities.size())) {}

  // Accepts "S-1-<auth>-<sub>..." (case-insensitive 'S'); 1337 ERROR_INVALID_SID otherwise.
  static Result<Sid> Parse(std::string_view text);

  static Sid Everyone() { return Sid(1, {0}); }              // S-1-1-0
  static Sid CreatorOwner() { return Sid(3, {0}); }          // S-1-3-0
  static Sid Network() { return Sid(5, {2}); }               // S-1-5-2
  static Sid Batch() { return Sid(5, {3}); }                 // S-1-5-3
  static Sid Interactive() { return Sid(5, {4}); }           // S-1-5-4
  static Sid Service() { return Sid(5, {6}); }               // S-1-5-6
  static Sid AuthenticatedUsers() { return Sid(5, {11}); }   // S-1-5-11
  static Sid LocalSystem() { return Sid(5, {18}); }          // S-1-5-18
  static Sid LocalService() { return Sid(5, {19}); }         // S-1-5-19
  static Sid NetworkService() { return Sid(5, {20}); }       // S-1-5-20
  static Sid Administrators() { return Sid(5, {32, 544}); }  // S-1-5-32-544
  static Sid Users() { return Sid(5, {32, 545}); }           // S-1-5-32-545
  static Sid Guests() { return Sid(5, {32, 546}); }          // S-1-5-32-546
  static Sid PowerUsers() { return Sid(5, {32, 547}); }      // S-1-5-32-547

  // A machine (domain) SID S-1-5-21-a-b-c and an account SID under it.
  static Sid Machine(uint32_t a, uint32_t b, uint32_t c) { return Sid(5, {21, a, b, c}); }
  Sid WithRid(uint32_t rid) const;
  // True for S-1-5-21-a-b-c-RID: an account of a machine or domain.
  bool IsAccountSid() const { return head_ == Head(5, 5) && inline_[0] == 21; }
  // The machine part of an account SID (S-1-5-21-a-b-c); itself otherwise.
  Sid Domain() const;
  uint32_t Rid() const { return count() == 0 ? 0 : data()[count() - 1]; }
  bool IsNull() const { return head_ == 0; }

  std::string ToString() const;
  uint64_t authority() const { return head_ & kAuthorityMask; }
  std::span<const uint32_t> sub_authorities() const { return {data(), count()}; }

  // Ordered by authority, then sub-authorities as a sequence (a prefix first).
  friend std::strong_ordering operator<=>(const Sid& a, const Sid& b) {
    if (auto c = a.authority() <=> b.authority(); c != 0) return c;
    auto x = a.sub_authorities(), y = b.sub_authorities();
    return std::lexicographical_compare_three_way(x.begin(), x.end(), y.begin(), y.end());
  }
  // Four word compares: the authority and count are one word, and the inline block three (unused
  // slots are always zero; a long SID's index names one pooled SID). A walk of a million ACEs
  // compares each one's SID, mostly with accounts of one machine that differ only in the RID
  // (inline_[4], in the last word): that word first, so such a pair differs at the first compare.
  friend bool operator==(const Sid& a, const Sid& b) {
    return a.Word(2) == b.Word(2) && a.head_ == b.head_ && a.Word(0) == b.Word(0) && a.Word(1) == b.Word(1);
  }

 private:
  static constexpr size_t kInline = 6;
  static constexpr int kCountShift = 48;  // the authority is 48 bits (MS-DTYP 2.4.1.1)
  static constexpr uint64_t kAuthorityMask = (uint64_t{1} << kCountShift) - 1;
  static constexpr uint64_t Head(uint64_t authority, size_t count) {
    return (authority & kAuthorityMask) | (uint64_t{count} << kCountShift);
  }
  size_t count() const { return static_cast<size_t>(head_ >> kCountShift); }
  bool Pooled() const { return count() > kInline; }
  const uint32_t* data() const { return Pooled() ? PooledSubAuthorities(inline_[0]) : inline_; }
  uint64_t Word(int i) const {
    uint64_t w;
    std::memcpy(&w, inline_ + 2 * i, sizeof w);
    return w;
  }
  // The sub-authorities of the pooled SID `index` (sid.cpp): stable for the life of the process.
  static const uint32_t* PooledSubAuthorities(uint32_t index);

  uint64_t head_ = 0;  // the authority, and the count of sub-authorities above it (Head)
  // count() <= kInline: the sub-authorities, the slots past count() zero; otherwise inline_[0]
  // is the pooled SID's index and the rest zero.
  uint32_t inline_[kInline] = {};
};
static_assert(std::is_trivially_copyable_v<Sid> && sizeof(Sid) == 32);

std::ostream& operator<<(std::ostream& os, const Sid& s);

// "malformed SID 'S-1-5-xx'; expected S-1-<authority>-<subauthority>...": the one wording for a
// SID text that does not parse, wherever a file gives one (a machine file, its log, a journal).
std::string MalformedSidText(std::string_view text);
// The same with the Windows error a parse of it gives, "... (1337: The security ID structure is
// invalid.)": for a SID a journal holds, which the fixer parses as Windows would.
std::string MalformedSidError(std::string_view text);

}  // namespace fixer

template <>
struct std::hash<fixer::Sid> {
  size_t operator()(const fixer::Sid& s) const noexcept;
};
// Formats ToString() (no stream: log lines that name a SID are formatted on every run).
template <>
struct fmt::formatter<fixer::Sid> : fmt::formatter<std::string_view> {
  template <typename FormatContext>
  auto format(const fixer::Sid& sid, FormatContext& ctx) const {
    return fmt::formatter<std::string_view>::format(sid.ToString(), ctx);
  }
};
