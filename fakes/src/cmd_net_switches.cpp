// net.exe's switch check, as ValidateSwitches and sw_compare do it
// (docs/windows-reference.md#net-unknown-option).
#include "cmd_net_switches.h"

#include "cmd_common.h"
#include "cmd_net_messages.h"
#include "fixer/name_case.h"

namespace fakes::cmd {
namespace {

// sw_compare: how the switch's name (up to its colon) matches a row's name.
enum class Match { kNone, kWhole, kBeginning };

Match Compare(std::string_view row, std::string_view name) {
  // Fewer than two characters ("/" alone) matches nothing.
  if (name.size() < 2 || name.size() > row.size() || row.compare(0, name.size(), name) != 0) return Match::kNone;
  return name.size() == row.size() ? Match::kWhole : Match::kBeginning;
}

// net's message, the syntax and the message's NET HELPMSG line, on standard error: errorlevel 1.
int Refuse(Console& con, uint32_t message, const std::string& text, std::string_view usage) {
  con.Write(text + "\n\n", Stream::kErr);
  NetSyntax(con, usage);
  con.Write("More help is available by typing NET HELPMSG " + std::to_string(message) + ".\n\n", Stream::kErr);
  return kNetSyntax;
}

}  // namespace

std::optional<int> CheckNetSwitches(Console& con, std::vector<std::string>& args, std::span<const NetSwitch> table,
                                    std::string_view usage) {
  for (std::string& arg : args) {
    if (arg.empty() || arg[0] != '/') continue;
    const size_t colon = arg.find(':');
    const std::string name = fixer::UpperWindowsName(arg.substr(0, colon));
    const std::string value = colon == std::string::npos ? "" : arg.substr(colon);
    const std::string shown = name + value;
    // A row of the whole name ends the search; each row it begins counts, a row listed twice
    // twice (net user's table lists /COMMENT twice, so /COM is ambiguous there).
    const NetSwitch* found = nullptr;
    size_t matches = 0;
    for (const NetSwitch& row : table) {
      const Match m = Compare(row.name, name);
      if (m == Match::kWhole) {
        found = &row;
        matches = 1;
        break;
      }
      if (m == Match::kBeginning) {
        found = &row;
        ++matches;
      }
    }
    if (matches == 0) return Refuse(con, kNetUnknownSwitch, NetMessage(kNetUnknownSwitch, shown), usage);
    if (matches > 1) return Refuse(con, kNetAmbiguousSwitch, NetMessage(kNetAmbiguousSwitch, shown), usage);
    const bool has_value = colon != std::string::npos;
    if ((found->value == SwitchValue::kNone && has_value) || (found->value == SwitchValue::kRequired && !has_value))
      return Refuse(con, kNetInvalidSwitchValue, NetMessage(kNetInvalidSwitchValue), usage);
    arg = std::string(found->becomes.empty() ? found->name : found->becomes) + value;
  }
  return std::nullopt;
}

}  // namespace fakes::cmd
