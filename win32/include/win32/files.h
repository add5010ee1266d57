// The local file system's calls that aspnet-fixer.exe's command needs (app::BackendOpener,
// app/command.h): a file written durably and replaced atomically (capture --out), and whether two
// paths name one file. Paths are UTF-8.
//
//   fixer::Status st = win32::WriteFileDurably("C:\\support\\machine.yaml", "{}\n");
//   // on failure: "C:\support\machine.yaml.tmp.42: cannot create: The system cannot find the path specified."
//   bool same = win32::SameFile("machine.yaml", "C:\\support\\MACHINE.YAML");
#pragma once

#include <string>
#include <string_view>

#include "fixer/result.h"

namespace win32 {

// `text` written through to disk in a temporary file beside `path` (FILE_FLAG_WRITE_THROUGH,
// FlushFileBuffers), then moved over it (MoveFileExW, MOVEFILE_REPLACE_EXISTING |
// MOVEFILE_WRITE_THROUGH): `path` is either as it was or whole. The error is the Windows error,
// its message "FILE: STEP: TEXT" (the file the failing call named; cannot create, cannot write,
// cannot replace).
fixer::Status WriteFileDurably(const std::string& path, std::string_view text);
// Whether two paths have the same full path (GetFullPathNameW), compared case-insensitively as
// NTFS names are.
bool SameFile(const std::string& a, const std::string& b);

}  // namespace win32
