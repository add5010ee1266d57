// The local file system's calls that aspnet-fixer.exe's command needs (app::BackendOpener,
// app/command.h): a file written durably and replaced atomically (capture --out), and whether two
// paths name one file. Paths are UTF-8.
//
//   fixer::Status st = win32::WriteFileDurably("C:\\support\\machine.yaml", "{}\n");
//   // on failure: "C:\support\machine.yaml: cannot create a file beside it: 3: The system cannot find
//   // the path specified."
//   bool same = win32::SameFile("machine.yaml", "C:\\support\\MACHINE.YAML");
#pragma once

#include <string>
#include <string_view>

#include "fixer/result.h"

namespace win32 {

// `text` written through to disk in a temporary file beside `path` (FILE_FLAG_WRITE_THROUGH,
// FlushFileBuffers), then moved over it (MoveFileExW, MOVEFILE_REPLACE_EXISTING |
// MOVEFILE_WRITE_THROUGH): `path` is either as it was or whole. The error is the Windows error,
// its message "PATH: STEP: N: TEXT" (cannot create a file beside it, cannot write, cannot be
// written), or CheckCanWrite's, asked again first.
fixer::Status WriteFileDurably(const std::string& path, std::string_view text);
// Why `path` cannot take a machine file, asked before capture reads the machine: a folder there,
// the read-only attribute (5), a repair that did not end there (its log beside it, or a journal in
// it: never replaced, 5), or no file can be made beside it (the Windows error of the probe).
fixer::Status CheckCanWrite(const std::string& path);
// Whether two paths have the same full path (GetFullPathNameW), compared case-insensitively as
// NTFS names are.
bool SameFile(const std::string& a, const std::string& b);

}  // namespace win32
