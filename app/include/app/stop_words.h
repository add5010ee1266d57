// What a run that changes nothing says when a stop the user asks for (Ctrl-C) ends it at once:
// portable, rendered before a handler is installed (a handler may only write bytes it already
// has). Each tool's handlers say them: the state-file tool's POSIX signals
// (app/tools/stop_signals_posix.h), aspnet-fixer.exe's console events (win32/console_stops.h).
//
//   app::StopWords words = app::ReadOnlyStopWords("diagnose", false, "SIGINT (Ctrl-C)");
//   // words.standard_error: "aspnet-fixer diagnose: stopped by SIGINT (Ctrl-C) before its report: ..."
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace app {

struct StopWords {
  std::string standard_error;   // one line and its newline
  std::string standard_output;  // with --json the one JSON object (and its newline); else empty
};
using StopWordsFor = std::function<StopWords(std::string_view stop_name)>;
// `command`'s words ("aspnet-fixer diagnose: stopped by SIGINT (Ctrl-C) before its report: nothing
// was changed or written"; with --json also {"command", "outcome": "interrupted", "exit_code": 3,
// "stopped"}).
StopWords ReadOnlyStopWords(std::string_view command, bool json, std::string_view stop_name);

}  // namespace app
