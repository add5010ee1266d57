// The one home of regular expressions in the simulator (text_match.h), on RE2.
#include "sim/text_match.h"

#include <memory>

#include <re2/re2.h>

namespace sim {
namespace {

// Room for RE2's compiled program and its DFA cache: plenty for a 500-character pattern; past it
// RE2 falls back to a slower linear matcher, never to more memory.
constexpr int64_t kMaxMemory = 8 << 20;

std::unique_ptr<RE2> Compile(std::string_view pattern, bool ignore_case, std::string* why) {
  if (pattern.size() > kMaxPatternLength) {
    if (why) *why = "longer than " + std::to_string(kMaxPatternLength) + " characters";
    return nullptr;
  }
  RE2::Options options;
  options.set_case_sensitive(!ignore_case);
  options.set_log_errors(false);  // said once, by the loader, at the pattern's place
  options.set_max_mem(kMaxMemory);
  auto re = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  if (!re->ok()) {
    if (why) *why = re->error();
    return nullptr;
  }
  return re;
}

}  // namespace

std::optional<std::string> RegexProblem(std::string_view pattern) {
  std::string why;
  if (Compile(pattern, false, &why)) return std::nullopt;
  return why;
}

bool SomeLineMatches(std::string_view text, std::string_view pattern, bool ignore_case) {
  const std::unique_ptr<RE2> re = Compile(pattern, ignore_case, nullptr);
  if (!re) return false;
  for (size_t begin = 0; begin <= text.size();) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    size_t stop = end;
    if (stop > begin && text[stop - 1] == '\r') --stop;
    if (RE2::PartialMatch(re2::StringPiece(text.data() + begin, stop - begin), *re)) return true;
    begin = end + 1;
  }
  return false;
}

}  // namespace sim
