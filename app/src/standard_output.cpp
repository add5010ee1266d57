// FlushStandardOutput and EscapedStandardError (app/standard_output.h).
#include "app/standard_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "fixer/utf8.h"

namespace app {
namespace {

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
    if (to_->sputn(shown.data(), static_cast<std::streamsize>(shown.size())) !=
        static_cast<std::streamsize>(shown.size()))
      return -1;
    return to_->pubsync();
  }

 private:
  std::streambuf* to_;
  std::string pending_;
};

}  // namespace

EscapedStandardError::EscapedStandardError()
    : was_(std::cerr.rdbuf()), escaping_(std::make_unique<EscapingBuffer>(was_)) {
  std::cerr.rdbuf(escaping_.get());
}

EscapedStandardError::~EscapedStandardError() {
  std::cerr.flush();
  std::cerr.rdbuf(was_);
}

bool FlushStandardOutput(std::string_view tool) {
  std::cout.flush();
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0;
  const int error = errno;
  if (flushed && !std::ferror(stdout) && std::cout.good()) return true;
  const std::string reason = error != 0 ? std::strerror(error) : "a write failed";
  std::cerr << tool << ": standard output: cannot write: " << reason << "\n";
  return false;
}

}  // namespace app
