// Secret: a password held in memory that refuses to be printed.
//
// Temporary and generated passwords must never reach a log line, the journal, a report, stdout
// or an exception message. Secret has no operator<<, and formatting it with fmt/spdlog prints
// "********", so a careless log call cannot leak it. Its buffer is wiped on destruction.
//
//   #include "fixer/ports/accounts.h"
//   fixer::Secret pw = fixer::Secret::FromString("typed by the operator");  // take ownership of user input
//   fixer::Status st = accounts.SetPassword("ASPNET", pw);
//   logger->info("password set: {}", pw);                  // logs "password set: ********"
//   std::string_view clear = pw.Reveal();  // the clear text; only for the port call that hands it to Windows
//   char16_t units[8] = {u'x'};            // a temporary copy of a password, in another form
//   fixer::WipeMemory(units, sizeof units);  // zeroed before it goes, as a Secret's buffer is
#pragma once

#include <cstddef>
#include <cstring>

#include <string>
#include <string_view>

#include <fmt/format.h>

namespace fixer {

// Zeroes `size` bytes at `data` so that the compiler cannot drop the writes as dead: for every
// temporary copy of a clear password (a UTF-16 form, a hash input). With GCC and Clang, one
// memset and an empty asm that may read the memory (a word at a time, not a volatile byte
// loop); elsewhere through a volatile pointer.
inline void WipeMemory(void* data, size_t size) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  std::memset(data, 0, size);
  __asm__ __volatile__("" : : "r"(data) : "memory");
#else
  volatile unsigned char* p = static_cast<unsigned char*>(data);
  for (size_t i = 0; i < size; ++i) p[i] = 0;
#endif
}

class Secret {
 public:
  Secret() = default;
  static Secret FromString(std::string clear) {
    Secret s;
    s.value_ = std::move(clear);
    return s;
  }
  Secret(const Secret&) = default;
  Secret& operator=(const Secret&) = default;
  Secret(Secret&& o) noexcept : value_(std::move(o.value_)) { o.Wipe(); }
  Secret& operator=(Secret&& o) noexcept {
    if (this != &o) {
      Wipe();
      value_ = std::move(o.value_);
      o.Wipe();
    }
    return *this;
  }
  ~Secret() { Wipe(); }

  // The clear text. Call sites are few and reviewed: a port implementation, a policy check.
  std::string_view Reveal() const { return value_; }
  bool empty() const { return value_.empty(); }
  size_t size() const { return value_.size(); }
  friend bool operator==(const Secret& a, const Secret& b) { return a.value_ == b.value_; }

 private:
  void Wipe() noexcept {
    WipeMemory(value_.data(), value_.size());
    value_.clear();
  }
  std::string value_;
};

// What output shows in place of a secret: a Secret formatted, a masked excerpt, a masked command line.
inline constexpr std::string_view kMaskedSecret = "********";

}  // namespace fixer

template <>
struct fmt::formatter<fixer::Secret> : fmt::formatter<std::string_view> {
  template <class Ctx>
  auto format(const fixer::Secret&, Ctx& ctx) const {
    return fmt::formatter<std::string_view>::format(fixer::kMaskedSecret, ctx);
  }
};
