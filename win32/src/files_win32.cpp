// win32/files.h and replace_file.h: durable replace and file identity on the local file system.
#include <windows.h>

#include <algorithm>
#include <cwctype>

#include "replace_file.h"
#include "win32/files.h"
#include "win32_util.h"

namespace win32 {

namespace {

// WriteFile until all of `text` is written; false with the last error set on failure.
bool WriteAll(HANDLE file, std::string_view text) {
  while (!text.empty()) {
    const DWORD chunk = static_cast<DWORD>(std::min<size_t>(text.size(), 1u << 30));
    DWORD written = 0;
    if (!WriteFile(file, text.data(), chunk, &written, nullptr)) return false;
    if (written == 0) {
      SetLastError(ERROR_DISK_FULL);
      return false;
    }
    text.remove_prefix(written);
  }
  return true;
}

// The full path, lower-cased; empty if it has none.
std::wstring FullPath(const std::string& path) {
  const std::wstring wide = Widen(path);
  const DWORD needed = GetFullPathNameW(wide.c_str(), 0, nullptr, nullptr);
  if (needed == 0) return {};
  std::wstring out(needed, L'\0');
  const DWORD n = GetFullPathNameW(wide.c_str(), needed, out.data(), nullptr);
  if (n == 0 || n >= needed) return {};
  out.resize(n);
  for (wchar_t& c : out) c = static_cast<wchar_t>(std::towlower(c));
  return out;
}

}  // namespace

std::optional<ReplaceFailure> ReplaceFile(const std::wstring& path, const std::wstring& temp, std::string_view text) {
  File file(CreateFileW(temp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_ALWAYS,
                        FILE_ATTRIBUTE_NORMAL | FILE_FLAG_WRITE_THROUGH, nullptr));
  if (!file.valid()) return ReplaceFailure{"cannot create", temp, GetLastError()};
  const bool written = WriteAll(file.get(), text) && FlushFileBuffers(file.get());
  const DWORD write_error = GetLastError();
  if (!file.Close() || !written) {
    const DWORD error = written ? GetLastError() : write_error;
    DeleteFileW(temp.c_str());
    return ReplaceFailure{"cannot write", temp, error};
  }
  if (!MoveFileExW(temp.c_str(), path.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    const DWORD error = GetLastError();
    DeleteFileW(temp.c_str());
    return ReplaceFailure{"cannot replace", path, error};
  }
  return std::nullopt;
}

fixer::Status WriteFileDurably(const std::string& path, std::string_view text) {
  // std::to_string, not std::to_wstring: the latter imports a CRT function XP's msvcrt.dll may lack.
  const std::string temp = path + ".tmp." + std::to_string(GetCurrentProcessId());
  const std::optional<ReplaceFailure> failed = ReplaceFile(Widen(path), Widen(temp), text);
  if (!failed) return {};
  return fixer::Status(failed->error,
                       Narrow(failed->file) + ": " + failed->step + ": " + Error(failed->error).message());
}

bool SameFile(const std::string& a, const std::string& b) {
  if (a == b) return true;
  const std::wstring full = FullPath(a);
  return !full.empty() && full == FullPath(b);
}

}  // namespace win32
