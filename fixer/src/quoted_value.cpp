// QuotedValue, CappedValue and ShownPartOf (fixer/quoted_value.h).
#include "fixer/quoted_value.h"

#include <cstdint>

#include <fmt/format.h>

namespace fixer {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

std::string CutSaid(std::string_view value, size_t shown) {
  return "... (" + std::to_string(shown) + " of " + std::to_string(value.size()) + " bytes shown)";
}

// Characters that show as nothing: Unicode's format characters a name may carry unseen (a soft
// hyphen, zero-width spaces and joiners, direction marks and embeddings, word joiners, the
// byte-order mark U+FEFF).
bool IsInvisible(char32_t c) {
  return c == 0xAD || c == 0x61C || c == 0x180E || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB);
}

// `text` with each invisible character written as \uXXXX and each C0 control or DEL as \t, \n, \r or
// \xNN (as fakes::EscapeForMessage writes them), so
// what is between the quotes can be seen; the rest as it is.
std::string Visible(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x20 || b == 0x7f) {
      out += b == '\t' ? "\\t" : b == '\n' ? "\\n" : b == '\r' ? "\\r" : fmt::format("\\x{:02x}", b);
      ++i;
      continue;
    }
    // A 2- or 3-byte UTF-8 sequence (every invisible character is one).
    const size_t len = b >= 0xE0 && b < 0xF0 ? 3 : (b >= 0xC0 && b < 0xE0 ? 2 : 1);
    if (len > 1 && i + len <= text.size()) {
      char32_t c = len == 2 ? (b & 0x1F) : (b & 0x0F);
      bool ok = true;
      for (size_t k = 1; k < len; ++k) {
        ok = ok && IsContinuationByte(text[i + k]);
        c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
      }
      if (ok && IsInvisible(c)) {
        out += fmt::format("\\u{:04X}", static_cast<uint32_t>(c));
        i += len;
        continue;
      }
    }
    out += text[i];
    ++i;
  }
  return out;
}

}  // namespace

std::string_view ShownPartOf(std::string_view value, size_t max_bytes) {
  if (value.size() <= max_bytes) return value;
  size_t end = max_bytes;
  // Back to the start of the character the cut would split (at most 3 bytes: a UTF-8 sequence
  // has at most 4); bytes that are not UTF-8 are each a character of their own.
  for (size_t back = 0; back < 3 && end > 0 && IsContinuationByte(value[end]); ++back) --end;
  if (IsContinuationByte(value[end])) end = max_bytes;  // no sequence start near: not UTF-8
  return value.substr(0, end);
}

std::string QuotedValue(std::string_view value) {
  const std::string_view shown = ShownPartOf(value);
  std::string out = "'" + Visible(shown) + "'";
  if (shown.size() < value.size()) out += CutSaid(value, shown.size());
  return out;
}

std::string CappedValue(std::string_view value, size_t max_bytes) {
  const std::string_view shown = ShownPartOf(value, max_bytes);
  std::string out(shown);
  if (shown.size() < value.size()) out += CutSaid(value, shown.size());
  return out;
}

}  // namespace fixer
