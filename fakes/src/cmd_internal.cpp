// Where cmd ends the name of one of its internal commands, the one rule for `echo.`, `cd..`,
// `cd/d X`, `rem/comment` and `goto:eof` alike.
//
// [M: no Microsoft source states the set. It follows what the Stack Overflow answer "How does the
// Windows Command Interpreter (CMD.EXE) parse scripts?" (question 4094699) describes of phase 2,
// not checked character by character against cmd: a token delimiter (space, tab, `,` `;` `=`) or
// one of `/` `+` `(` `[` `]`; and `echo.`, `echo:`, `cd..`, `cd\` show `.`, `:` and `\` end it.]
#include <algorithm>
#include <array>

#include "fakes/commands.h"
#include "fixer/name_case.h"

namespace fakes {
namespace {

constexpr std::string_view kNameEnds = " \t,;=/+([].:\\";

// cmd's internal commands (those of XP's `help` that are not programs of system32).
constexpr std::array<std::string_view, 42> kInternalCommands = {
    "assoc",    "break",    "call",  "cd",     "chdir", "cls",   "color", "copy",   "date",   "del",   "dir",
    "echo",     "endlocal", "erase", "exit",   "for",   "ftype", "goto",  "if",     "md",     "mkdir", "move",
    "path",     "pause",    "popd",  "prompt", "pushd", "rd",    "rem",   "ren",    "rename", "rmdir", "set",
    "setlocal", "shift",    "start", "time",   "title", "type",  "ver",   "verify", "vol"};

}  // namespace

std::optional<InternalCommand> SplitInternalCommand(const std::string& line) {
  const size_t start = line.find_first_not_of(" \t");
  if (start == std::string::npos) return std::nullopt;
  const size_t end = line.find_first_of(kNameEnds, start);
  const std::string name = fixer::FoldWindowsName(line.substr(start, end == std::string::npos ? end : end - start));
  if (std::find(kInternalCommands.begin(), kInternalCommands.end(), name) == kInternalCommands.end())
    return std::nullopt;
  return InternalCommand{name, end == std::string::npos ? "" : line.substr(end)};
}

std::string InternalCommand::Arguments() const {
  const size_t first = rest.find_first_not_of(" \t,;=");
  return first == std::string::npos ? "" : rest.substr(first);
}

}  // namespace fakes
