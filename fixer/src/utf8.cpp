#include "fixer/utf8.h"

#include <cstdio>

namespace fixer {

size_t Utf8SequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char c = byte(0);
  if (c < 0x80) return 1;
  const size_t len = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
  if (len == 0 || i + len > text.size() || c < 0xc2 || c > 0xf4) return 0;
  for (size_t k = 1; k < len; ++k)
    if ((byte(k) & 0xc0) != 0x80) return 0;
  if (c == 0xe0 && byte(1) < 0xa0) return 0;  // overlong
  if (c == 0xed && byte(1) > 0x9f) return 0;  // a surrogate
  if (c == 0xf0 && byte(1) < 0x90) return 0;  // overlong
  if (c == 0xf4 && byte(1) > 0x8f) return 0;  // past U+10FFFF
  return len;
}

namespace {

std::string Escaped(std::string_view text, bool controls) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool control = controls && ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f);
    if (const size_t len = Utf8SequenceLength(text, i); len != 0 && !control) {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    char hex[5];
    std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(text[i]));
    out += hex;
    ++i;
  }
  return out;
}

}  // namespace

std::string EscapeNonUtf8(std::string_view text) { return Escaped(text, false); }
std::string EscapeForReader(std::string_view text) { return Escaped(text, true); }

}  // namespace fixer
