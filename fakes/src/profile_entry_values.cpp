#include "fakes/profile_entry_values.h"

#include <cstdint>

#include "fixer/name_case.h"
#include "fixer/utf16.h"
#include "fixer/utf8.h"

namespace fakes {
namespace {

constexpr const char* kImagePath = "ProfileImagePath";
constexpr const char* kSidValue = "Sid";

// A string value's bytes: UTF-16LE with its terminating null, as RegSetValueEx stores it.
std::string Utf16LeBytes(std::string_view utf8) {
  std::string bytes;
  for (char16_t unit : fixer::Utf8ToUtf16(utf8)) {
    bytes.push_back(static_cast<char>(unit & 0xFF));
    bytes.push_back(static_cast<char>(unit >> 8));
  }
  bytes.append(2, '\0');
  return bytes;
}

// The text of a string value's bytes, up to its first null; a lone surrogate becomes U+FFFD.
std::string Utf8Of(std::string_view bytes) {
  std::string text;
  for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
    char32_t unit = static_cast<uint8_t>(bytes[i]) | static_cast<char32_t>(static_cast<uint8_t>(bytes[i + 1])) << 8;
    if (unit == 0) break;
    if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
      const char32_t low =
          static_cast<uint8_t>(bytes[i + 2]) | static_cast<char32_t>(static_cast<uint8_t>(bytes[i + 3])) << 8;
      if (low >= 0xDC00 && low < 0xE000) {
        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
        i += 2;
      }
    }
    if (unit >= 0xD800 && unit < 0xE000) unit = 0xFFFD;
    fixer::AppendUtf8(text, unit);
  }
  return text;
}

// A SID's binary form (MS-DTYP 2.4.2.2): revision 1, the sub-authority count, the 48-bit
// authority big-endian, then each sub-authority little-endian.
std::string SidBytes(const fixer::Sid& sid) {
  std::string bytes;
  bytes.push_back(1);
  bytes.push_back(static_cast<char>(sid.sub_authorities().size()));
  for (int shift = 40; shift >= 0; shift -= 8) bytes.push_back(static_cast<char>(sid.authority() >> shift & 0xFF));
  for (uint32_t sub : sid.sub_authorities()) {
    for (int shift = 0; shift < 32; shift += 8) bytes.push_back(static_cast<char>(sub >> shift & 0xFF));
  }
  return bytes;
}

}  // namespace

fixer::ProfileListEntry ValuesOf(const ProfileEntry& entry) {
  return {entry.sid,
          {{kImagePath, fixer::kRegExpandSz, Utf16LeBytes(entry.path)},
           {kSidValue, fixer::kRegBinary, SidBytes(entry.sid)}}};
}

fixer::Result<ProfileEntry> EntryOf(const fixer::ProfileListEntry& values) {
  const fixer::RegistryValue* path = nullptr;
  for (const fixer::RegistryValue& v : values.values) {
    if (fixer::SameWindowsName(v.name, kImagePath) && (v.type == fixer::kRegSz || v.type == fixer::kRegExpandSz)) {
      path = &v;
    }
    if (fixer::SameWindowsName(v.name, kSidValue) && v.data != SidBytes(values.sid)) {
      return fixer::Status::Explained(fixer::kErrorInvalidData, "its Sid value is not the SID the entry is named by");
    }
  }
  if (path == nullptr) {
    return fixer::Status::Explained(fixer::kErrorInvalidData, "the ProfileList entry has no ProfileImagePath string");
  }
  return ProfileEntry{values.sid, Utf8Of(path->data)};
}

}  // namespace fakes
