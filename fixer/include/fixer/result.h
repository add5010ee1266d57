// Status and Result<T>: how every port and the fixer report success or a Windows error.
//
// Windows answers with numbered errors (Win32 codes such as 1326, NET codes such as 2245);
// a Status carries that number and the message text Windows prints for it, so the fixer can
// report exactly what a support engineer would see on the box.
//
//   #include "fixer/ports/accounts.h"
//   fixer::Status s = accounts.Delete("ASPNET");
//   if (!s.ok()) logger->warn("delete failed: {}", s);   // "2221: The user name could not be found."
//
//   fixer::Result<fixer::Account> found = accounts.Lookup("ASPNET");
//   if (found) logger->info("{}", found->sid.ToString()); else logger->warn("{}", found.status());
#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <variant>

#include "fixer/win_error.h"

namespace fixer {

// What a failed Status is, told by type, never by its words: a Windows error a port or the fixer
// met (87 among them), or the fixer's own verdict that the journal on the machine is one it will not
// act on (fixer::IsUnreadableJournal: every verb's input error), whose error is 87 too.
enum class StatusReason : uint8_t { kWindowsError, kUnusableJournal };

class Status {
 public:
  Status() = default;  // success
  Status(uint32_t code, std::string message, StatusReason reason = StatusReason::kWindowsError)
      : code_(code), reason_(reason), message_(std::move(message)) {}
  // An error with the standard Windows text for `code`.
  static Status Win(uint32_t code) { return Status(code, std::string(WinErrorText(code))); }
  // An error the tool itself explains: Windows' text for `code`, then `explanation` as a sentence of
  // its own. The constructor's message is Windows' text (with its inserts); never pair a number
  // with words of the tool's alone.
  //   Status::Explained(1067, "the site still fails after the repair").ToString()
  //   // "1067: The process terminated unexpectedly. The site still fails after the repair."
  static Status Explained(uint32_t code, std::string_view explanation,
                          StatusReason reason = StatusReason::kWindowsError);
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == 0; }
  uint32_t code() const { return code_; }
  StatusReason reason() const { return reason_; }
  const std::string& message() const { return message_; }
  // "1326: Logon failure: unknown user name or bad password."
  std::string ToString() const;

  friend bool operator==(const Status& a, const Status& b) { return a.code_ == b.code_; }

 private:
  uint32_t code_ = 0;
  StatusReason reason_ = StatusReason::kWindowsError;
  std::string message_;
};

std::ostream& operator<<(std::ostream& os, const Status& s);

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}       // NOLINT: implicit by design
  Result(Status error) : v_(std::move(error)) {}  // NOLINT: must not be ok()

  bool ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const T& operator*() const& { return value(); }
  T& operator*() & { return value(); }
  // By value on a temporary, so `for (auto& x : *port.List())` walks a live vector: a reference
  // into the temporary Result would dangle once the range's initializer ends (C++20 [stmt.ranged]).
  T operator*() && { return std::move(*this).value(); }
  const T* operator->() const { return &value(); }
  T* operator->() { return &value(); }
  // Success gives Status::Ok().
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace fixer

#include <fmt/ostream.h>
template <>
struct fmt::formatter<fixer::Status> : fmt::ostream_formatter {};
