#include "fixer/sid.h"

#include <charconv>
#include <vector>

namespace fixer {

Result<Sid> Sid::Parse(std::string_view text) {
  auto invalid = [] { return Status::Win(kErrorInvalidSid); };
  if (text.size() < 4 || (text[0] != 'S' && text[0] != 's') || text[1] != '-') return invalid();
  std::vector<uint64_t> parts;
  size_t pos = 2;
  while (pos <= text.size()) {
    size_t end = text.find('-', pos);
    if (end == std::string_view::npos) end = text.size();
    uint64_t v = 0;
    auto [p, ec] = std::from_chars(text.data() + pos, text.data() + end, v);
    if (ec != std::errc() || p != text.data() + end || end == pos) return invalid();
    parts.push_back(v);
    pos = end + 1;
  }
  // Revision 1, an authority, and 1..15 sub-authorities of 32 bits (MS-DTYP 2.4.2).
  if (parts.size() < 3 || parts[0] != 1 || parts.size() > 17) return invalid();
  if (parts[1] >= (uint64_t{1} << 48)) return invalid();
  std::vector<uint32_t> subs;
  for (size_t i = 2; i < parts.size(); ++i) {
    if (parts[i] > UINT32_MAX) return invalid();
    subs.push_back(static_cast<uint32_t>(parts[i]));
  }
  return Sid(parts[1], subs);
}

Sid::Sid(uint64_t authority, std::span<const uint32_t> sub_authorities)
    : head_(Head(authority, sub_authorities.size())) {
  uint32_t* out = inline_;  // zero past the sub-authorities
  if (OnHeap()) out = heap_ = new uint32_t[count()];
  std::copy(sub_authorities.begin(), sub_authorities.end(), out);
}

Sid Sid::WithRid(uint32_t rid) const {
  std::vector<uint32_t> subs(sub_authorities().begin(), sub_authorities().end());
  subs.push_back(rid);
  return Sid(authority(), subs);
}

Sid Sid::Domain() const {
  if (!IsAccountSid()) return *this;
  return Sid(authority(), sub_authorities().first(count() - 1));
}

std::string Sid::ToString() const {
  // One buffer, no temporaries: SIDs are printed into every journal record and log line.
  char buf[4 + 20 + 16 * 11];  // "S-1-", a 48-bit authority, up to 15 "-<uint32>" (and "-0")
  char* out = buf;
  char* const end = buf + sizeof buf;
  out = std::copy_n("S-1-", 4, out);
  out = std::to_chars(out, end, authority()).ptr;
  if (count() == 0) out = std::copy_n("-0", 2, out);  // the null SID prints as S-1-0-0
  for (uint32_t s : sub_authorities()) {
    *out++ = '-';
    out = std::to_chars(out, end, s).ptr;
  }
  return std::string(buf, out);
}

std::ostream& operator<<(std::ostream& os, const Sid& s) { return os << s.ToString(); }

}  // namespace fixer

size_t std::hash<fixer::Sid>::operator()(const fixer::Sid& s) const noexcept {
  size_t h = std::hash<uint64_t>()(s.authority());
  for (uint32_t v : s.sub_authorities()) h = h * 1000003u ^ v;
  return h;
}
