#include "fakes/state_file_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "fixer/win_error.h"
#include "posix_file.h"

namespace fakes {
namespace {

// A lock another process holds: in Windows' words, as CreateFile without sharing answers.
fixer::Status HeldByAnother() { return fixer::Status::Win(fixer::kErrorSharingViolation); }

// flock of `fd`, never waiting: 0, or errno (EWOULDBLOCK: another open file holds it).
int LockNow(int fd) {
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno != EINTR) return errno;
  }
  return 0;
}

}  // namespace

StateFileLock::~StateFileLock() { Release(); }

StateFileLock::StateFileLock(StateFileLock&& other) noexcept : fds_(std::move(other.fds_)) { other.fds_.clear(); }

StateFileLock& StateFileLock::operator=(StateFileLock&& other) noexcept {
  if (this != &other) {
    Release();
    fds_ = std::move(other.fds_);
    other.fds_.clear();
  }
  return *this;
}

void StateFileLock::Release() {
  for (int fd : fds_) ::close(fd);
  fds_.clear();
}

fixer::Status StateFileLock::Acquire(const std::string& path, const std::function<void()>& after_open) {
  // Each retry means another run's checkpoint renamed a new file over the name after it was
  // opened; that new file is locked before its rename, so the next try is refused or wins.
  for (int tries = 0; tries < 100; ++tries) {
    // O_NONBLOCK: a named pipe with no writer is not waited for (the load refuses it).
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return fixer::Status::Ok();
    struct stat locked {};
    if (::fstat(fd, &locked) != 0 || !S_ISREG(locked.st_mode)) {
      ::close(fd);
      return fixer::Status::Ok();
    }
    if (after_open) after_open();
    if (const int err = LockNow(fd); err != 0) {
      ::close(fd);
      return err == EWOULDBLOCK ? HeldByAnother() : FromErrno(err);
    }
    struct stat named {};
    if (::stat(path.c_str(), &named) == 0 && named.st_dev == locked.st_dev && named.st_ino == locked.st_ino) {
      Release();
      fds_.push_back(fd);
      return fixer::Status::Ok();
    }
    ::close(fd);  // a file no longer under the name: lock the one that is
  }
  return HeldByAnother();
}

fixer::Status StateFileLock::Adopt(int fd) {
  const int kept = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (kept < 0) return FromErrno(errno);
  if (const int err = LockNow(kept); err != 0) {
    ::close(kept);
    return err == EWOULDBLOCK ? HeldByAnother() : FromErrno(err);
  }
  fds_.push_back(kept);
  return fixer::Status::Ok();
}

}  // namespace fakes
