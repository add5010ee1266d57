// The one durable replace of a file on Windows, shared by the journal (journal_win32.cpp) and
// capture's --out (win32/files.h): a temporary file written through to disk, then moved over the
// target with MOVEFILE_WRITE_THROUGH, and MOVEFILE_REPLACE_EXISTING unless the name may be taken
// only where it is free. Private to win32/src.
//
//   if (std::optional<win32::ReplaceFailure> f = win32::ReplaceFile(L"journal.txt", L"journal.tmp", text))
//     return win32::Error(f->error);
#pragma once

#include <windows.h>

#include <optional>
#include <string>
#include <string_view>

#include "win32/files.h"

namespace win32 {

// The step of ReplaceFile that failed: each caller words it as it needs (capture's --out names the
// file the user gave, the journal only the error).
enum class ReplaceStep {
  kCreateTemporary,  // CreateFileW of the temporary file
  kWriteTemporary,   // WriteFile, FlushFileBuffers or CloseHandle of it
  kMoveOverTarget,   // MoveFileExW of it onto the target
};

// Which step failed, and the Windows error.
struct ReplaceFailure {
  ReplaceStep step;
  DWORD error;
};

// Writes `text` to `temp`, flushes it and moves it over `path` (Replace::kNothing: only where no
// file has that name, else kMoveOverTarget with 183); a failed write or move deletes `temp`.
// Nothing on success.
std::optional<ReplaceFailure> ReplaceFile(const std::wstring& path, const std::wstring& temp, std::string_view text,
                                          Replace replace = Replace::kAny);

}  // namespace win32
