// net.exe: dispatch to its subcommands (START, STOP, PAUSE, CONTINUE, USER, LOCALGROUP, HELPMSG). net's other real
// subcommands and its help (`net help user`, `net user /?`) are not modelled (NotModelled); a word
// that is no subcommand prints net's syntax.
#include <algorithm>
#include <array>
#include <string_view>

#include "cmd_common.h"
#include "cmd_net.h"
#include "cmd_net_messages.h"
#include "fakes/commands.h"
#include "fixer/name_case.h"

namespace fakes {
namespace {

// XP's net subcommands that the fake does not model [S: Microsoft Learn "Net commands"; ReactOS
// net, main.c's command table].
constexpr std::array<std::string_view, 15> kUnmodelledSubcommands = {
    "accounts", "computer", "config", "file", "group", "help",       "name", "print",
    "send",     "session",  "share",  "time", "use",   "statistics", "view"};

bool IsUnmodelledSubcommand(const std::string& folded) {
  return std::find(kUnmodelledSubcommands.begin(), kUnmodelledSubcommands.end(), folded) !=
         kUnmodelledSubcommands.end();
}

// `/?` and `/help` anywhere ask net for a subcommand's help text, which the fake does not hold
// [S: Microsoft Learn "Net commands": "net help command" or "net command /?"; ReactOS net].
bool AsksForHelp(const std::vector<std::string>& args) {
  return std::any_of(args.begin(), args.end(), [](const std::string& a) {
    const std::string folded = fixer::FoldWindowsName(a);
    return folded == "/?" || folded == "/help";
  });
}

// net's answers to its own Y/N prompts, which it takes with every command [S: Wine programs/net,
// wmain: /Y /YE /YES and /N /NO are taken out of the arguments before the command is read].
bool IsConfirmationAnswer(const std::string& word) {
  const std::string folded = fixer::FoldWindowsName(word);
  return folded == "/y" || folded == "/ye" || folded == "/yes" || folded == "/n" || folded == "/no";
}

}  // namespace

int RunNet(Console& con, const std::vector<std::string>& args) {
  if (!args.empty()) {
    const std::string sub = fixer::FoldWindowsName(args[0]);
    std::vector<std::string> rest(args.begin() + 1, args.end());
    // START and STOP read /Y themselves (a stop's prompt); USER is given the answer (its question
    // of a long password); LOCALGROUP and HELPMSG never prompt Y/N, so it changes nothing there.
    const bool yes = std::any_of(args.begin(), args.end(), [](const std::string& a) {
      const std::string f = fixer::FoldWindowsName(a);
      return f == "/y" || f == "/ye" || f == "/yes";
    });
    const bool no = std::any_of(args.begin(), args.end(), [](const std::string& a) {
      const std::string f = fixer::FoldWindowsName(a);
      return f == "/n" || f == "/no";
    });
    // net's main reads /Y and /N before the command: both is APE_ConflictingSwitches (3510), with
    // NET HELPMSG, errorlevel 2 (ErrorExit) [S: docs/windows-reference.md#net-unknown-option].
    if (yes && no)
      return cmd::NetError(con, cmd::kNetConflictingSwitches, cmd::NetMessage(cmd::kNetConflictingSwitches));
    if (sub != "start" && sub != "stop") std::erase_if(rest, IsConfirmationAnswer);
    if (IsUnmodelledSubcommand(sub)) throw NotModelled{"'net " + sub + "'"};
    if (AsksForHelp(args)) throw NotModelled{"net's help text (/?)"};
    if (sub == "start") return cmd::NetStart(con, rest);
    if (sub == "stop") return cmd::NetStop(con, rest);
    if (sub == "pause") return cmd::NetPause(con, rest);
    if (sub == "continue") return cmd::NetContinue(con, rest);
    if (sub == "user" || sub == "users")
      return cmd::NetUser(con, rest, yes ? std::optional<bool>(true) : no ? std::optional<bool>(false) : std::nullopt);
    if (sub == "localgroup") return cmd::NetLocalGroup(con, rest);
    if (sub == "helpmsg") return cmd::NetHelpMsg(con, rest);
  }
  // [S: ReactOS netmsg] the top-level syntax message.
  con.Write(
      "The syntax of this command is:\n\n\n"
      "NET [ ACCOUNTS | COMPUTER | CONFIG | CONTINUE | FILE | GROUP | HELP |\n"
      "      HELPMSG | LOCALGROUP | NAME | PAUSE | PRINT | SEND | SESSION |\n"
      "      SHARE | START | STATISTICS | STOP | TIME | USE | USER | VIEW ]\n\n",
      Stream::kErr);
  return cmd::kNetSyntax;
}

}  // namespace fakes
