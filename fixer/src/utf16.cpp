#include "fixer/utf16.h"

#include <cstdint>

#include "fixer/utf8.h"

namespace fixer {
namespace {

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
    const size_t len = Utf8SequenceLength(utf8, i);
    if (len == 0) {
      emit(static_cast<char16_t>(lead));  // Latin-1 fallback for a stray byte
      ++i;
      continue;
    }
    char32_t cp = len == 2 ? (lead & 0x1F) : len == 3 ? (lead & 0x0F) : (lead & 0x07);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
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
  // The ASCII run it begins with (a whole password, as a rule: every NT hash converts one) in a
  // plain loop the compiler vectorises, then the rest unit by unit.
  size_t ascii = 0;
  while (ascii < utf8.size() && static_cast<unsigned char>(utf8[ascii]) < 0x80) ++ascii;
  for (size_t i = 0; i < ascii; ++i) out[i] = static_cast<char16_t>(utf8[i]);
  char16_t* const start = out;
  out += ascii;
  Decode(utf8.substr(ascii), [&out](char16_t unit) { *out++ = unit; });
  return static_cast<size_t>(out - start);
}

size_t Utf16Length(std::string_view utf8) {
  size_t units = 0;
  Decode(utf8, [&units](char16_t) { ++units; });
  return units;
}

}  // namespace fixer
