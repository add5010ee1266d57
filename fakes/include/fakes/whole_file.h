// Reading a whole input file (a machine file, its log, a scenario, a batch script): a folder is an
// error (EISDIR), never an empty text, and a failure comes back as errno for the caller to word.
//
//   std::string text;
//   int err = fakes::ReadWholeFile("m.yaml", text);   // 0, or errno: ENOENT, EISDIR, EACCES ...
#pragma once

#include <string>

namespace fakes {

// The file's bytes into `text`; 0, or errno on failure (ENOENT for a missing file, EISDIR for a
// folder).
int ReadWholeFile(const std::string& path, std::string& text);

}  // namespace fakes
