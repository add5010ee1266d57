// What a run that changes nothing says when a stop the user asks for (Ctrl-C) ends it at once:
// the one shape both tools' handlers write, made before a handler is installed (a handler may only
// write bytes it already has). The tool (app/stop_words.h, ReadOnlyStopWords) makes the words; the
// handlers say them: the state-file tool's POSIX signals (app/tools/stop_signals_posix.h),
// aspnet-fixer.exe's console events (win32/console_stops.h).
//
//   fixer::StopWordsFor words = [](std::string_view stop) { return fixer::StopWords{std::string(stop), ""}; };
//   fixer::StopWords said = words("SIGINT (Ctrl-C)");   // said.standard_error: "SIGINT (Ctrl-C)"
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace fixer {

struct StopWords {
  std::string standard_error;   // one line and its newline
  std::string standard_output;  // with --json the one JSON object (and its newline); else empty
};
// The words of the stop named `stop_name` ("SIGINT (Ctrl-C)", "CTRL_CLOSE_EVENT (the console was closed)").
using StopWordsFor = std::function<StopWords(std::string_view stop_name)>;

}  // namespace fixer
