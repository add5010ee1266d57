// The one home of <regex> in the simulator (text_match.h).
#include "sim/text_match.h"

#include <regex>

namespace sim {
namespace {

std::optional<std::regex> Compile(std::string_view pattern, bool ignore_case, std::string* why) {
  if (pattern.size() > kMaxPatternLength) {
    if (why) *why = "longer than " + std::to_string(kMaxPatternLength) + " characters";
    return std::nullopt;
  }
  auto flags = std::regex::ECMAScript;
  if (ignore_case) flags |= std::regex::icase;
  try {
    return std::regex(pattern.begin(), pattern.end(), flags);
  } catch (const std::regex_error& e) {
    if (why) *why = e.what();
    return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> RegexProblem(std::string_view pattern) {
  std::string why;
  if (Compile(pattern, false, &why)) return std::nullopt;
  return why;
}

bool SomeLineMatches(std::string_view text, std::string_view pattern, bool ignore_case) {
  const std::optional<std::regex> re = Compile(pattern, ignore_case, nullptr);
  if (!re) return false;
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    size_t stop = end;
    if (stop > begin && text[stop - 1] == '\r') --stop;
    if (std::regex_search(text.begin() + static_cast<long>(begin), text.begin() + static_cast<long>(stop), *re))
      return true;
    begin = end + 1;
  }
  return false;
}

}  // namespace sim
