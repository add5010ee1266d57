// Text shown on a console as the characters it holds: a console reads the bytes WriteFile gives it
// in its own output code page (OEM 437/850 on an XP), where UTF-8's "ü" is two other characters;
// WriteConsoleW takes UTF-16, which a console shows whatever its code page [WriteConsole]. A
// stream that is no console (a file, a pipe) keeps the UTF-8 bytes, as the Linux tool writes them.
//
//   app::WriteTerminalsWith(win32::WriteToConsole);   // aspnet-fixer.exe's main, first thing
//   bool shown = win32::WriteToConsole(stdout, "worker: J\xc3\xbcrgen\n");   // false: not a console
#pragma once

#include <cstdio>
#include <string_view>

namespace win32 {

// Writes `utf8` to `stream`'s console as UTF-16, each "\n" as CR LF (as the C runtime's text mode
// writes it), after what the C runtime holds of the stream; false, writing nothing, if the stream
// is no console (GetConsoleMode fails on its handle).
bool WriteToConsole(std::FILE* stream, std::string_view utf8);

}  // namespace win32
