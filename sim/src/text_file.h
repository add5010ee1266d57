// Reading a whole input file (a scenario, a batch script) for the simulator: a folder or a file
// that cannot be opened is an error naming why, never an empty text. Private to sim/src.
//
//   std::string text;
//   if (std::optional<std::string> why = sim::ReadTextFile("fixup.cmd", text)) Fail(*why);
//   // why: "Is a directory", "No such file or directory", ...
#pragma once

#include <optional>
#include <string>

namespace sim {

// The file's bytes into `text`; on failure the C library's reason (strerror), and `text` empty.
std::optional<std::string> ReadTextFile(const std::string& path, std::string& text);

}  // namespace sim
