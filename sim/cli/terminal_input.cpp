// TerminalInput: standard input, with the terminal's echo off while a password is typed.
#include "terminal_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "app/cli_values.h"
#include "app/typed_line.h"

namespace sim::cli {

std::optional<std::string> TerminalInput::ReadLine(bool echo) {
  std::cout.flush();
  termios saved{};
  const bool tty = !echo && isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0;
  if (tty) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::optional<std::string> line = app::ReadTypedLine(std::cin);
  if (tty) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  if (!line) return std::nullopt;
  if (std::string why = app::WhyNotWindowsText(*line); !why.empty()) {
    line->assign(line->size(), '\0');
    throw RefusedLine(why);
  }
  return line;
}

bool TerminalInput::ShowsTyping() const { return isatty(STDIN_FILENO) != 0; }

}  // namespace sim::cli
