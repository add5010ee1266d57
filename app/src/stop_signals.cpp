#include "app/stop_signals.h"

#include <csignal>

namespace app {
namespace {

volatile std::sig_atomic_t received = 0;  // the signal's number; 0 none

extern "C" void RecordStopSignal(int signal) { received = signal; }

}  // namespace

void CatchStopSignals() {
  std::signal(SIGINT, RecordStopSignal);
  std::signal(SIGTERM, RecordStopSignal);
#ifdef SIGBREAK
  std::signal(SIGBREAK, RecordStopSignal);  // Windows' Ctrl-Break
#endif
}

const char* StopSignalReceived() {
  switch (received) {
    case 0: return nullptr;
    case SIGINT: return "SIGINT (Ctrl-C)";
    case SIGTERM: return "SIGTERM";
#ifdef SIGBREAK
    case SIGBREAK: return "SIGBREAK (Ctrl-Break)";
#endif
    default: return "a signal";
  }
}

}  // namespace app
