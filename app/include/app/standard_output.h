// The tools' standard streams. Whether what a tool printed reached its standard output: a full
// disk or a write error is said on standard error (`TOOL: standard output: cannot write: No space
// left on device`) so the tool can exit 2, as for an --out or a report it could not write, rather
// than 0 with nothing written. The reason in the words the tool says its other write failures in:
// the C library's (fixup-sim), or Windows' error and text (aspnet-fixer: `112: There is not enough
// space on the disk.`). Standard output is buffered, so a write fails only when it is flushed: call
// this last. And standard error that no file name can command the terminal from, and the one form
// of a line said there: the tool and the verb first (ErrorLine).
//
//   #include <iostream>
//   app::WatchStandardOutput();                            // first thing in main
//   app::EscapedStandardError escaped;                     // for the rest of main
//   std::cerr << "m\x1b[2J.yaml: cannot open the file\n";  // shown as m\x1b[2J.yaml: ...
//   std::cout << "{\"base\": \"fresh-install\"}\n";       // a capture's machine file, say
//   const int exit_code = app::FlushStandardOutput("aspnet-fixer capture", app::ReasonWords::kWindows) ? 0 : 2;
//   std::cerr << app::ErrorLine("aspnet-fixer", "apply", "m.yaml: ...") << "\n";  // aspnet-fixer apply: m.yaml: ...
#pragma once

#include <cstdio>
#include <memory>
#include <streambuf>
#include <string>
#include <string_view>

#include "fixer/win_error.h"

namespace app {

// A standard stream that is a terminal taking text its own way (Windows' console: UTF-16 through
// WriteConsoleW, not bytes it would read in its code page): `write` shows `text` (UTF-8) there and
// returns true; false for a stream that is no such terminal (a file, a pipe), which then gets the
// bytes as they are. A tool installs it before it writes (aspnet-fixer.exe: win32/console_text.h).
using TerminalWriter = bool (*)(std::FILE* stream, std::string_view text);
void WriteTerminalsWith(TerminalWriter write);

// While it lives, what is written to std::cerr reaches the stream it wrote to before with each
// character a terminal would obey or cannot show (ESC, a lone CR, a C1 control, a byte that is not
// UTF-8) written as `\xNN` (fixer::EscapeForReader): the messages quote file names and option
// values as given, and `--machine $'\x1b[2J.yaml'` must not clear the reader's screen.
class EscapedStandardError {
 public:
  EscapedStandardError();
  ~EscapedStandardError();
  EscapedStandardError(const EscapedStandardError&) = delete;
  EscapedStandardError& operator=(const EscapedStandardError&) = delete;

 private:
  std::streambuf* was_;
  std::unique_ptr<std::streambuf> escaping_;
};

// strerror's ("No space left on device") or the Windows error a write gives (fixer::WinErrorOfErrno:
// "112: There is not enough space on the disk.").
using ReasonWords = fixer::ReasonWords;

// Called first in a tool's main: std::cout then keeps why its first write failed (errno), which
// FlushStandardOutput says; without it a report larger than stdio's buffer that failed as it was
// written says only "a write failed". Writes still go through stdout, in order. A closed pipe is
// such a failure too: SIGPIPE is ignored from here on. Once is enough.
void WatchStandardOutput();

// The line a tool says a message of a verb in: `TOOL VERB: MESSAGE`, or `TOOL: MESSAGE` when no verb
// was named (both tools, whatever found the problem: the command line, a loader, the verb).
std::string ErrorLine(std::string_view tool, std::string_view verb, std::string_view message);

// Flushes std::cout and stdout; false (the reason said on standard error) if any write failed.
bool FlushStandardOutput(std::string_view tool, ReasonWords words = ReasonWords::kSystem);

}  // namespace app
