// What a run that changes nothing says when a stop the user asks for (Ctrl-C) ends it at once,
// in the shape both tools' handlers write (fixer/stop_words.h): portable, rendered before a
// handler is installed. Each tool's handlers say them: the state-file tool's POSIX signals
// (app/tools/stop_signals_posix.h), aspnet-fixer.exe's console events (win32/console_stops.h).
//
//   fixer::StopWords words = app::ReadOnlyStopWords("diagnose", false, "SIGINT (Ctrl-C)");
//   // words.standard_error: "aspnet-fixer diagnose: stopped by SIGINT (Ctrl-C) before its report: ..."
#pragma once

#include <string_view>

#include "fixer/stop_words.h"

namespace app {

// `command`'s words ("aspnet-fixer diagnose: stopped by SIGINT (Ctrl-C) before its report: nothing
// was changed or written"; with --json also {"command", "outcome": "interrupted", "exit_code": 3,
// "stopped"}).
fixer::StopWords ReadOnlyStopWords(std::string_view command, bool json, std::string_view stop_name);

// A changing run's (apply --temp-password -) stopped while it waits for its line, before any
// change: "Stopped: stopped by SIGINT (Ctrl-C) before any change: nothing was changed." and its
// outcome on standard output (with --json the one object), "aspnet-fixer apply: stopped by ..."
// on standard error, as the run stopped later before its first change says them.
fixer::StopWords BeforeAnyChangeStopWords(std::string_view command, bool json, std::string_view stop_name);

}  // namespace app
