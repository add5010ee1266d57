#include "fakes/utf16.h"

#include <cstdint>

namespace fakes {
namespace {

// Length of the UTF-8 sequence that starts with `lead`, or 0 if `lead` cannot start one.
size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// Decodes `utf8`, calling emit(unit) for each UTF-16 code unit, in order.
template <typename Emit>
void Decode(std::string_view utf8, Emit emit) {
  size_t i = 0;
  while (i < utf8.size()) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    if (lead < 0x80) {  // ASCII, most of every name and password
      emit(static_cast<char16_t>(lead));
      ++i;
      continue;
    }
    const size_t len = SequenceLength(lead);
    bool valid = len != 0 && i + len <= utf8.size();
    char32_t cp = len == 2 ? (lead & 0x1F) : len == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (size_t k = 1; valid && k < len; ++k) {
      const auto cont = static_cast<unsigned char>(utf8[i + k]);
      if ((cont & 0xC0) != 0x80) valid = false;
      cp = (cp << 6) | (cont & 0x3F);
    }
    // Reject overlong 3/4-byte forms, surrogates and values past U+10FFFF.
    if (valid && len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) valid = false;
    if (valid && len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) valid = false;
    if (!valid) {
      emit(static_cast<char16_t>(lead));  // Latin-1 fallback for a stray byte
      ++i;
      continue;
    }
    if (cp < 0x10000) {
      emit(static_cast<char16_t>(cp));
    } else {
      cp -= 0x10000;
      emit(static_cast<char16_t>(0xD800 + (cp >> 10)));
      emit(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    }
    i += len;
  }
}

}  // namespace

std::u16string Utf8ToUtf16(std::string_view utf8) {
  std::u16string out(utf8.size(), u'\0');  // never more units than bytes
  out.resize(Utf8ToUtf16(utf8, out.data()));
  return out;
}

size_t Utf8ToUtf16(std::string_view utf8, char16_t* out) {
  char16_t* const start = out;
  Decode(utf8, [&out](char16_t unit) { *out++ = unit; });
  return static_cast<size_t>(out - start);
}

size_t Utf16Length(std::string_view utf8) {
  size_t units = 0;
  Decode(utf8, [&units](char16_t) { ++units; });
  return units;
}

}  // namespace fakes
