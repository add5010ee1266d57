#include "fixer/utf8.h"

#include <algorithm>
#include <cstdio>

namespace fixer {

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

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

size_t CharacterCount(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) i += std::max<size_t>(1, Utf8SequenceLength(text, i));
  return count;
}

size_t ByteOfCharacterColumn(std::string_view line, int column) {
  size_t i = 0;
  for (int c = 1; c < column && i < line.size(); ++c) i += std::max<size_t>(1, Utf8SequenceLength(line, i));
  return std::min(i, line.size());
}

char32_t CodePointAt(std::string_view text, size_t i) {
  const size_t len = Utf8SequenceLength(text, i);
  // The lead byte's bits, then six from each continuation byte.
  const auto lead = static_cast<unsigned char>(text[i]);
  char32_t cp = len <= 1 ? lead : lead & (0x7f >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
  return cp;
}

bool IsNoncharacter(char32_t c) { return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe; }

bool IsBidiControl(char32_t c) { return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069); }

bool IsZeroWidthSpace(char32_t c) { return c == 0x200b || c == 0x2060 || c == 0xfeff; }

size_t ShowableLength(std::string_view text, size_t i) {
  const size_t len = Utf8SequenceLength(text, i);
  if (len == 0) return 0;
  const char32_t cp = CodePointAt(text, i);
  const bool control = cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);
  return control || IsNoncharacter(cp) || IsBidiControl(cp) || IsZeroWidthSpace(cp) ? 0 : len;
}

namespace {

std::string Escaped(std::string_view text, bool controls) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t len = Utf8SequenceLength(text, i);
    const bool unshowable = controls && c != '\t' && c != '\n' && ShowableLength(text, i) == 0;
    if (len != 0 && !unshowable) {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    char hex[5];
    std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(text[i]));
    out += hex;
    ++i;  // a character escaped is escaped byte by byte: its continuation bytes are not UTF-8 alone
  }
  return out;
}

}  // namespace

std::string EscapeNonUtf8(std::string_view text) { return Escaped(text, false); }
std::string EscapeForReader(std::string_view text) { return Escaped(text, true); }

}  // namespace fixer
