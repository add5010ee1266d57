// WatchStandardOutput, FlushStandardOutput, EscapedStandardError, WriteTerminalsWith and ErrorLine
// (app/standard_output.h).
#include "app/standard_output.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <streambuf>
#include <string>

#include "fixer/result.h"
#include "fixer/utf8.h"
#include "fixer/win_error.h"

namespace app {
namespace {

TerminalWriter terminal_writer = nullptr;  // WriteTerminalsWith's; none: every stream takes bytes

bool WrittenToTerminal(std::FILE* stream, std::string_view text) {
  return terminal_writer != nullptr && terminal_writer(stream, text);
}

// Keeps what is written until the stream syncs (std::cerr does after each output: unitbuf), then
// passes it on escaped, so a UTF-8 character written whole is escaped or kept whole.
class EscapingBuffer : public std::streambuf {
 public:
  explicit EscapingBuffer(std::streambuf* to) : to_(to) {}

 protected:
  int overflow(int c) override {
    if (c != traits_type::eof()) pending_ += static_cast<char>(c);
    return traits_type::not_eof(c);
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, static_cast<size_t>(n));
    return n;
  }
  int sync() override {
    const std::string shown = fixer::EscapeForReader(pending_);
    pending_.clear();
    if (WrittenToTerminal(stderr, shown)) return 0;
    if (to_->sputn(shown.data(), static_cast<std::streamsize>(shown.size())) !=
        static_cast<std::streamsize>(shown.size()))
      return -1;
    return to_->pubsync();
  }

 private:
  std::streambuf* to_;
  std::string pending_;
};

// std::cout's buffer while watched: each write goes into stdout, as std::cout's own does (stdio
// buffers it), and the C library's errno of the first that failed is kept: a report larger than
// stdio's buffer fails as it is written, and errno has changed by the time the tool flushes.
class WatchedStandardOutput : public std::streambuf {
 public:
  int first_error() const { return first_error_; }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char* text, std::streamsize size) override {
    if (WrittenToTerminal(stdout, std::string_view(text, static_cast<size_t>(size)))) return size;
    errno = 0;
    const size_t written = std::fwrite(text, 1, static_cast<size_t>(size), stdout);
    if (written < static_cast<size_t>(size)) Keep(errno);
    return static_cast<std::streamsize>(written);
  }
  int sync() override {
    errno = 0;
    if (std::fflush(stdout) == 0) return 0;
    Keep(errno);
    return -1;
  }

 private:
  void Keep(int error) {
    if (first_error_ == 0) first_error_ = error;
  }
  int first_error_ = 0;
};

// Never destroyed: std::cout is flushed at exit, after function-local statics are gone.
WatchedStandardOutput* watched = nullptr;

}  // namespace

EscapedStandardError::EscapedStandardError()
    : was_(std::cerr.rdbuf()), escaping_(std::make_unique<EscapingBuffer>(was_)) {
  std::cerr.rdbuf(escaping_.get());
}

EscapedStandardError::~EscapedStandardError() {
  std::cerr.flush();
  std::cerr.rdbuf(was_);
}

std::string ErrorLine(std::string_view tool, std::string_view verb, std::string_view message) {
  std::string line(tool);
  if (!verb.empty()) line.append(" ").append(verb);
  return line.append(": ").append(message);
}

void WriteTerminalsWith(TerminalWriter write) { terminal_writer = write; }

void WatchStandardOutput() {
  if (watched) return;
#ifdef SIGPIPE
  // A reader that went away (`| head -1`) is a write that failed (EPIPE), said and exit 2 (or the
  // run's own code after a change), not a death by signal with nothing said and a report unwritten.
  std::signal(SIGPIPE, SIG_IGN);
#endif
  std::cout.flush();
  watched = new WatchedStandardOutput();
  std::cout.rdbuf(watched);
}

bool FlushStandardOutput(std::string_view tool, ReasonWords words) {
  // errno cleared before the first flush: its failure is the reason (a second flush of a stream
  // in error may fail without setting it).
  errno = 0;
  std::cout.flush();
  int error = errno;
  const bool flushed = std::fflush(stdout) == 0;
  if (error == 0) error = errno;
  if (flushed && !std::ferror(stdout) && std::cout.good()) return true;
  if (watched && watched->first_error() != 0) error = watched->first_error();
  const std::string reason = error == 0 ? "a write failed" : fixer::ErrnoReason(error, words);
  std::cerr << tool << ": standard output: cannot write: " << reason << "\n";
  return false;
}

}  // namespace app
