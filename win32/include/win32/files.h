// The local file system's calls that aspnet-fixer.exe's command needs (app::BackendOpener,
// app/command.h): a file written durably and replaced atomically (capture --out), and whether two
// paths name one file. Paths are UTF-8.
//
//   fixer::Result<win32::Replace> can = win32::CheckCanWrite("C:\\support\\machine.yaml");   // kNothing: no file yet
//   fixer::Status st = win32::WriteFileDurably("C:\\support\\machine.yaml", "{}\n", *can);
//   // on failure: "C:\support\machine.yaml: cannot create a file beside it: 3: The system cannot find
//   // the path specified."
//   bool same = win32::SameFile("machine.yaml", "C:\\support\\MACHINE.YAML");
#pragma once

#include <string>
#include <string_view>

#include "fixer/result.h"

namespace win32 {

// What a write of a file may do to a file it finds at the name: replace it (MoveFileExW with
// MOVEFILE_REPLACE_EXISTING), or take the name only where none is (without the flag: 183
// ERROR_ALREADY_EXISTS [wine-file-tests], that file left as it is).
enum class Replace { kAny, kNothing };
// `text` written through to disk in a temporary file beside `path` (FILE_FLAG_WRITE_THROUGH,
// FlushFileBuffers), then moved over it (MoveFileExW, MOVEFILE_WRITE_THROUGH, and
// MOVEFILE_REPLACE_EXISTING for Replace::kAny): `path` is either as it was or whole. The error is
// the Windows error, its message "PATH: STEP: N: TEXT" (cannot create a file beside it, cannot
// write, cannot be written; a name taken only where none is, a file there: "PATH: cannot write:
// 183: Cannot create a file when that file already exists.", as the Linux tool says it), or
// CheckCanWrite's, asked again first.
fixer::Status WriteFileDurably(const std::string& path, std::string_view text, Replace replace = Replace::kAny);
// Why `path` cannot take a machine file, asked before capture reads the machine: a folder there,
// the read-only attribute (5), a repair that did not end there (its log beside it, or a journal in
// it: never replaced, 5), or no file can be made beside it (the Windows error of the probe). When
// it can: what the write after this check may replace, Replace::kAny where a file is there now (an
// older capture, replaced), Replace::kNothing where none is (so a file another process puts there
// meanwhile is never replaced).
fixer::Result<Replace> CheckCanWrite(const std::string& path);
// Whether two paths have the same full path (GetFullPathNameW), compared case-insensitively as
// NTFS names are.
bool SameFile(const std::string& a, const std::string& b);

}  // namespace win32
