// SayInputError (commands.h): a usage or input error said on stderr, and as JSON with --json.
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.h"

namespace sim::cli {

int SayInputError(bool json, const std::string& why) {
  std::cerr << why << "\n";
  if (json) std::cout << nlohmann::json{{"error", why}, {"exit_code", kExitInput}}.dump(2) << "\n";
  return kExitInput;
}

}  // namespace sim::cli
