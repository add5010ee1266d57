// A name as cmd.exe and a program's argv read it back; see cmd_argument.h.
#include "fixer/cmd_argument.h"

namespace fixer {
namespace {

// cmd /? of XP: "The special characters that require quotes are: <space> &()[]{}^=;!'+,`~"; with
// the tab, the redirections and pipe, the percent of a variable and the quote itself.
constexpr std::string_view kNeedsQuotes = " \t&()[]{}^=;!'+,`~<>|%\"";

// What `text` needs before a double quote that ends a quoted part: each backslash right before it
// doubled, as argv reads 2n backslashes and a quote as n and the quote's own meaning.
std::string DoubledTrailingBackslashes(const std::string& text) {
  size_t n = 0;
  while (n < text.size() && text[text.size() - 1 - n] == '\\') ++n;
  return std::string(n, '\\');
}

}  // namespace

std::string CmdArgument(std::string_view name) {
  if (!name.empty() && name.find_first_of(kNeedsQuotes) == std::string_view::npos) return std::string(name);
  std::string out;
  bool open = false;
  for (const char c : name) {
    if (c == '%' || c == '"') {
      if (open) out += DoubledTrailingBackslashes(out) + '"';
      open = false;
      // ^% keeps cmd.exe from reading %NAME% as a variable; \" is argv's literal quote, its ^ keeps
      // cmd.exe from taking it as the start of a quoted part.
      out += c == '%' ? "^%" : "\\^\"";
      continue;
    }
    if (!open) out += '"';
    open = true;
    out += c;
  }
  if (open) out += DoubledTrailingBackslashes(out) + '"';
  if (out.empty()) out = "\"\"";
  return out;
}

}  // namespace fixer
