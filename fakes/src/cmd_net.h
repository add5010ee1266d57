// The subcommands of the fake net.exe, one file each (cmd_net_service.cpp, cmd_net_user.cpp,
// cmd_net_localgroup.cpp).
//
//   fakes::cmd::NetStop(con, {"aspnet_state"});      // 0, or 2 with net's error text
//   fakes::cmd::NetUser(con, {"ASPNET", "/delete"});
//   fakes::cmd::NetLocalGroup(con, {"Users", "ASPNET", "/delete"});   // 1377 if not a member
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fakes/console.h"

namespace fakes::cmd {

int NetStart(Console& con, const std::vector<std::string>& args);
int NetStop(Console& con, const std::vector<std::string>& args);
int NetPause(Console& con, const std::vector<std::string>& args);     // cmd_net_pause.cpp
int NetContinue(Console& con, const std::vector<std::string>& args);  // cmd_net_pause.cpp
// `confirm`: the line's /Y (true) or /N (false), net's answer to its own Y/N question.
int NetUser(Console& con, const std::vector<std::string>& args, std::optional<bool> confirm = std::nullopt);
int NetLocalGroup(Console& con, const std::vector<std::string>& args);
// `net helpmsg N`: the text of message N, 0 (words after N unread); net's syntax, 1, without a number;
// NotModelled for a number the fake has no text of.
int NetHelpMsg(Console& con, const std::vector<std::string>& args);

}  // namespace fakes::cmd
