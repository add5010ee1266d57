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
  // One line from standard input; nullopt at end of file. With echo false on a terminal, the
  // terminal's echo is switched off for the read and restored after.
  std::optional<std::string> ReadLine(bool echo) override;
  // A terminal echoes what is typed at a visible prompt; a pipe does not.
  bool ShowsTyping() const override;
};

}  // namespace sim::cli
