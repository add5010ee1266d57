// The POSIX stop handlers of the state-file tool (stop_signals_posix.h).
#include "stop_signals_posix.h"

#include <unistd.h>

#include <csignal>
#include <vector>

#include "fixer/exit_code.h"

namespace app {
namespace {

constexpr int kStopSignals[] = {SIGINT, SIGTERM};

volatile std::sig_atomic_t received = 0;  // the signal's number; 0 none
volatile std::sig_atomic_t at_once = 0;   // 1: a stop ends the process (EndAtOnceOnStopSignals)

// What the handler says and removes when it ends the process, made before it is installed.
struct AtOnce {
  std::vector<fixer::StopWords> words;  // by kStopSignals' order
  std::string temporary;
};
AtOnce at_once_words;

const char* NameOf(int signal) {
  switch (signal) {
    case SIGINT: return "SIGINT (Ctrl-C)";
    case SIGTERM: return "SIGTERM";
    default: return "a signal";
  }
}

// write(2) until done: the one output call a handler may make.
void WriteAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

extern "C" void OnStopSignal(int signal) {
  if (at_once != 0) {
    // unlink, write and _exit are async-signal-safe; the strings were made before the handler.
    if (!at_once_words.temporary.empty()) ::unlink(at_once_words.temporary.c_str());
    for (size_t i = 0; i < std::size(kStopSignals) && i < at_once_words.words.size(); ++i) {
      if (kStopSignals[i] != signal) continue;
      WriteAll(STDOUT_FILENO, at_once_words.words[i].standard_output);
      WriteAll(STDERR_FILENO, at_once_words.words[i].standard_error);
    }
    ::_exit(fixer::ToInt(fixer::ExitCode::kRefused));
  }
  received = signal;
}

void Install() {
  for (int signal : kStopSignals) std::signal(signal, OnStopSignal);
}

}  // namespace

void CatchStopSignals() {
  at_once = 0;
  Install();
}

const char* StopSignalReceived() { return received == 0 ? nullptr : NameOf(received); }

void EndAtOnceOnStopSignals(const fixer::StopWordsFor& words, const std::string& temporary) {
  at_once = 0;  // the handler never reads what is being made
  at_once_words.words.clear();
  for (int signal : kStopSignals) at_once_words.words.push_back(words(NameOf(signal)));
  at_once_words.temporary = temporary;
  at_once = 1;
  Install();
}

void FinishDespiteStopSignals() { at_once = 0; }

}  // namespace app
