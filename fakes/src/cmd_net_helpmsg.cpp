// net.exe's HELPMSG: `net helpmsg N` prints the text of message N, as the Microsoft Learn page
// "Net helpmsg" describes it and ReactOS's net.exe does it (cmdHelpMsg.c: FormatMessage's text of
// N between a blank line above and one below, errorlevel 0).
// docs/legacy-replay.md#the-fake-programs-and-the-choices-made.
#include <cstdint>
#include <optional>
#include <string>

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

std::optional<uint32_t> MessageNumber(const std::string& word) {
  if (word.empty() || word.size() > 9 || word.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  return static_cast<uint32_t>(std::stoul(word));
}

// The message of the one number given, where the fake holds Windows' text of it: a system or
// network message, or one of net's own, its inserts shown as *** (WS03 netcmd, StarStrings).
std::optional<std::string> HelpMessage(const std::vector<std::string>& args) {
  if (args.size() != 1) return std::nullopt;
  const std::optional<uint32_t> code = MessageNumber(args[0]);
  if (!code || *code >= kFirstNonMessage) return std::nullopt;
  if (fixer::HasWinErrorText(*code)) return std::string(fixer::WinErrorText(*code));
  if (cmd::NetMessageTemplate(*code)) return cmd::NetMessage(*code);
  return std::nullopt;
}

}  // namespace

namespace cmd {

int NetHelpMsg(Console& con, const std::vector<std::string>& args) {
  const std::optional<std::string> text = HelpMessage(args);
  // Windows' answer (another message's text, or net's syntax) is not guessed.
  if (!text) throw NotModelled{"'net helpmsg' of a message without a text in the simulator"};
  con.Write("\n" + *text + "\n\n");
  return 0;
}

}  // namespace cmd
}  // namespace fakes
