// Shared pieces of the fake command-line programs: net.exe's message layout and small helpers.
//
//   fakes::cmd::NetError(con, 2221);   // "The user name could not be found.\n\nMore help ..."
//   fakes::cmd::NetOk(con);            // "The command completed successfully.\n\n"
#pragma once

#include <string>
#include <vector>

#include "fakes/console.h"
#include "fixer/name_case.h"

namespace fakes::cmd {

// net.exe's errorlevel after any error [M]; syntax errors give 1.
inline constexpr int kNetFailed = 2;
inline constexpr int kNetSyntax = 1;

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
// Names in the order net lists them: case-insensitive.
void SortAsNetLists(std::vector<std::string>& names);
// A net subcommand's arguments: its words (unquoted), /ADD and /DELETE (or /DEL) in any case,
// and every other switch as typed ("/fullname:Carol"), for the subcommand to read or refuse.
struct NetArgs {
  std::vector<std::string> words;
  std::vector<std::string> options;
  bool add = false;
  bool del = false;
};
NetArgs SplitNetArgs(const std::vector<std::string>& args);
// Case-insensitive comparison of an option word ("/ADD" == "/add").
bool IsOption(const std::string& word, std::string_view option);

}  // namespace fakes::cmd
