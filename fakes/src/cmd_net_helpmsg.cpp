// net.exe's HELPMSG: `net helpmsg N` prints the text of message N, as the Microsoft Learn page
// "Net helpmsg" describes it and ReactOS's net.exe does it (cmdHelpMsg.c: FormatMessage's text of
// N between a blank line above and one below, errorlevel 0).
// docs/legacy-replay.md#the-fake-programs-and-the-choices-made.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cmd_common.h"
#include "cmd_net.h"
#include "cmd_net_messages.h"
#include "fakes/commands.h"
#include "fixer/win_error.h"

namespace fakes {
namespace {

// The system and network messages end below 9000 (winerror.h's file and service errors, lmerr.h's
// NERR_* from 2100); the fake's other numbers (cmd's 9009, SQL Server's 15xxx) are no message
// FormatMessage finds.
constexpr uint32_t kFirstNonMessage = 9000;

// net's syntax line of HELPMSG [S: ReactOS net.mc, MSG_HELPMSG_SYNTAX "NET HELPMSG message#"], laid
// out as the fake's other syntax lines (the command, then its argument) [M].
constexpr std::string_view kHelpMsgUsage = "NET HELPMSG\nmessage#\n";

// The number a word is as net reads it (wcstol, base 10, the whole word: an optional sign, then
// digits); nullopt for a word that is no number, which net answers with its syntax. A number
// below 0 or past 9 digits is no message FormatMessage finds (kFirstNonMessage stands for it).
std::optional<uint32_t> MessageNumber(const std::string& word) {
  if (word.empty()) return 0;  // wcstol reads "" as 0, its end the word's end: message 0
  const size_t digits = word.starts_with('+') || word.starts_with('-') ? 1 : 0;
  if (word.size() == digits || word.find_first_not_of("0123456789", digits) != std::string::npos) return std::nullopt;
  if (word[0] == '-' || word.size() - digits > 9) return kFirstNonMessage;
  return static_cast<uint32_t>(std::stoul(word.substr(digits)));
}

// The message of `code`, where the fake holds Windows' text of it: a system or network message,
// or one of net's own, its inserts shown as *** (WS03 netcmd, StarStrings).
std::optional<std::string> HelpMessage(uint32_t code) {
  if (code >= kFirstNonMessage) return std::nullopt;
  if (fixer::HasWinErrorText(code)) return std::string(fixer::WinErrorText(code));
  if (cmd::NetMessageTemplate(code)) return cmd::NetMessage(code);
  return std::nullopt;
}

}  // namespace

namespace cmd {

int NetHelpMsg(Console& con, const std::vector<std::string>& args) {
  // No word, or a first word that is no number: net's syntax, errorlevel 1; the words after the
  // number are not read [S: ReactOS net, cmdHelpMsg.c: argc < 3, wcstol's endptr, argv[2] only].
  const std::optional<uint32_t> code = args.empty() ? std::nullopt : MessageNumber(args[0]);
  if (!code) return NetSyntax(con, kHelpMsgUsage);
  const std::optional<std::string> text = HelpMessage(*code);
  // Windows' answer for a number the fake holds no text of (another message's text) is not guessed.
  if (!text) throw NotModelled{"'net helpmsg' of a message without a text in the simulator"};
  con.Write("\n" + *text + "\n\n");
  return 0;
}

}  // namespace cmd
}  // namespace fakes
