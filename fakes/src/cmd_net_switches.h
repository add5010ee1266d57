// net.exe's check of a command's switches before it runs it (ValidateSwitches and sw_compare of
// the Windows Server 2003 netcmd, docs/windows-reference.md#net-unknown-option): each switch is
// one of the command's table, by its whole name or by the first letters of one, or net stops.
//
//   constexpr NetSwitch kTable[] = {{"/ADD", SwitchValue::kNone}, {"/ACTIVE", SwitchValue::kOptional}};
//   std::vector<std::string> args = {"bob", "/act:no"};
//   if (auto level = CheckNetSwitches(con, args, kTable, kUsage)) return *level;   // 1, message printed
//   // args == {"bob", "/ACTIVE:no"}
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/console.h"

namespace fakes::cmd {

// Whether a switch takes a value after a colon (swtchtbl.c: NO_ARG, ARG_OPT, ARG_REQ).
enum class SwitchValue { kNone, kOptional, kRequired };

// One row of a command's switch table (swtchtbl.c): the name, upper-case; whether it takes a
// value; the switch net goes on with instead, if any (/REMARK is /COMMENT).
struct NetSwitch {
  std::string_view name;
  SwitchValue value;
  std::string_view becomes = {};
};

// net's messages for a switch (apperr.h, APPERR_BASE 3500).
inline constexpr uint32_t kNetInvalidSwitchValue = 3505;  // APE_InvalidSwitchArg
inline constexpr uint32_t kNetUnknownSwitch = 3506;       // APE_SwUnkSw
inline constexpr uint32_t kNetAmbiguousSwitch = 3507;     // APE_SwAmbSw

// Checks each switch of `args` (a word beginning with '/') in turn, its name (up to a colon)
// upper-cased: the table's switch of that whole name, else the one switch it begins (two
// characters or more, the slash counted: "/DE" is /DELETE); a value only where the switch takes
// one, and where it needs one. The first that fails stops net, on standard error: "The option /X
// is unknown." (3506), "Option /X is ambiguous." (3507: it begins two rows or more) or "You used an
// option with an invalid value." (3505), a blank line, the syntax message of `usage` and "More help
// is available by typing NET HELPMSG N."; errorlevel 1 (returned). Else each switch is rewritten as
// net goes on with it, the row's whole name (or what it becomes) and the value as typed
// ("/act:no" -> "/ACTIVE:no"), and nullopt is returned. A switch given twice is checked twice and
// kept twice: the command reads it as it reads any other.
std::optional<int> CheckNetSwitches(Console& con, std::vector<std::string>& args, std::span<const NetSwitch> table,
                                    std::string_view usage);

}  // namespace fakes::cmd
