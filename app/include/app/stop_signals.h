// A stop the user asks for (Ctrl-C: SIGINT; SIGTERM; on Windows Ctrl-Break too), caught so that a
// changing run ends at a safe point instead of wherever the signal finds it: the backend asks
// StopSignalReceived() right after each journal record is durable (and before the first change),
// and stops the run there (fixer::StopRequested), its journal left for resume or rollback. The
// handler only records the signal, which is all a handler may safely do.
//
//   app::CatchStopSignals();
//   bool stop_asked = app::StopSignalReceived() != nullptr;   // "SIGINT (Ctrl-C)" once Ctrl-C was pressed
#pragma once

namespace app {

// Installs the handlers (again harmless). Until then the signals do what they did.
void CatchStopSignals();
// The signal received since CatchStopSignals ("SIGINT (Ctrl-C)", "SIGTERM", ...), or null.
const char* StopSignalReceived();

}  // namespace app
