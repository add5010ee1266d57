// Reading a whole input file (a machine file, its log, a scenario, a batch script): only a regular
// file is read. A folder is an error (EISDIR), never an empty text; a device, a FIFO or a socket
// is kNotARegularFile, never read (/dev/zero would fill memory, a FIFO without a writer would
// block forever). A failure comes back as a code for the caller to word with ReadErrorText.
//
//   std::string text;
//   int err = fakes::ReadWholeFile("m.yaml", text);   // 0, or errno (ENOENT, EISDIR, EACCES ...)
//   if (err != 0) std::cerr << "m.yaml: " << fakes::ReadErrorText(err) << "\n";
//   // aspnet-fixer's words: "2: The system cannot find the file specified."
//   std::string said = fakes::ReadErrorText(err, "m.yaml", fixer::ReasonWords::kWindows);
#pragma once

#include <cstddef>
#include <string>

#include "fixer/win_error.h"

namespace fakes {

// Not an errno: the path names something other than a regular file or a folder.
inline constexpr int kNotARegularFile = -1;
// Not an errno: the path names an open file descriptor (/dev/stdin, /dev/fd/N: NamesADescriptor),
// whatever file it holds; refused where a file is kept in place (the machine file and its log).
inline constexpr int kDescriptorName = -2;

// The file's bytes into `text`; 0, or errno on failure (ENOENT for a missing file, EISDIR for a
// folder), or kNotARegularFile.
int ReadWholeFile(const std::string& path, std::string& text);
// The same checks, reading at most the file's first `max_bytes` (what a header needs).
int ReadFileStart(const std::string& path, size_t max_bytes, std::string& text);
// strerror(err), or "not a regular file (a device, a pipe or a socket)" (and for kDescriptorName
// "not a regular file (a file descriptor, ...)"). In Windows' words, the error
// CreateFile gives opening `path` to read (docs/windows-reference.md#file-errors): 2 a file missing
// from a folder that exists, 3 a folder of the path missing, 5 a folder or no permission.
std::string ReadErrorText(int err, const std::string& path = {},
                          fixer::ReasonWords words = fixer::ReasonWords::kSystem);

}  // namespace fakes
