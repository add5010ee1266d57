// net.exe: dispatch to its subcommands (START, STOP, USER, LOCALGROUP, HELPMSG); the rest print net's syntax.
#include "cmd_net.h"
#include "cmd_common.h"
#include "fakes/commands.h"
#include "fixer/name_case.h"

namespace fakes {

int RunNet(Console& con, const std::vector<std::string>& args) {
  if (!args.empty()) {
    const std::string sub = fixer::FoldWindowsName(args[0]);
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (sub == "start") return cmd::NetStart(con, rest);
    if (sub == "stop") return cmd::NetStop(con, rest);
    if (sub == "user" || sub == "users") return cmd::NetUser(con, rest);
    if (sub == "localgroup") return cmd::NetLocalGroup(con, rest);
    if (sub == "helpmsg" && cmd::NetHelpMsg(con, rest) == 0) return 0;
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
