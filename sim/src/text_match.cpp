// The one home of <regex> in the simulator (text_match.h).
#include "sim/text_match.h"

#include <regex>

namespace sim {
namespace {

// std::regex copies a group once per repetition of `{n,m}`, so nested counts multiply: a few
// small ones are plenty for a check, and keep a hostile pattern from exhausting memory.
std::optional<std::string> CountProblem(std::string_view pattern) {
  int counts = 0;
  for (size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] != '{' || pattern[i + 1] < '0' || pattern[i + 1] > '9') continue;
    if (++counts > kMaxRepeatCounts) return "more than " + std::to_string(kMaxRepeatCounts) + " {n,m} counts";
    // The numbers of "{n}", "{n,}", "{n,m}".
    for (size_t j = i + 1; j < pattern.size();) {
      size_t value = 0, digits = 0;
      for (; j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9'; ++j, ++digits)
        value = digits < 7 ? value * 10 + static_cast<size_t>(pattern[j] - '0') : value;
      if (digits >= 7 || value > kMaxRepeatCount) return "a {n,m} count above " + std::to_string(kMaxRepeatCount);
      if (j >= pattern.size() || pattern[j] != ',') break;
      ++j;
    }
  }
  return std::nullopt;
}

std::optional<std::regex> Compile(std::string_view pattern, bool ignore_case, std::string* why) {
  if (pattern.size() > kMaxPatternLength) {
    if (why) *why = "longer than " + std::to_string(kMaxPatternLength) + " characters";
    return std::nullopt;
  }
  if (auto problem = CountProblem(pattern)) {
    if (why) *why = *problem;
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
