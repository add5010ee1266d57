// The batch interpreter's pieces shared between its files: %-expansion and redirections.
//
//   std::string line = sim::batch::Expand(con, raw, file_name, args, &error);
//   sim::batch::Redirects r = sim::batch::TakeRedirects(line, &error);   // strips ">nul" etc.
#pragma once

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

}  // namespace sim::batch
