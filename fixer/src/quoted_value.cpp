// QuotedValue, CappedValue and ShownPartOf (fixer/quoted_value.h).
#include "fixer/quoted_value.h"

namespace fixer {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

std::string CutSaid(std::string_view value, size_t shown) {
  return "... (" + std::to_string(shown) + " of " + std::to_string(value.size()) + " bytes shown)";
}

}  // namespace

std::string_view ShownPartOf(std::string_view value) {
  if (value.size() <= kQuotedValueBytes) return value;
  size_t end = kQuotedValueBytes;
  // Back to the start of the character the cut would split (at most 3 bytes: a UTF-8 sequence
  // has at most 4); bytes that are not UTF-8 are each a character of their own.
  for (size_t back = 0; back < 3 && end > 0 && IsContinuationByte(value[end]); ++back) --end;
  if (IsContinuationByte(value[end])) end = kQuotedValueBytes;  // no sequence start near: not UTF-8
  return value.substr(0, end);
}

std::string QuotedValue(std::string_view value) {
  const std::string_view shown = ShownPartOf(value);
  std::string out = "'" + std::string(shown) + "'";
  if (shown.size() < value.size()) out += CutSaid(value, shown.size());
  return out;
}

std::string CappedValue(std::string_view value) {
  const std::string_view shown = ShownPartOf(value);
  std::string out(shown);
  if (shown.size() < value.size()) out += CutSaid(value, shown.size());
  return out;
}

}  // namespace fixer
