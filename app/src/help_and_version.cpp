// SayHelpOrVersion (app/help_and_version.h): --help and --version as text, or as one JSON object.
#include "app/help_and_version.h"

#include <iostream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "fixer/exit_code.h"
#include "fixup/version.h"

namespace app {

int SayHelpOrVersion(const CLI::App& app, const CLI::ParseError& e, const HelpOrVersionAsked& asked) {
  if (!asked.json) {
    app.exit(e);
  } else if (dynamic_cast<const CLI::CallForVersion*>(&e) != nullptr) {
    const nlohmann::json j = {{"name", asked.tool},
                              {"version", fixup::kVersion},
                              {"commit", fixup::kCommit},
                              {"exit_code", fixer::ToInt(fixer::ExitCode::kOk)}};
    std::cout << JsonText(j) << "\n";
  } else {
    std::ostringstream help;  // CLI11 picks the text: the named command's help, or the tool's
    app.exit(e, help, help);
    const nlohmann::json j = {{"help", help.str()}, {"exit_code", fixer::ToInt(fixer::ExitCode::kOk)}};
    std::cout << JsonText(j) << "\n";
  }
  const std::string tool =
      asked.verb.empty() ? std::string(asked.tool) : std::string(asked.tool) + " " + std::string(asked.verb);
  return FlushStandardOutput(tool, asked.words) ? fixer::ToInt(fixer::ExitCode::kOk)
                                                : fixer::ToInt(fixer::ExitCode::kUsage);
}

}  // namespace app
