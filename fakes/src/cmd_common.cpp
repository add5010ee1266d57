// net.exe's message layout, shared by the net subcommands.
#include "cmd_common.h"
#include "cmd_net_messages.h"

#include <algorithm>
#include <cctype>

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

std::string PaddedColumns(std::string_view text, size_t width) {
  std::string out;
  size_t columns = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const bool starts_character = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_character && columns++ == width) break;
    out += text[i];
  }
  if (columns < width) out.append(width - columns, ' ');
  return out;
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
    if (!a.empty() && a[0] == '/') ++n.switches;
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

int NetSyntax(Console& con, std::string_view usage) {
  con.Write("The syntax of this command is:\n\n\n" + std::string(usage) + "\n", Stream::kErr);
  return kNetSyntax;
}

std::optional<bool> NetAsk(Console& con, std::string_view question, bool default_yes, std::optional<bool> answer) {
  if (answer) return answer;
  constexpr int kAsks = 5;  // LUI_LOOP_LIMIT
  for (int ask = 0; ask < kAsks; ++ask) {
    if (ask > 0) con.Write(NetMessage(kNetInvalidResponse) + "\n");
    con.Write(std::string(question) + (default_yes ? " (Y/N) [Y]: " : " (Y/N) [N]: "));
    const std::optional<std::string> reply = con.input.ReadLine(true);
    if (!reply) {
      con.Write("\n");
      break;
    }
    con.EchoTyped(*reply + "\n", MaskedSecrets(*reply, con.typed_secrets) + "\n");
    if (reply->empty()) return default_yes;
    const char first = static_cast<char>(std::toupper(static_cast<unsigned char>(reply->front())));
    if (first == 'Y') return true;
    if (first == 'N') return false;
  }
  NetError(con, kNetNoValidResponse, NetMessage(kNetNoValidResponse));
  return std::nullopt;
}

}  // namespace fakes::cmd
