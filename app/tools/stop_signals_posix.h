// A stop the user asks for (Ctrl-C: SIGINT; SIGTERM), caught by the state-file tool, the Linux
// executable (POSIX signals; not in the portable library fixup_app, which builds for Windows too:
// aspnet-fixer.exe catches Windows' console events instead, win32/console_stops.h, saying the same
// app/stop_words.h). Two ways, by what the run does:
// - A changing run (CatchStopSignals): the handler only records the signal, which is all a
//   handler may safely do, and the backend asks StopSignalReceived() right after each journal
//   record is durable (and before the first change), and stops the run there
//   (fixer::StopRequested), its journal left for resume or rollback.
// - A run that changes nothing (diagnose, plan, a dry run, capture: EndAtOnceOnStopSignals): it
//   has no safe point to wait for, so a stop ends the process at once, exit 3 (nothing changed),
//   after removing the temporary file a write of its --out would use (its folder probe may have
//   made it) and saying its StopWords; until FinishDespiteStopSignals, from which the run writes its
//   output, whole, and a stop is only recorded.
//
//   app::CatchStopSignals();
//   bool stop_asked = app::StopSignalReceived() != nullptr;   // "SIGINT (Ctrl-C)" once Ctrl-C was pressed
//   app::EndAtOnceOnStopSignals([](std::string_view stop) { return app::ReadOnlyStopWords("diagnose", false, stop); },
//   ""); app::FinishDespiteStopSignals();   // the report is written whatever comes now
#pragma once

#include <string>

#include "fixer/stop_words.h"

namespace app {

// Installs the recording handlers (again harmless). Until then the signals do what they did.
void CatchStopSignals();
// The signal received since CatchStopSignals ("SIGINT (Ctrl-C)", "SIGTERM"), or null.
const char* StopSignalReceived();
// A stop from now on ends the process at once (exit 3): `temporary` removed (none: empty), the
// words of that stop said.
void EndAtOnceOnStopSignals(const fixer::StopWordsFor& words, const std::string& temporary);
// From now on a stop is only recorded (StopSignalReceived): the run ends as it would have.
void FinishDespiteStopSignals();

}  // namespace app
