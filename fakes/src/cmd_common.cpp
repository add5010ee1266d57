// net.exe's message layout, shared by the net subcommands.
#include "cmd_common.h"

#include <algorithm>

#include "fakes/commands.h"
#include "fakes/state.h"
#include "fixer/name_case.h"
#include "fixer/win_error.h"

namespace fakes::cmd {

void NetOk(Console& con) { con.Write("The command completed successfully.\n\n"); }

int NetError(Console& con, uint32_t code, const std::string& text) {
  const std::string message = text.empty() ? std::string(fixer::WinErrorText(code)) : text;
  // netmsg.dll's messages end at MAX_LANMAN_MESSAGE_ID (5899, lmerr.h); a Win32 error past it
  // (fixer::kErrorNoMoreRids, 8209) is a "System error" (docs/windows-reference.md#net-commands).
  const bool net_message = (code >= 2100 && code < 3000) || (code >= 3500 && code <= 5899);
  if (net_message) {
    con.Write(message + "\n\nMore help is available by typing NET HELPMSG " + std::to_string(code) + ".\n\n",
              Stream::kErr);
  } else {
    con.Write("System error " + std::to_string(code) + " has occurred.\n\n" + message + "\n\n", Stream::kErr);
  }
  return kNetFailed;
}

std::string NetRule() { return std::string(79, '-') + "\n"; }

void NetListHeading(Console& con, std::string_view what) {
  con.Write("\n" + std::string(what) + " for \\\\" + con.machine.state().products.os.computer_name + "\n\n" +
            NetRule());
}

void SortAsNetLists(std::vector<std::string>& names) {
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return fixer::FoldWindowsName(a) < fixer::FoldWindowsName(b);
  });
}

NetArgs SplitNetArgs(const std::vector<std::string>& args) {
  NetArgs n;
  for (const auto& a : args) {
    const std::string lower = fixer::FoldWindowsName(a);
    if (lower == "/add")
      n.add = true;
    else if (lower == "/delete" || lower == "/del")
      n.del = true;
    else if (!a.empty() && a[0] == '/')
      n.options.push_back(a);
    else
      n.words.push_back(Unquote(a));
  }
  return n;
}

bool IsOption(const std::string& word, std::string_view option) { return fixer::SameWindowsName(word, option); }

}  // namespace fakes::cmd
