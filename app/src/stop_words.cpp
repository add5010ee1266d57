// ReadOnlyStopWords (app/stop_words.h): portable, shared by both tools' handlers.
#include <string>

#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "app/standard_output.h"
#include "app/stop_words.h"
#include "fixer/exit_code.h"

namespace app {

fixer::StopWords ReadOnlyStopWords(std::string_view command, bool json, std::string_view stop_name) {
  const std::string stopped = "stopped by " + std::string(stop_name) + " before its report";
  fixer::StopWords words;
  words.standard_error = ErrorLine("aspnet-fixer", command, stopped + ": nothing was changed or written") + "\n";
  if (json) {
    const nlohmann::json j = {{"command", command},
                              {"outcome", "interrupted"},
                              {"exit_code", fixer::ToInt(fixer::ExitCode::kRefused)},
                              {"stopped", stopped}};
    words.standard_output = JsonText(j) + "\n";
  }
  return words;
}

fixer::StopWords BeforeAnyChangeStopWords(std::string_view command, bool json, std::string_view stop_name) {
  const std::string stopped = "stopped by " + std::string(stop_name) + " before any change";
  const int exit_code = fixer::ToInt(fixer::ExitCode::kRefused);
  fixer::StopWords words;
  words.standard_error = ErrorLine("aspnet-fixer", command, stopped + ": nothing was changed") + "\n";
  if (json) {
    const nlohmann::json j = {
        {"command", command}, {"outcome", "interrupted"}, {"exit_code", exit_code}, {"stopped", stopped}};
    words.standard_output = JsonText(j) + "\n";
  } else {
    words.standard_output = "Stopped: " + stopped + ": nothing was changed.\nOutcome: interrupted (exit " +
                            std::to_string(exit_code) + ")\n";
  }
  return words;
}

}  // namespace app
