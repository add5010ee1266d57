#include "fakes/text_encoding.h"

#include <cstdint>
#include <cstdio>
#include <initializer_list>

#include "fixer/utf8.h"
#include "yaml_scalar.h"

namespace fakes {
namespace {

uint8_t Byte(std::string_view bytes, size_t i) { return static_cast<uint8_t>(bytes[i]); }

std::string_view EncodingName(TextEncoding e) {
  switch (e) {
    case TextEncoding::kUtf8: return "UTF-8";
    case TextEncoding::kUtf16Le: return "UTF-16 (little-endian)";
    case TextEncoding::kUtf16Be: return "UTF-16 (big-endian)";
    case TextEncoding::kUtf32Le: return "UTF-32 (little-endian)";
    case TextEncoding::kUtf32Be: return "UTF-32 (big-endian)";
  }
  return "UTF-8";
}

// Where the next character of the decoded text `out` goes: its line and column (characters, as
// every other error of the readers counts them: fixer::CharacterCount).
LoadError ErrorAtEnd(const std::string& file, const std::string& out, std::string message) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  const size_t column = fixer::CharacterCount(std::string_view(out).substr(line_start)) + 1;
  return LoadError{file, line, static_cast<int>(column), std::move(message)};
}

std::string Hex(uint32_t value) {
  char text[16];
  std::snprintf(text, sizeof text, "0x%04X", static_cast<unsigned>(value));
  return text;
}

}  // namespace

TextEncoding DetectTextEncoding(std::string_view bytes) {
  // Section 5.2's table: a byte order mark, else the zero bytes around an ASCII first character.
  constexpr int x = -1;  // any byte but zero
  auto starts = [&](std::initializer_list<int> pattern) {
    if (bytes.size() < pattern.size()) return false;
    size_t i = 0;
    for (int p : pattern) {
      const uint8_t b = Byte(bytes, i++);
      if (p == x ? b == 0 : b != p) return false;
    }
    return true;
  };
  if (starts({0, 0, 0xFE, 0xFF}) || starts({0, 0, 0, x})) return TextEncoding::kUtf32Be;
  if (starts({0xFF, 0xFE, 0, 0}) || starts({x, 0, 0, 0})) return TextEncoding::kUtf32Le;
  if (starts({0xFE, 0xFF}) || starts({0, x})) return TextEncoding::kUtf16Be;
  if (starts({0xFF, 0xFE}) || starts({x, 0})) return TextEncoding::kUtf16Le;
  return TextEncoding::kUtf8;
}

Loaded<std::string_view> TextAsUtf8(std::string_view bytes, const std::string& file, std::string& buffer) {
  Loaded<std::string_view> out;
  const TextEncoding encoding = DetectTextEncoding(bytes);
  if (encoding == TextEncoding::kUtf8) {
    out.value = bytes;
    return out;
  }
  const bool wide = encoding == TextEncoding::kUtf32Le || encoding == TextEncoding::kUtf32Be;
  const bool big_endian = encoding == TextEncoding::kUtf16Be || encoding == TextEncoding::kUtf32Be;
  const size_t unit = wide ? 4 : 2;
  auto read_unit = [&](size_t i) {
    uint32_t value = 0;
    for (size_t k = 0; k < unit; ++k) value |= uint32_t{Byte(bytes, i + k)} << (8 * (big_endian ? unit - 1 - k : k));
    return value;
  };
  auto fail = [&](std::string what) {
    out.error = ErrorAtEnd(file, buffer, "the file is " + std::string(EncodingName(encoding)) + ", but " + what);
    AttachSource(*out.error, buffer);  // the decoded line up to the bad unit
    return out;
  };
  buffer.clear();
  buffer.reserve(bytes.size());
  size_t i = 0;
  if (read_unit(0) == 0xFEFF) i = unit;  // the byte order mark opens the file, it is no character
  for (; i + unit <= bytes.size(); i += unit) {
    uint32_t cp = read_unit(i);
    if (!wide && cp >= 0xD800 && cp <= 0xDBFF) {  // a high surrogate: its low half must follow
      const uint32_t low = i + 2 * unit <= bytes.size() ? read_unit(i + unit) : 0;
      if (low < 0xDC00 || low > 0xDFFF) return fail("the surrogate " + Hex(cp) + " has no low half after it");
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += unit;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      return fail(Hex(cp) + " is half of a surrogate pair, alone");
    } else if (cp > 0x10FFFF) {
      return fail(Hex(cp) + " is past the last character, U+10FFFF");
    }
    fixer::AppendUtf8(buffer, cp);
  }
  if (i != bytes.size()) {
    return fail("it ends inside a character (" + std::to_string(bytes.size() % unit) + " byte(s) left over)");
  }
  out.value = std::string_view(buffer);
  return out;
}

}  // namespace fakes
