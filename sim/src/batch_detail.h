// The batch interpreter's pieces shared between its files: %-expansion, redirections, and the
// variables that hold a password.
//
//   std::string line = sim::batch::Expand(con, raw, file_name, args, &error);
//   sim::batch::Redirects r = sim::batch::TakeRedirects(line, &error);   // strips ">nul" etc.
//   std::set<std::string> pw = sim::batch::PasswordVariables(lines);     // {"pw"}
//   sim::batch::MaskedPasswordSets("set PW=S3cret", pw);                // "set PW=********"
#pragma once

#include <set>
#include <string>
#include <vector>

#include "fakes/console.h"

namespace sim::batch {

// Thrown by the pieces for a line the interpreter does not understand; RunBatch adds file:line.
struct NotUnderstood {
  std::string message;
};

// %VAR%, %%, %0-%9, %*, %~dp0, %ERRORLEVEL%, %CD%. Undefined variables expand to nothing, as
// in a batch file.
std::string Expand(const fakes::Console& con, const std::string& line, const std::string& script,
                   const std::vector<std::string>& args, int errorlevel);

struct Redirects {
  bool mute_out = false;
  bool mute_err = false;
};
// Removes redirections from `line` (outside quotes). Only NUL targets and 2>&1 are modelled.
Redirects TakeRedirects(std::string& line);
// Throws NotUnderstood if the line has a pipe, &, && or || outside quotes, or a ( block.
void RejectOperators(const std::string& line);

// The variables (folded names) a `net user` line of the batch file gives as its password, read
// before expansion (fakes::NetUserPasswordWords): PW in `net user %U% %PW%`, `net user ASPNET
// "%PW%" /add` and `if errorlevel 1 net user ASPNET x%PW%`.
std::set<std::string> PasswordVariables(const std::vector<std::string>& lines);
// `line` (expanded) with the value masked wherever a `set` on it gives one of `variables` one:
// `set PW=S3cret` -> `set PW=********`, `if x==x set "PW=S3cret"` -> `if x==x set "PW=********"`;
// the rest of the line as it is.
std::string MaskedPasswordSets(const std::string& line, const std::set<std::string>& variables);

}  // namespace sim::batch
