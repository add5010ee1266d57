#include "sim/whole_number.h"

#include <algorithm>
#include <charconv>

namespace sim {

bool IsDigitsOnly(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<uint64_t> ParseWholeNumber(std::string_view text) {
  if (!IsDigitsOnly(text)) return std::nullopt;
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace sim
