// Machine state files on disk: reading one, and saving one atomically (temporary file beside
// the target, flushed and fsync'd, then renamed over it).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "fakes/machine_yaml.h"

namespace fakes {
namespace {

// The Windows error a failed file operation would have given.
fixer::Status FromErrno(int err) {
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return fixer::Status::Win(fixer::kErrorPathNotFound);
    case EACCES:
    case EPERM:
    case EROFS:
    case EISDIR:
      return fixer::Status::Win(fixer::kErrorAccessDenied);
    case ENOSPC:
    case EDQUOT:
      return fixer::Status::Win(fixer::kErrorDiskFull);
    case ENOMEM:
      return fixer::Status::Win(fixer::kErrorNotEnoughMemory);
    default:
      return fixer::Status::Win(fixer::kErrorCantAccessFile);
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

}  // namespace

Loaded<MachineState> LoadMachineFile(const std::string& path) {
  Loaded<MachineState> out;
  auto fail = [&](int err) {
    out.error = LoadError{path, 0, 0,
                          "cannot read machine state file: " + std::string(std::strerror(err))};
    return out;
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail(errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    const int err = S_ISDIR(st.st_mode) ? EISDIR : errno;
    ::close(fd);
    return fail(err);
  }
  std::string text;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return fail(err);
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return LoadMachineText(text, path);
}

fixer::Status SaveMachineFile(const MachineState& state, const std::string& path) {
  std::string text;
  try {
    text = MachineToText(state);
  } catch (const std::exception&) {
    return fixer::Status::Win(fixer::kErrorNotEnoughMemory);  // the emitter only fails on memory
  }
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
  const int dir = ::open(DirectoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return fixer::Status::Ok();
}

}  // namespace fakes
