// Whether what a tool printed reached its standard output: a full disk or a write error is said
// on standard error (`TOOL: standard output: cannot write: No space left on device`) so the tool
// can exit 2, as for an --out or a report it could not write, rather than 0 with nothing written.
// Standard output is buffered, so a write fails only when it is flushed: call this last.
//
//   #include <iostream>
//   std::cout << "{\"base\": \"fresh-install\"}\n";  // a capture's machine file, say
//   const int exit_code = app::FlushStandardOutput("aspnet-fixer capture") ? 0 : 2;
#pragma once

#include <string_view>

namespace app {

// Flushes std::cout and stdout; false (the reason said on standard error) if any write failed.
bool FlushStandardOutput(std::string_view tool);

}  // namespace app
