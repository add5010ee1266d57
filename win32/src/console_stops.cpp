// Console control events as the tool's stops (win32/console_stops.h). [HandlerRoutine]: the
// handler runs on a new thread; returning TRUE for Ctrl-C or Ctrl-Break ends the event's handling
// (the default handler, ExitProcess, is not called); for CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT and
// CTRL_SHUTDOWN_EVENT the process is ended when the handler returns, or after a time-out (5 s for
// a close, 20 s for a logoff or shutdown) if it does not. [SetConsoleCtrlHandler]: handlers are
// called last registered first, until one returns TRUE.
#include <windows.h>

#include <string>
#include <vector>

#include "win32/console_stops.h"

namespace win32 {
namespace {

enum : LONG { kNotCaught = 0, kRecord = 1, kAtOnce = 2, kEnding = 3 };
volatile LONG mode = kNotCaught;
volatile LONG received = 0;  // the first event's number + 1; 0 none
bool installed = false;

constexpr DWORD kEvents[] = {CTRL_C_EVENT, CTRL_BREAK_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT};

// Ctrl-C and Ctrl-Break by the names the C runtime gives them (SIGINT, SIGBREAK), so the words are
// the state-file tool's; the others by their event's name.
const char* NameOf(DWORD event) {
  switch (event) {
    case CTRL_C_EVENT: return "SIGINT (Ctrl-C)";
    case CTRL_BREAK_EVENT: return "SIGBREAK (Ctrl-Break)";
    case CTRL_CLOSE_EVENT: return "CTRL_CLOSE_EVENT (the console was closed)";
    case CTRL_LOGOFF_EVENT: return "CTRL_LOGOFF_EVENT (the user logs off)";
    case CTRL_SHUTDOWN_EVENT: return "CTRL_SHUTDOWN_EVENT (Windows shuts down)";
    default: return "a console control event";
  }
}

// The words each event says when it ends a run at once, made before the handler may read them.
std::vector<fixer::StopWords> at_once_words;  // by kEvents' order

// WriteFile to a standard handle: no C runtime lock, which the main thread may hold.
void WriteToStandard(DWORD which, const std::string& text) {
  const HANDLE handle = GetStdHandle(which);
  if (handle == nullptr || handle == INVALID_HANDLE_VALUE || text.empty()) return;
  DWORD written = 0;
  WriteFile(handle, text.data(), static_cast<DWORD>(text.size()), &written, nullptr);
}

BOOL WINAPI OnConsoleEvent(DWORD event) {
  // A run that changes nothing: this thread ends it, unless its output has begun (kRecord).
  if (InterlockedCompareExchange(&mode, kEnding, kAtOnce) == kAtOnce) {
    for (size_t i = 0; i < std::size(kEvents) && i < at_once_words.size(); ++i) {
      if (kEvents[i] != event) continue;
      WriteToStandard(STD_OUTPUT_HANDLE, at_once_words[i].standard_output);
      WriteToStandard(STD_ERROR_HANDLE, at_once_words[i].standard_error);
    }
    // Not ExitProcess: its DLL notifications would flush the C runtime's streams, whose locks the
    // main thread, ended mid-call, may hold.
    TerminateProcess(GetCurrentProcess(), 3);
  }
  InterlockedCompareExchange(&received, static_cast<LONG>(event) + 1, 0);  // the first stop is the one said
  if (event == CTRL_C_EVENT || event == CTRL_BREAK_EVENT) return TRUE;     // handled: the run goes on to its safe point
  // Windows ends the process when this returns: wait instead, while the run goes on to its next
  // journal record and ends (its exit ends this thread), or Windows' time-out ends it.
  Sleep(INFINITE);
  return TRUE;
}

void Install() {
  if (!installed) installed = SetConsoleCtrlHandler(OnConsoleEvent, TRUE) != FALSE;
}

}  // namespace

void CatchConsoleStops() {
  InterlockedExchange(&mode, kRecord);
  Install();
}

const char* ConsoleStopReceived() {
  const LONG event = received;
  return event == 0 ? nullptr : NameOf(static_cast<DWORD>(event - 1));
}

void EndAtOnceOnConsoleStop(const fixer::StopWordsFor& words) {
  InterlockedExchange(&mode, kRecord);  // the handler never reads what is being made
  at_once_words.clear();
  for (DWORD event : kEvents) at_once_words.push_back(words(NameOf(event)));
  InterlockedExchange(&mode, kAtOnce);
  Install();
}

void FinishDespiteConsoleStops() {
  // The handler won the race: it is writing its words and ending the process.
  if (InterlockedCompareExchange(&mode, kRecord, kAtOnce) == kEnding) Sleep(INFINITE);
}

void AwaitConsoleStopAfterEndOfInput() {
  DWORD console_mode = 0;
  if (mode != kAtOnce || !GetConsoleMode(GetStdHandle(STD_INPUT_HANDLE), &console_mode)) return;
  // Ctrl-C sets ERROR_OPERATION_ABORTED on the read while its handler starts elsewhere [CPython
  // myreadline]: the handler ends the process if a stop came; else (Ctrl-Z) the run goes on.
  for (int waited = 0; waited < 100 && received == 0; ++waited) Sleep(10);
}

bool RaiseConsoleStop(int signal) {
  const DWORD event = signal == 21 ? CTRL_BREAK_EVENT : CTRL_C_EVENT;
  // Group 0: every process of this console, this one among them [GenerateConsoleCtrlEvent].
  if (!GenerateConsoleCtrlEvent(event, 0)) return false;
  for (int waited = 0; waited < 1000; ++waited) {  // the handler runs on a thread of its own
    if (ConsoleStopReceived() != nullptr) return true;
    Sleep(10);
  }
  return false;
}

}  // namespace win32
