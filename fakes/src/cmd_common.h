// Shared pieces of the fake command-line programs: net.exe's message layout and small helpers.
//
//   fakes::cmd::NetError(con, 2221);   // "The user name could not be found.\n\nMore help ..."
//   fakes::cmd::NetOk(con);            // "The command completed successfully.\n\n"
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/console.h"
#include "fixer/name_case.h"

namespace fakes::cmd {

// net.exe's errorlevel after any error [M]; syntax errors give 1.
inline constexpr int kNetFailed = 2;
inline constexpr int kNetSyntax = 1;
// net's own messages (apperr.h, APPERR_BASE 3500): /Y with /N, no valid Y/N answer.
inline constexpr uint32_t kNetConflictingSwitches = 3510;
inline constexpr uint32_t kNetNoValidResponse = 3757;

// net.exe's success line (message 3500) and the blank line after it.
void NetOk(Console& con);
// An error as net.exe prints it [S: docs/windows-reference.md#net-commands]: a NET message
// (2100-2999, 3500-) is its text,
// a blank line and "More help is available by typing NET HELPMSG <n>." (3514); a Win32 error
// is "System error <n> has occurred." (3502), a blank line and the Win32 text. Returns 2.
int NetError(Console& con, uint32_t code, const std::string& text = "");
// The rule under the heading of net's lists ("User accounts for \\XPPRO"): 79 dashes, a newline.
std::string NetRule();
// The heading of net's lists: "\nUser accounts for \\XPPRO\n\n" and the rule, `what` first.
void NetListHeading(Console& con, std::string_view what);
// `text` padded with blanks or cut to `width` characters, as net's PaddedString fits a column
// (a character is a code point: the fake's names are not double-width).
std::string PaddedColumns(std::string_view text, size_t width);
// Names in the order net lists them: case-insensitive.
void SortAsNetLists(std::vector<std::string>& names);
// A net subcommand's arguments: its words (unquoted), /ADD and /DELETE (or /DEL) in any case,
// and every other switch as typed ("/fullname:Carol"), for the subcommand to read or refuse;
// `switches` counts every switch, one given twice twice (net's grammar counts them).
struct NetArgs {
  std::vector<std::string> words;
  std::vector<std::string> options;
  bool add = false;
  bool del = false;
  size_t switches = 0;
};
NetArgs SplitNetArgs(const std::vector<std::string>& args);
// Case-insensitive comparison of an option word ("/ADD" == "/add").
bool IsOption(const std::string& word, std::string_view option);

// net's syntax message on standard error: "The syntax of this command is:", two blank lines, the
// command's `usage` (its lines, each ending in a newline) and a blank line. Returns 1.
int NetSyntax(Console& con, std::string_view usage);
// net's Y/N question (LUI_YorN): `question` with " (Y/N) [Y]: " or " (Y/N) [N]: " after it, then
// a line: empty takes the default, one beginning with Y or N answers; anything else is "This is
// an invalid response." and the question again, five times at most; closed input or a fifth
// invalid answer is 3757 "No valid response was provided.". What is typed shows masked where it
// is a password the session holds. `answer` is the /Y or /N of the command line, which answers
// without asking. nullopt: no valid response (its message printed).
std::optional<bool> NetAsk(Console& con, std::string_view question, bool default_yes, std::optional<bool> answer);

}  // namespace fakes::cmd
