// The stops a user asks aspnet-fixer.exe for: Windows' console control events (SetConsoleCtrlHandler),
// said with the words of the state-file tool's POSIX signals (the tool makes them, app/stop_words.h,
// in the shape fixer/stop_words.h gives both tools' handlers). A console's
// handler runs on a thread of its own, so the two ways are:
// - A changing run (CatchConsoleStops): Ctrl-C and Ctrl-Break are recorded and handled (TRUE: no
//   ExitProcess), and the run stops at its next journal record (local_machine.h). A console closing,
//   a logoff or a shutdown ends the process once the handler returns, or after Windows' time-out
//   (5 s for a close): the handler records it and waits, so the run reaches its record meanwhile.
// - A run that changes nothing (EndAtOnceOnConsoleStop): a stop says its words and ends the process
//   at once, exit 3 (TerminateProcess: nothing of the main thread's half-done work runs on); its
//   --out is only written after FinishDespiteConsoleStops, so no temporary file is left.
//
//   win32::CatchConsoleStops();
//   const char* stop = win32::ConsoleStopReceived();   // "SIGINT (Ctrl-C)" once Ctrl-C was pressed
#pragma once

#include "fixer/stop_words.h"

namespace win32 {

// The handler, recording (again harmless).
void CatchConsoleStops();
// The first stop received: "SIGINT (Ctrl-C)", "SIGBREAK (Ctrl-Break)", "CTRL_CLOSE_EVENT (the
// console was closed)", ...; null when none.
const char* ConsoleStopReceived();
// A stop from now on ends the process at once (exit 3), `words` of that stop's name said first:
// its standard output, then its line on standard error.
void EndAtOnceOnConsoleStop(const fixer::StopWordsFor& words);
// From now on a stop is only recorded: the run ends as it would have. If a stop was already
// ending the process, never returns (the process ends).
void FinishDespiteConsoleStops();
// After a read of standard input found no line, while a stop ends the run at once: where that
// input is a console, Ctrl-C ended the read (ERROR_OPERATION_ABORTED) before the handler, on a
// thread of its own, has said its words and ended the process; waits for it, up to 1 s, so the
// run does not go on to say "no line". Returns at once for a file or a pipe.
void AwaitConsoleStopAfterEndOfInput();
// Test hook (aspnet-fixer.exe --signal-before-changes N): raises the console event of signal N
// (2 SIGINT: CTRL_C_EVENT; 21 SIGBREAK: CTRL_BREAK_EVENT) in this process's console group
// (GenerateConsoleCtrlEvent) and waits, up to 10 s, until the handler has recorded it (or ended
// the process). False when it could not be raised or was not received.
bool RaiseConsoleStop(int signal);

}  // namespace win32
