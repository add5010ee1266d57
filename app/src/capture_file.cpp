// WriteFileAtomically and SameFile (app/capture.h): a temporary file beside the target, flushed
// to disk, renamed over it (MoveFileExW with MOVEFILE_REPLACE_EXISTING on Windows, rename(2)
// elsewhere). No std::filesystem: in MinGW's libstdc++ it imports CRT functions Windows XP's
// msvcrt.dll is not known to have (win32/imports-allowed.txt).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cwctype>
#include <string>

#include "app/capture.h"

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#else
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace app {
namespace {

fixer::Status Failed(const std::string& path, const std::string& what, int err) {
  return fixer::Status(static_cast<uint32_t>(err), path + ": " + what + ": " + std::strerror(err));
}

#ifdef _WIN32
std::wstring Wide(const std::string& s) {
  const int n = MultiByteToWideChar(CP_UTF8, 0, s.c_str(), -1, nullptr, 0);
  if (n <= 0) return {};
  std::wstring w(static_cast<size_t>(n), L'\0');
  MultiByteToWideChar(CP_UTF8, 0, s.c_str(), -1, w.data(), n);
  w.resize(static_cast<size_t>(n - 1));
  return w;
}
std::wstring FullPath(const std::string& p) {
  wchar_t buf[MAX_PATH * 4];
  const DWORD n = GetFullPathNameW(Wide(p).c_str(), MAX_PATH * 4, buf, nullptr);
  std::wstring out(buf, n > 0 && n < MAX_PATH * 4 ? n : 0);
  for (wchar_t& c : out) c = static_cast<wchar_t>(std::towlower(c));
  return out;
}
bool SyncToDisk(std::FILE* f) { return FlushFileBuffers(reinterpret_cast<HANDLE>(_get_osfhandle(_fileno(f)))) != 0; }
bool Replace(const std::string& from, const std::string& to) {
  return MoveFileExW(Wide(from).c_str(), Wide(to).c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH) != 0;
}
void Remove(const std::string& p) { DeleteFileW(Wide(p).c_str()); }
#else
bool SyncToDisk(std::FILE* f) { return fsync(fileno(f)) == 0; }
bool Replace(const std::string& from, const std::string& to) { return std::rename(from.c_str(), to.c_str()) == 0; }
void Remove(const std::string& p) { unlink(p.c_str()); }
#endif

}  // namespace

bool SameFile(const std::string& a, const std::string& b) {
  if (a == b) return true;
#ifdef _WIN32
  return !FullPath(a).empty() && FullPath(a) == FullPath(b);
#else
  struct stat sa {
  }, sb{};
  return stat(a.c_str(), &sa) == 0 && stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
#endif
}

fixer::Status WriteFileAtomically(const std::string& path, std::string_view text) {
  const std::string temp = path + ".capture-tmp";
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) return Failed(temp, "cannot create", errno);
  const bool written =
      std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 && SyncToDisk(f);
  const int write_error = errno;
  if (std::fclose(f) != 0 || !written) {
    Remove(temp);
    return Failed(temp, "cannot write", written ? errno : write_error);
  }
  if (!Replace(temp, path)) {
    const int err = errno;
    Remove(temp);
    return Failed(path, "cannot replace", err);
  }
  return {};
}

}  // namespace app
