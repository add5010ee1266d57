// Batch: a small cmd.exe batch interpreter for the subset fixup.cmd and customers' edited
// copies of it use, over the fake commands (fakes/commands.h) of one Console.
//
// Understood: command echo (blank line, prompt, the %-expanded line) while ECHO is on, `@`,
// `echo`, `REM`, `::`, labels and `goto` (`goto :eof` too), `if [/i] [not] exist PATH`,
// `if [not] errorlevel N`, `if [not] defined VAR`, `if [/i] [not] A==B`, `if [/i] [not] A OP B`
// (EQU NEQ LSS LEQ GTR GEQ), `%VAR%`, `%%`, `%0`-`%9`, `%~dp0`, `%ERRORLEVEL%`, `%CD%`,
// `%CMDEXTVERSION%`, `%DATE%`, `%TIME%`, `set` (ERRORLEVEL 0 after it in a .cmd file), `setlocal [EnableExtensions]
// [DisableDelayedExpansion]`/`endlocal` (the current folder too, and at the script's end), `exit [/b] [N]`, `pause`,
// `cls`, `title`, `cd`, and the redirections `>nul`, `2>nul`, `2>&1`; an internal command's name ends where cmd ends it
// (`cd/d`, `rem/x`: fakes::SplitInternalCommand); `if exist`, `cd` and a program named by its path answer from what the
// fake machine models (fakes/path_knowledge.h). Every command sets the errorlevel the program leaves. A line it does
// not understand (a block, whatever an `if`'s condition, pipes, `for`, `call`, delayed expansion, a program of Windows
// or a path it does not model...) stops the run and is reported as FILE:LINE, and so does a script that loops (more
// than 100000 lines run).
//
//   fakes::FixedInput answer("1pass@word");
//   fakes::Console con(machine, answer);
//   sim::BatchResult r = sim::RunBatch(con, text, "fixup.cmd");
//   if (r.error) std::cerr << r.error->ToString();   // "fixup.cmd:12: not supported: ..."
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fakes/console.h"

namespace sim {

struct BatchDiagnostic {
  std::string file;
  int line = 0;
  std::string message;
  std::string ToString() const;  // "file:line: message"
};

// A command that left a non-zero errorlevel (the script itself never looks: docs/windows-reference.md#fixup-cmd).
struct BatchFailure {
  int line = 0;
  std::string program;  // its ProgramName: never the arguments, which may hold a password
  int errorlevel = 0;
};

// A program the batch ran and the errorlevel it left, failed or not (built-ins such as echo and
// set are not listed). `program` is its ProgramName.
struct BatchCommand {
  int line = 0;
  std::string program;
  int errorlevel = 0;
};

// The name a run of a program goes by in BatchCommand and in an `errorlevel` check: its file name
// without folder or extension, lower case, and for net its subcommand ("net user", "net
// localgroup"; `net users` is `net user`), never further words (a password may follow).
//   ProgramName("C:\WINDOWS\system32\NET.EXE", "users bob") == "net user"
std::string ProgramName(std::string_view word, std::string_view arguments);
// The names ProgramName gives the programs the simulator models: an `errorlevel` check's `program`.
const std::vector<std::string_view>& ModelledProgramNames();
// The ProgramName a check's `program` means ("NET.EXE users" -> "net user"), or nullopt when it
// names no modelled program ("net usr", "nett user", "net user bob").
std::optional<std::string> ModelledProgramName(std::string_view written);

struct BatchResult {
  int errorlevel = 0;                    // when the batch ended
  std::vector<BatchCommand> commands;    // every program run, in order
  std::vector<BatchFailure> failures;    // every command that failed, in order
  std::optional<BatchDiagnostic> error;  // a line the interpreter does not understand
  bool window_closed = false;            // `exit` without /b: cmd.exe itself ended
};

// `file_name` names the script in messages and is %0; `args` are %1..%9.
BatchResult RunBatch(fakes::Console& con, const std::string& text, const std::string& file_name,
                     const std::vector<std::string>& args = {});

// The lines of a batch file as cmd reads them: each ends at an LF, and every CR is dropped (a CRLF
// ending, a lone CR inside a line alike); a file of CR endings alone is one line.
std::vector<std::string> SplitBatchLines(const std::string& text);

}  // namespace sim
