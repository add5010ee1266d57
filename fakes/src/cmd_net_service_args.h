// The service words of `net start`, `net stop`, `net pause` and `net continue`: one name (a key or
// display name, its words joined), /Y and /N, and any other switch, which net refuses.
//
//   fakes::cmd::ServiceArgs a = fakes::cmd::ParseServiceArgs({"World", "Wide", "Web", "Publishing"});
//   // a.name == "World Wide Web Publishing"
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fakes/console.h"
#include "fakes/scm.h"

namespace fakes::cmd {

struct ServiceArgs {
  std::string name;
  std::optional<bool> answer;        // /Y (true) or /N (false): net's answer to its own question
  std::vector<std::string> options;  // switches other than /Y and /N: none is net's
};

ServiceArgs ParseServiceArgs(const std::vector<std::string>& args);
// The service `name` names (key or display name); nullptr once net's answer is printed: 2185 for a
// name the SCM does not know, 5 for a caller who may not control services.
const fixer::ServiceInfo* ControllableService(Console& con, const Scm& scm, const std::string& name);
// The display name net prints for a service (its key where the SCM has none by that name).
std::string DisplayOf(const Scm& scm, const std::string& key);

}  // namespace fakes::cmd
