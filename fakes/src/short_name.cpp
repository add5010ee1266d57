// ShortName (fakes/short_name.h): the rule RtlGenerate8dot3Name documents, with what ReactOS's
// conformance test of it shows Windows does (docs/windows-reference.md#short-names).
#include "fakes/short_name.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "fixer/utf16.h"

namespace fakes {
namespace {

// Characters an 8.3 name may not hold; RtlGenerate8dot3Name writes `_` for each.
constexpr std::u16string_view kNotIn8dot3 = u"\"*+,/:;<=>?[\\]|";

bool IsIllegal(char16_t c) { return c < 0x20 || kNotIn8dot3.find(c) != std::u16string_view::npos; }

// Whether `name` (UTF-16) is already a legal 8.3 name, which NTFS gives no other: printable
// ASCII without a space or an illegal character, 1 to 8 characters, then at most one dot and 1
// to 3 characters.
bool IsLegal8dot3(std::u16string_view name) {
  if (name.empty() || name.front() == u'.') return false;
  for (const char16_t c : name)
    if (c >= 0x7f || c == u' ' || IsIllegal(c)) return false;
  const size_t dot = name.find(u'.');
  if (dot == std::u16string_view::npos) return name.size() <= 8;
  const size_t extension = name.size() - dot - 1;
  return dot <= 8 && extension >= 1 && extension <= 3 && name.find(u'.', dot + 1) == std::u16string_view::npos;
}

// A character the generated name keeps, as it is kept: no space, dot or extended character
// (NTFS generates without them by default), an illegal one as `_`, a-z upper-cased; 0 for none.
char Kept(char16_t c) {
  if (c <= u' ' || c == u'.' || c >= 0x7f) return 0;
  if (IsIllegal(c)) return '_';
  if (c >= u'a' && c <= u'z') return static_cast<char>(c - u'a' + u'A');
  return static_cast<char>(c);
}

// The checksum RtlGenerate8dot3Name puts in a name that keeps at most two characters: a 16-bit
// hash of the whole name's code units, two at a time.
uint16_t Checksum(std::u16string_view name) {
  if (name.empty()) return 0;
  if (name.size() == 1) return name[0];
  uint16_t hash = static_cast<uint16_t>((name[0] << 8) + name[1]);
  for (size_t i = 2; i < name.size(); i += 2) {
    const uint16_t before = hash;
    hash = static_cast<uint16_t>((hash << 7) + name[i]);
    hash = static_cast<uint16_t>((before >> 1) + (hash << 8));
    if (i + 1 < name.size()) hash = static_cast<uint16_t>(hash + name[i + 1]);
  }
  return hash;
}

}  // namespace

std::string ShortName(std::string_view long_name) {
  const std::u16string name = fixer::Utf8ToUtf16(long_name);
  if (IsLegal8dot3(name)) return std::string(long_name);
  // The extension is what follows the last dot; the base keeps 6 characters, the extension 3.
  const size_t dot = name.rfind(u'.');
  const size_t base_end = dot == std::u16string::npos ? name.size() : dot;
  std::string base;
  for (size_t i = 0; i < base_end && base.size() < 6; ++i)
    if (const char c = Kept(name[i])) base += c;
  std::string extension;
  for (size_t i = base_end; i < name.size() && extension.size() < 3; ++i)
    if (const char c = Kept(name[i])) extension += c;
  if (base.size() <= 2) {  // too little of the name is left to tell it apart: its checksum, low digit first
    uint16_t sum = Checksum(name);
    for (int digit = 0; digit < 4; ++digit, sum >>= 4) base += "0123456789ABCDEF"[sum & 0xF];
  }
  return base + "~1" + (extension.empty() ? "" : "." + extension);
}

}  // namespace fakes
