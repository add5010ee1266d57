#include "fakes/whole_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <system_error>

#include "fixer/result.h"

namespace fakes {

namespace {

// At most `limit` bytes of the regular file at `path` into `text`.
int ReadRegularFile(const std::string& path, size_t limit, std::string& text) {
  // O_NONBLOCK: opening a FIFO does not wait for a writer; the type is then looked at first.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return errno;
  struct stat st {};
  int err = 0;
  if (::fstat(fd, &st) != 0)
    err = errno;
  else if (S_ISDIR(st.st_mode))
    err = EISDIR;
  else if (!S_ISREG(st.st_mode))
    err = kNotARegularFile;
  if (err != 0) {
    ::close(fd);
    return err;
  }
  text.clear();
  char buf[65536];
  while (text.size() < limit) {
    const ssize_t n = ::read(fd, buf, std::min(sizeof buf, limit - text.size()));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return err;
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return 0;
}

}  // namespace

int ReadWholeFile(const std::string& path, std::string& text) {
  return ReadRegularFile(path, std::numeric_limits<size_t>::max(), text);
}

int ReadFileStart(const std::string& path, size_t max_bytes, std::string& text) {
  return ReadRegularFile(path, max_bytes, text);
}

std::string ReadErrorText(int err, const std::string& path, fixer::ReasonWords words) {
  if (err == kDescriptorName) {
    const std::string why =
        "not a regular file: a file descriptor, such as standard input, whose file no one named to be "
        "rewritten: give the machine file's own name";
    if (words == fixer::ReasonWords::kWindows)
      return fixer::Status::Win(fixer::kErrorCantAccessFile).ToString() + " (" + why + ")";
    return why;
  }
  if (err == kNotARegularFile) {
    // aspnet-fixer says every file error as a Windows error: 1920, its word for a failure Windows
    // has no closer one for (docs/windows-reference.md#file-errors), then why.
    if (words == fixer::ReasonWords::kWindows)
      return fixer::Status::Win(fixer::kErrorCantAccessFile).ToString() +
             " (not a regular file: a device, a pipe or a socket)";
    return "not a regular file (a device, a pipe or a socket)";
  }
  // ENOENT is both of Windows' "not found" errors: the file's own folder tells them apart.
  if (words == fixer::ReasonWords::kWindows && err == ENOENT) {
    const std::filesystem::path folder = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (folder.empty() || std::filesystem::is_directory(folder, ec))
      return fixer::Status::Win(fixer::kErrorFileNotFound).ToString();
  }
  return fixer::ErrnoReason(err, words);
}

}  // namespace fakes
