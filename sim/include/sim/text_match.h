// Regular expressions of scenario checks (`output_matches`), kept in one file: <regex> is heavy
// to compile and trips GCC 12's -Wmaybe-uninitialized under the sanitizers in some uses.
//
// ECMAScript syntax (std::regex). A match is searched line by line, so `^` and `$` are a line's
// ends, and no match walks through a whole long output at once.
//
//   if (auto why = sim::RegexProblem("exit (code|status) [0-9]+")) ...   // nullopt: valid
//   bool found = sim::SomeLineMatches(output, "system error 5", /*ignore_case=*/true);
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sim {

// A pattern longer than this is refused: compiling std::regex recurses on nesting.
inline constexpr size_t kMaxPatternLength = 500;
// At most this many `{n,m}` counts, none above kMaxRepeatCount: std::regex expands each.
inline constexpr int kMaxRepeatCounts = 2;
inline constexpr size_t kMaxRepeatCount = 100;

// Why `pattern` is not a usable regular expression, or nullopt.
std::optional<std::string> RegexProblem(std::string_view pattern);

// Whether a line of `text` (split at \n, a \r before it dropped) contains a match of `pattern`.
// A pattern RegexProblem refuses matches nothing.
bool SomeLineMatches(std::string_view text, std::string_view pattern, bool ignore_case);

}  // namespace sim
