// The one durable replace of a file on Windows, shared by the journal (journal_win32.cpp) and
// capture's --out (win32/files.h): a temporary file written through to disk, then moved over the
// target with MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH. Private to win32/src.
//
//   if (std::optional<win32::ReplaceFailure> f = win32::ReplaceFile(L"journal.txt", L"journal.tmp", text))
//     return win32::Error(f->error);
#pragma once

#include <windows.h>

#include <optional>
#include <string>
#include <string_view>

namespace win32 {

// Which step failed, on which file (the temporary file, or the target for the move), and the
// Windows error.
struct ReplaceFailure {
  const char* step;  // "cannot create", "cannot write", "cannot replace"
  std::wstring file;
  DWORD error;
};

// Writes `text` to `temp`, flushes it and moves it over `path`; a failed write or move deletes
// `temp`. Nothing on success.
std::optional<ReplaceFailure> ReplaceFile(const std::wstring& path, const std::wstring& temp, std::string_view text);

}  // namespace win32
