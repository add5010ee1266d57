// Said, SayError and SayInputError (commands.h): an error said on stderr, and as JSON with --json.
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "app/standard_output.h"
#include "commands.h"

namespace sim::cli {

std::string Said(std::string_view verb, std::string_view message) { return app::ErrorLine("fixup-sim", verb, message); }

int SayError(bool json, std::string_view verb, int exit_code, std::string_view why) {
  std::cerr << Said(verb, why) << "\n";
  // The message alone: the program and the verb are for a reader of standard error
  // (docs/json-reports.md, "error").
  if (json) std::cout << app::JsonText(nlohmann::json{{"error", why}, {"exit_code", exit_code}}) << "\n";
  return exit_code;
}

int SayInputError(bool json, std::string_view verb, std::string_view why) {
  return SayError(json, verb, kExitInput, why);
}

}  // namespace sim::cli
