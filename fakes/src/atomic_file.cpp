#include "fakes/atomic_file.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <csignal>
#include <cstdio>  // renameat2
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string_view>

#include "posix_file.h"

namespace fakes {

fixer::Status FromErrno(int err) { return fixer::Status::Win(fixer::WinErrorOfErrno(err)); }

bool WriteAll(int fd, std::string_view text) {
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

std::string FileBehindLinks(const std::string& path) {
  std::string file = path;
  // 40 links, as Linux's own limit (ELOOP): a loop ends at the last name reached.
  for (int hops = 0; hops < 40; ++hops) {
    std::string target(4096, '\0');
    const ssize_t n = ::readlink(file.c_str(), target.data(), target.size());
    if (n < 0 || static_cast<size_t>(n) >= target.size()) break;
    target.resize(static_cast<size_t>(n));
    file = target.starts_with('/') || file.find('/') == std::string::npos ? target : DirectoryOf(file) + "/" + target;
  }
  return file;
}

namespace {

// Whether `folder` is a process's descriptor folder: /proc/PID/fd or /proc/PID/task/TID/fd once
// its links (/proc/self, /dev/fd) are resolved.
bool IsDescriptorFolder(const std::string& folder) {
  std::error_code ec;
  const std::string real = std::filesystem::canonical(folder, ec).string();
  return !ec && real.starts_with("/proc/") && real.ends_with("/fd");
}

}  // namespace

bool NamesADescriptor(const std::string& path) {
  std::string file = path;
  // The links FileBehindLinks follows, each name looked at on the way (40 hops, as ELOOP's).
  for (int hops = 0; hops < 40; ++hops) {
    if (IsDescriptorFolder(DirectoryOf(file))) return true;
    std::string target(4096, '\0');
    const ssize_t n = ::readlink(file.c_str(), target.data(), target.size());
    if (n < 0 || static_cast<size_t>(n) >= target.size()) break;
    target.resize(static_cast<size_t>(n));
    file = target.starts_with('/') || file.find('/') == std::string::npos ? target : DirectoryOf(file) + "/" + target;
  }
  return false;
}

namespace {

// Whether `file`, a name FileBehindLinks reached, is still a link: its links loop (or pass Linux's
// 40), so they lead to no file. open(2) refuses such a name (ELOOP); a write through it replaced
// the link it stopped at with a regular file, in the loop's place.
bool LinksLoop(const std::string& file) {
  struct stat st {};
  return ::lstat(file.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// The temporary file an atomic write of `file` (a name already behind its links) goes through,
// and the name the folder probe creates: one name, so the probe tries what the write will do.
std::string TemporaryPrefix(const std::string& file) { return file + ".tmp."; }
std::string TemporaryBeside(const std::string& file) { return TemporaryPrefix(file) + std::to_string(::getpid()); }

// The PID a temporary file name of `file`'s carries (digits alone, a pid_t), if it is one.
std::optional<pid_t> TemporaryPid(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix)) return std::nullopt;
  name.remove_prefix(prefix.size());
  pid_t pid = 0;
  auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), pid);
  if (name.empty() || name[0] == '+' || ec != std::errc() || end != name.data() + name.size() || pid <= 0)
    return std::nullopt;
  return pid;
}

// Whether process `pid` has ended: no such process (ESRCH), or a zombie ('Z', or 'X' dead) that
// its parent has not waited for yet, as a shell that killed a run reaps it only later. kill(pid,
// 0) succeeds on a zombie, whose temporary file is still no write under way. A process of another
// user's (EPERM) lives.
bool ProcessEnded(pid_t pid) {
  if (::kill(pid, 0) != 0) return errno == ESRCH;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(stat, line)) return false;
  // "PID (COMMAND) STATE ...": the command may hold spaces and parentheses; the state follows the last ')'.
  const size_t close = line.rfind(')');
  if (close == std::string::npos || close + 2 >= line.size()) return false;
  const char state = line[close + 2];
  return state == 'Z' || state == 'X';
}

// Where an atomic write failed: the step, the file the failing call named, and errno.
struct WriteFailure {
  const char* step;
  std::string file;
  int err;                     // 0 when `refused` says why
  fixer::Status refused = {};  // a BeforeRename's own failure
  fixer::Status Windows() const { return err == 0 ? refused : FromErrno(err); }
  std::string Reason() const { return err == 0 ? refused.ToString() : std::strerror(err); }
};

// A target that is no regular file (a device, a pipe, a socket: /dev/null, the /dev/fd/63 of a
// shell's process substitution) or names an open stream (/dev/stdout) is written straight into:
// a rename would put a regular file where the device was, and a stream's file is not ours to
// replace (its earlier output would be lost).
bool WrittenThrough(const std::string& named) {
  if (named == "/dev/stdout" || named == "/dev/stderr" || named.starts_with("/dev/fd/") ||
      named.starts_with("/proc/self/fd/"))
    return true;
  struct stat st {};
  return ::stat(named.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

std::optional<WriteFailure> WriteThrough(const std::string& named, std::string_view text) {
  // O_NONBLOCK: a named pipe no process reads is an error (ENXIO), not a wait for ever.
  const int fd = ::open(named.c_str(), O_WRONLY | O_APPEND | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return WriteFailure{"cannot open", named, errno};
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  const bool written = WriteAll(fd, text);
  const int write_error = errno;
  if (::close(fd) != 0 || !written) return WriteFailure{"cannot write", named, written ? errno : write_error};
  return std::nullopt;
}

// The errno a replace of `file` (behind its links) meets when `file` is read-only, or 0: Windows
// refuses to replace a file with the read-only attribute, an administrator's call too (MoveFileEx
// and ReplaceFile answer 5), where POSIX lets a rename, and root, replace any file. A file without
// a write permission bit is that attribute; one this user may not write is refused the same way.
int ReadOnlyError(const std::string& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return 0;
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0) return EACCES;
  return ::access(file.c_str(), W_OK) == 0 ? 0 : errno;
}

// Gives `temp` the name `path` only where no file has it: renameat2's RENAME_NOREPLACE, or a hard
// link then the temporary name's removal on a file system without it. errno EEXIST where one has.
int RenameIfAbsent(const std::string& temp, const std::string& path) {
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
  if (::link(temp.c_str(), path.c_str()) != 0) return errno;
  ::unlink(temp.c_str());
  return 0;
}

std::optional<WriteFailure> WriteAndReplace(const std::string& named, std::string_view text,
                                            const BeforeRename& before_rename = {}, Replace replace = Replace::kAny,
                                            unsigned new_file_mode = kNewFileMode) {
  if (WrittenThrough(named)) return WriteThrough(named, text);
  const std::string path = FileBehindLinks(named);
  if (LinksLoop(path)) return WriteFailure{"cannot replace", named, ELOOP};
  if (const int err = ReadOnlyError(path); err != 0) return WriteFailure{"cannot replace", path, err};
  // Every write of a file first removes what a killed write of it left ("FILE.tmp.PID" of a process
  // that has ended): whichever verb or tool writes the file next.
  RemoveDeadTemporaries(path);
  const std::string temp = TemporaryBeside(path);
  // Made with the mode a new file gets: a file of secrets no one else reads, even while it is written.
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, static_cast<mode_t>(new_file_mode));
  if (fd < 0) return WriteFailure{"cannot create", temp, errno};
  // The file keeps who may read it: a machine file holds password hashes (0600 stays 0600).
  if (struct stat was{}; ::stat(path.c_str(), &was) == 0 && S_ISREG(was.st_mode)) {
    ::fchmod(fd, was.st_mode & 07777);
    if (::fchown(fd, was.st_uid, was.st_gid) != 0) {
      // Only root may give a file away; the file is then the writer's, as any new file.
    }
  }
  const bool written = WriteAll(fd, text) && ::fsync(fd) == 0;
  const int write_error = errno;
  const fixer::Status handed = written && before_rename ? before_rename(fd) : fixer::Status::Ok();
  if (::close(fd) != 0 || !written) {
    const int err = written ? errno : write_error;
    ::unlink(temp.c_str());
    return WriteFailure{"cannot write", temp, err};
  }
  if (!handed.ok()) {
    ::unlink(temp.c_str());
    return WriteFailure{"cannot replace", path, 0, handed};
  }
  const int renamed =
      replace == Replace::kAny ? (::rename(temp.c_str(), path.c_str()) == 0 ? 0 : errno) : RenameIfAbsent(temp, path);
  if (renamed != 0) {
    ::unlink(temp.c_str());
    return WriteFailure{replace == Replace::kAny ? "cannot replace" : "cannot create", path, renamed};
  }
  // Make the rename itself durable; the file is complete either way, so a failure here is
  // not reported.
  SyncDirectoryOf(path);
  return std::nullopt;
}

}  // namespace

fixer::Status WriteFileAtomically(const std::string& path, std::string_view text) {
  return WriteFileAtomically(path, text, {});
}

fixer::Status WriteFileAtomically(const std::string& path, std::string_view text, const BeforeRename& before_rename,
                                  Replace replace, unsigned new_file_mode) {
  const std::optional<WriteFailure> failed = WriteAndReplace(path, text, before_rename, replace, new_file_mode);
  return failed ? failed->Windows() : fixer::Status::Ok();
}

fixer::Status WriteFailureNaming(const std::string& path, const fixer::Status& st) {
  if (st.ok()) return st;
  return fixer::Status(st.code(), path + ": cannot write: " + st.ToString());
}

fixer::Status WriteFileAtomicallySaying(const std::string& path, std::string_view text) {
  const std::optional<WriteFailure> failed = WriteAndReplace(path, text);
  if (!failed) return fixer::Status::Ok();
  // The file the user named, not the temporary file the failing call had (gone with the failure).
  return fixer::Status(failed->Windows().code(), path + ": " + failed->step + ": " + failed->Reason());
}

std::string WriteRefusal::Reason(fixer::ReasonWords words) const {
  return words == fixer::ReasonWords::kSystem ? reason : fixer::Status::Win(windows_error).ToString();
}

fixer::Status WriteRefusal::ToStatus(const std::string& path, fixer::ReasonWords words) const {
  return fixer::Status(windows_error, path + ": " + step + ": " + Reason(words));
}

std::optional<WriteRefusal> WhyCannotCreateBeside(const std::string& path) {
  const std::string target = FileBehindLinks(path);
  const std::string probe = TemporaryBeside(target);
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    const int err = errno;
    // Through a symbolic link the files go beside the file it leads to: that folder refused.
    const std::string step = target == path ? "cannot create a file beside it"
                                            : "cannot create a file beside " + target + ", where it leads";
    return WriteRefusal{FromErrno(err).code(), step, std::strerror(err)};
  }
  ::close(fd);
  ::unlink(probe.c_str());
  return std::nullopt;
}

std::optional<WriteRefusal> WhyCannotWriteAtomically(const std::string& path) {
  if (WrittenThrough(path)) {
    if (::access(path.c_str(), W_OK) == 0) return std::nullopt;
    const int err = errno;
    return WriteRefusal{FromErrno(err).code(), "cannot be written", std::strerror(err)};
  }
  const std::string file = FileBehindLinks(path);
  if (LinksLoop(file)) return WriteRefusal{FromErrno(ELOOP).code(), "cannot be written", std::strerror(ELOOP)};
  struct stat st {};
  if (::stat(file.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    return WriteRefusal{FromErrno(EISDIR).code(), "cannot be written", std::strerror(EISDIR)};
  if (const int err = ReadOnlyError(file); err != 0)
    return WriteRefusal{FromErrno(err).code(), "cannot be written", std::strerror(err)};
  return WhyCannotCreateBeside(path);
}

std::string TemporaryFileOf(const std::string& path) { return TemporaryBeside(FileBehindLinks(path)); }

fixer::Status CheckCanCreateBeside(const std::string& path) {
  const std::optional<WriteRefusal> why = WhyCannotCreateBeside(path);
  return why ? why->ToStatus(path) : fixer::Status::Ok();
}

fixer::Status CheckCanWriteAtomically(const std::string& path, fixer::ReasonWords words) {
  const std::optional<WriteRefusal> why = WhyCannotWriteAtomically(path);
  return why ? why->ToStatus(path, words) : fixer::Status::Ok();
}

int RemoveDeadTemporaries(const std::string& path) {
  const std::string file = FileBehindLinks(path);
  const std::string folder = DirectoryOf(file);
  const std::string prefix = TemporaryPrefix(file.substr(file.find_last_of('/') + 1));
  DIR* dir = ::opendir(folder.c_str());
  if (dir == nullptr) return 0;
  int removed = 0;
  while (const dirent* entry = ::readdir(dir)) {
    const std::optional<pid_t> pid = TemporaryPid(entry->d_name, prefix);
    if (!pid || !ProcessEnded(*pid)) continue;  // a live process's (or one not ours: EPERM)
    const std::string temp = folder + "/" + entry->d_name;
    struct stat st {};
    if (::lstat(temp.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::unlink(temp.c_str()) == 0) ++removed;
  }
  ::closedir(dir);
  return removed;
}

bool SameFile(const std::string& a, const std::string& b) {
  if (a == b) return true;
  struct stat sa {
  }, sb{};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

namespace {
// `path` made absolute with every link followed, the last one too when it leads nowhere yet
// (weakly_canonical stops at a dangling link: "out.yaml -> m.yaml.log" would not be the log).
std::filesystem::path FullyResolvedPath(const std::string& path, std::error_code& ec) {
  namespace fs = std::filesystem;
  fs::path p = fs::absolute(path, ec);
  for (int hops = 0; !ec && hops < 40; ++hops) {
    std::error_code missing;  // a name that does not exist is no link: nothing more to follow
    if (!fs::is_symlink(fs::symlink_status(p, missing))) break;
    const fs::path target = fs::read_symlink(p, ec);
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  return ec ? p : fs::weakly_canonical(p, ec);
}
}  // namespace

bool SamePath(const std::string& a, const std::string& b) {
  if (a == b) return true;
  std::error_code ec_a, ec_b;
  const std::filesystem::path ca = FullyResolvedPath(a, ec_a);
  const std::filesystem::path cb = FullyResolvedPath(b, ec_b);
  return !ec_a && !ec_b && ca == cb;
}

}  // namespace fakes
