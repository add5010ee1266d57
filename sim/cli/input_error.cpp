// SayError and SayInputError (commands.h): a usage or input error said on stderr, and as JSON with --json.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "commands.h"

namespace sim::cli {

int SayError(bool json, int exit_code, const std::string& why) {
  std::cerr << why << "\n";
  if (json) std::cout << app::JsonText(nlohmann::json{{"error", why}, {"exit_code", exit_code}}) << "\n";
  return exit_code;
}

int SayInputError(bool json, const std::string& why) { return SayError(json, kExitInput, why); }

}  // namespace sim::cli
