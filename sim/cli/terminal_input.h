// TerminalInput: console input from this process's standard input, for `fixup-sim legacy`
// without --answer: a support engineer types runas's password at a real terminal (echo off
// while a password is read), or a test pipes it in.
//
//   sim::cli::TerminalInput in;           // reads std::cin
//   fakes::Console con(machine, in);
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "fakes/console.h"

namespace sim::cli {

class TerminalInput : public fakes::ConsoleInput {
 public:
  // One line from standard input (a CR before its line feed is part of the line end); nullopt at
  // end of file. With echo false on a terminal, the terminal's echo is switched off for the read
  // and restored after. A line that is no Windows text (app::WhyNotWindowsText: it would be a
  // password) is not handed on: the batch stops there, RefusedLine thrown (its what() says why,
  // without the line), so nothing after the prompt runs.
  std::optional<std::string> ReadLine(bool echo) override;
  // A terminal echoes what is typed at a visible prompt; a pipe does not.
  bool ShowsTyping() const override;
};

// Thrown by TerminalInput::ReadLine for a line no password could be: a usage error of `legacy`.
class RefusedLine : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sim::cli
