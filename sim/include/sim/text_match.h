// Regular expressions of scenario checks (`output_matches`), kept in one file.
//
// RE2 syntax (docs/scenario-format.md): what ECMAScript patterns usually use (classes, groups,
// alternation, counts, anchors, `\d \w \s \b`), without backreferences or lookaround. RE2 matches
// in time linear in the line and in bounded memory, so no pattern and no output, however long or
// hostile, can hang or crash a run. A match is searched line by line, so `^` and `$` are a
// line's ends.
//
//   if (auto why = sim::RegexProblem("exit (code|status) [0-9]+")) ...   // nullopt: valid
//   bool found = sim::SomeLineMatches(output, "system error 5", /*ignore_case=*/true);
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sim {

// A pattern longer than this is refused: a check reads better short, and RE2's program stays small.
inline constexpr size_t kMaxPatternLength = 500;

// Why `pattern` is not a usable regular expression, or nullopt.
std::optional<std::string> RegexProblem(std::string_view pattern);

// Whether a line of `text` (split at \n, a \r before it dropped) contains a match of `pattern`.
// A pattern RegexProblem refuses matches nothing.
bool SomeLineMatches(std::string_view text, std::string_view pattern, bool ignore_case);

}  // namespace sim
