// StateFileLock: the exclusive lock a run that changes a machine state file holds on it, from
// before it loads the file until the run ends, so that two such runs on one file cannot both
// succeed: the second is refused with 32 ERROR_SHARING_VIOLATION (docs/machine-format.md, "The
// machine log"). An flock(2) on the file, never waited for; it dies with its process, so a killed
// run leaves no file locked. A checkpoint replaces the file by renaming a new one over it: the
// new file is locked (Adopt) before that rename, so the name never names an unlocked file while
// the run lasts. Readers take no lock.
//
//   fakes::StateFileLock lock;
//   fixer::Status st = lock.Acquire("m.yaml");   // 32: The process cannot access the file because ...
//   fixer::Status moved = fakes::WriteFileAtomically("m.yaml", "os: windows-xp-professional\n",
//                                                    [&lock](int fd) { return lock.Adopt(fd); });
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "fixer/result.h"

namespace fakes {

class StateFileLock {
 public:
  StateFileLock() = default;
  ~StateFileLock();
  StateFileLock(StateFileLock&& other) noexcept;
  StateFileLock& operator=(StateFileLock&& other) noexcept;
  StateFileLock(const StateFileLock&) = delete;
  StateFileLock& operator=(const StateFileLock&) = delete;

  // Locks the file `path` names now (behind its links), and makes sure that the name still names
  // the file locked: one a checkpoint renamed over it meanwhile is opened and locked afresh, so
  // what the caller then loads is the locked file. 32 when another process holds the lock. A
  // name that leads to no regular file (missing, a folder, a device) is not locked and not an
  // error: loading it says why it cannot be read. `after_open` is a test hook, called between
  // the open and the lock of each try (where another run's rename may come).
  fixer::Status Acquire(const std::string& path, const std::function<void()>& after_open = {});
  // Locks the open file `fd` (a temporary file about to be renamed over the locked one) and keeps
  // it locked until this lock ends; `fd` itself stays the caller's to close. The files locked
  // before stay locked too: the old file must stay locked until the new one has its name.
  fixer::Status Adopt(int fd);
  // Whether a file is locked (Acquire found one, or Adopt was called).
  bool held() const { return !fds_.empty(); }

 private:
  void Release();
  std::vector<int> fds_;  // the descriptors whose open files hold the lock
};

}  // namespace fakes
