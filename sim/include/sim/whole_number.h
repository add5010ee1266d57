// Whole numbers as the tools read them from text (command-line options, sharding variables,
// scenario values): decimal digits only, with no sign or space, at most 2^64 - 1.
//
//   std::optional<uint64_t> n = sim::ParseWholeNumber("42");               // 42
//   bool too_large = sim::IsDigitsOnly("99999999999999999999") &&
//                    !sim::ParseWholeNumber("99999999999999999999");       // true
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace sim {

// Whether `text` is one or more of 0-9 and nothing else.
bool IsDigitsOnly(std::string_view text);
// `text` as a whole number; nullopt when it is not digits only or does not fit in 64 bits.
std::optional<uint64_t> ParseWholeNumber(std::string_view text);

}  // namespace sim
