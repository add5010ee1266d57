// WriteToConsole (win32/console_text.h).
#include "win32/console_text.h"

#include <io.h>
#include <windows.h>

#include <algorithm>
#include <string>

#include "win32_util.h"

namespace win32 {
namespace {

// Whether `stream`'s handle is a console, asked once per stream: a standard handle does not change.
bool IsConsole(std::FILE* stream, HANDLE& handle) {
  struct Asked {
    std::FILE* stream = nullptr;
    HANDLE handle = INVALID_HANDLE_VALUE;
    bool console = false;
  };
  static Asked asked[2];
  for (Asked& a : asked) {
    if (a.stream == stream) {
      handle = a.handle;
      return a.console;
    }
  }
  Asked now{stream, reinterpret_cast<HANDLE>(_get_osfhandle(_fileno(stream))), false};
  DWORD mode = 0;
  now.console = now.handle != INVALID_HANDLE_VALUE && GetConsoleMode(now.handle, &mode) != FALSE;
  for (Asked& a : asked) {
    if (a.stream == nullptr) {
      a = now;
      break;
    }
  }
  handle = now.handle;
  return now.console;
}

}  // namespace

bool WriteToConsole(std::FILE* stream, std::string_view utf8) {
  HANDLE handle = INVALID_HANDLE_VALUE;
  if (!IsConsole(stream, handle)) return false;
  std::fflush(stream);  // what the C runtime holds was written first
  std::wstring wide;
  wide.reserve(utf8.size() + 16);
  for (wchar_t c : Widen(utf8)) {
    if (c == L'\n') wide += L'\r';
    wide += c;
  }
  for (size_t done = 0; done < wide.size();) {
    // In parts: the buffer is copied into a console heap of 64 KB shared by the process [WriteConsole].
    const DWORD part = static_cast<DWORD>(std::min<size_t>(wide.size() - done, 4096));
    DWORD written = 0;
    if (!WriteConsoleW(handle, wide.data() + done, part, &written, nullptr) || written == 0) break;
    done += written;
  }
  return true;
}

}  // namespace win32
