#include "fakes/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "posix_file.h"

namespace fakes {

fixer::Status FromErrno(int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR: return fixer::Status::Win(fixer::kErrorPathNotFound);
    case EACCES:
    case EPERM:
    case EROFS:
    case EISDIR: return fixer::Status::Win(fixer::kErrorAccessDenied);
    case ENOSPC:
    case EDQUOT: return fixer::Status::Win(fixer::kErrorDiskFull);
    case ENOMEM: return fixer::Status::Win(fixer::kErrorNotEnoughMemory);
    default: return fixer::Status::Win(fixer::kErrorCantAccessFile);
  }
}

bool WriteAll(int fd, const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

void SyncDirectoryOf(const std::string& path) {
  const int dir = ::open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

fixer::Status WriteFileAtomically(const std::string& path, const std::string& text) {
  const std::string temp = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return FromErrno(errno);
  auto abandon = [&](int err) {
    ::close(fd);
    ::unlink(temp.c_str());
    return FromErrno(err);
  };
  if (!WriteAll(fd, text)) return abandon(errno);
  if (::fsync(fd) != 0) return abandon(errno);
  if (::close(fd) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return FromErrno(err);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(temp.c_str());
    return FromErrno(err);
  }
  // Make the rename itself durable; the file is complete either way, so a failure here is
  // not reported.
  SyncDirectoryOf(path);
  return fixer::Status::Ok();
}

}  // namespace fakes
