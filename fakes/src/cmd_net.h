// The subcommands of the fake net.exe, one file each (cmd_net_service.cpp, cmd_net_user.cpp).
//
//   fakes::cmd::NetStop(con, {"aspnet_state"});      // 0, or 2 with net's error text
//   fakes::cmd::NetUser(con, {"ASPNET", "/delete"});
#pragma once

#include <string>
#include <vector>

#include "fakes/console.h"

namespace fakes::cmd {

int NetStart(Console& con, const std::vector<std::string>& args);
int NetStop(Console& con, const std::vector<std::string>& args);
int NetUser(Console& con, const std::vector<std::string>& args);

}  // namespace fakes::cmd
