// net.exe's own messages (apperr.h, APPERR_BASE 3500 up), the ones the fake prints: one home for
// each text, used where net prints it (its word inserted at %1) and by `net helpmsg N`, which
// shows each insert as *** (WS03 netcmd main.c, StarStrings) [S: docs/windows-reference.md#net-commands].
//
//   fakes::cmd::NetMessage(3521, "World Wide Web Publishing");  // "The World Wide Web Publishing service is not
//   started." fakes::cmd::NetMessage(3521);                                // "The *** service is not started."
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace fakes::cmd {

inline constexpr uint32_t kNetServiceNotStarted = 3521;  // APE_StartNotStarted
inline constexpr uint32_t kNetInvalidResponse = 3756;    // APE_UtilInvalidResponse

// The message's text with %1 where net inserts a word; nullopt for a number not net's own here.
std::optional<std::string_view> NetMessageTemplate(uint32_t code);
// The text with %1 replaced by `insert` (net helpmsg's "***" when none is given).
std::string NetMessage(uint32_t code, std::string_view insert = "***");

}  // namespace fakes::cmd
