// WriteFileAtomically (app/capture.h): temporary file beside the target, flushed to disk, renamed
// over it (MoveFileEx with MOVEFILE_REPLACE_EXISTING on Windows, rename(2) elsewhere).
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>

#include "app/capture.h"

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#else
#include <unistd.h>
#endif

namespace app {
namespace {

fixer::Status Failed(const std::string& path, const std::string& what, int err) {
  return fixer::Status(static_cast<uint32_t>(err), path + ": " + what + ": " + std::strerror(err));
}

bool SyncToDisk(std::FILE* f) {
#ifdef _WIN32
  // FlushFileBuffers, not the CRT's _commit: only imports Windows XP has (win32/imports-allowed.txt).
  return FlushFileBuffers(reinterpret_cast<HANDLE>(_get_osfhandle(_fileno(f)))) != 0;
#else
  return fsync(fileno(f)) == 0;
#endif
}

}  // namespace

fixer::Status WriteFileAtomically(const std::string& path, std::string_view text) {
  const std::string temp = path + ".capture-tmp";
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) return Failed(temp, "cannot create", errno);
  const bool written =
      std::fwrite(text.data(), 1, text.size(), f) == text.size() && std::fflush(f) == 0 && SyncToDisk(f);
  const int write_error = errno;
  std::error_code ignored;
  if (std::fclose(f) != 0 || !written) {
    std::filesystem::remove(temp, ignored);
    return Failed(temp, "cannot write", written ? errno : write_error);
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ignored);
    return fixer::Status(static_cast<uint32_t>(ec.value()), path + ": cannot replace: " + ec.message());
  }
  return {};
}

}  // namespace app
