// TerminalInput: console input from this process's standard input, for `fixup-sim legacy`
// without --answer: a support engineer types runas's password at a real terminal (echo off
// while a password is read), or a test pipes it in.
//
//   sim::cli::TerminalInput in;           // reads std::cin
//   fakes::Console con(machine, in);
#pragma once

#include <optional>
#include <string>

#include "fakes/console.h"

namespace sim::cli {

class TerminalInput : public fakes::ConsoleInput {
 public:
  // One line from standard input (a CR before its line feed is part of the line end); nullopt at
  // end of file. With echo false on a terminal, the terminal's echo is switched off for the read
  // and restored after. A line that is no Windows text (app::WhyNotWindowsText: it would be a
  // password) is not handed on: nullopt, then and after, and Refused() says why.
  std::optional<std::string> ReadLine(bool echo) override;
  // Why a line was refused, without the line; empty when none was.
  const std::string& Refused() const { return refused_; }
  // A terminal echoes what is typed at a visible prompt; a pipe does not.
  bool ShowsTyping() const override;

 private:
  std::string refused_;
};

}  // namespace sim::cli
