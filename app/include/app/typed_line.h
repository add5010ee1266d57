// A line typed on standard input (aspnet-fixer --temp-password -, the runas prompt of fixup-sim
// legacy): its line end is a line feed or a CR LF, as a Windows editor saves it or a Windows
// console sends it. The CR before the line feed is part of the line end, never of the line: kept,
// it would be a password's last character.
//
//   #include <sstream>
//   std::istringstream typed("Pass-w0rd!\r\nnext\n");
//   std::optional<std::string> line = app::ReadTypedLine(typed);   // "Pass-w0rd!"
//   line = app::ReadTypedLine(typed);                              // "next"
//   line = app::ReadTypedLine(typed);                              // nullopt: no more lines
#pragma once

#include <istream>
#include <optional>
#include <string>

namespace app {

// The next line of `in` without its line end (LF, or CR LF: one CR, just before the LF or the
// end of input); nullopt at the end of input. A CR anywhere else stays in the line.
std::optional<std::string> ReadTypedLine(std::istream& in);

}  // namespace app
