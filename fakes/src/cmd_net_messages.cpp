// net.exe's own messages [S: WS03 netcmd apperr.h; docs/windows-reference.md#net-commands].
#include "cmd_net_messages.h"

#include <algorithm>
#include <array>
#include <utility>

#include "cmd_common.h"
#include "cmd_net_switches.h"

namespace fakes::cmd {
namespace {

constexpr std::array<std::pair<uint32_t, std::string_view>, 7> kMessages = {{
    {kNetInvalidSwitchValue, "You used an option with an invalid value."},  // APE_InvalidSwitchArg
    {kNetUnknownSwitch, "The option %1 is unknown."},                       // APE_SwUnkSw
    {kNetAmbiguousSwitch, "Option %1 is ambiguous."},                       // APE_SwAmbSw
    {kNetConflictingSwitches, "A command was used with conflicting switches."},
    {kNetServiceNotStarted, "The %1 service is not started."},
    {kNetInvalidResponse, "This is an invalid response."},
    {kNetNoValidResponse, "No valid response was provided."},  // APE_NoGoodResponse
}};

}  // namespace

std::optional<std::string_view> NetMessageTemplate(uint32_t code) {
  const auto* it = std::find_if(kMessages.begin(), kMessages.end(), [code](const auto& m) { return m.first == code; });
  if (it == kMessages.end()) return std::nullopt;
  return it->second;
}

std::string NetMessage(uint32_t code, std::string_view insert) {
  std::string text(NetMessageTemplate(code).value_or(""));
  if (const size_t at = text.find("%1"); at != std::string::npos) text.replace(at, 2, insert);
  return text;
}

}  // namespace fakes::cmd
