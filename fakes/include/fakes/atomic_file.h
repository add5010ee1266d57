// Atomic file writes, for state files, reports, captures and anything a killed process must never
// leave half-written: a temporary file beside the target, written, fsync'd, renamed over the
// target, then the directory fsync'd; first, the temporary files a killed write of the target
// left (RemoveDeadTemporaries) are removed. Errors come back as the Windows error the same failure
// gives; WriteFileAtomicallySaying also names the file and the step for the person who ran it.
// A target that is no regular file (/dev/null, a pipe: `--junit >(gzip > r.gz)`) or names an open
// stream (/dev/stdout, /dev/fd/N) is written straight into, appended to, never replaced.
//
//   if (fixer::Status st = fakes::WriteFileAtomically("m.yaml", "os: windows-xp-professional\n"); !st.ok())
//     logger->error("{}", st);
//   fixer::Status said = fakes::WriteFileAtomicallySaying("out.yaml", "{}\n");
//   fixer::Status windows = fakes::WriteFailureNaming("c.json", fakes::WriteFileAtomically("c.json", "{}\n"));
//   // on a full disk: "c.json: cannot write: 112: There is not enough space on the disk."
//   // on failure: "out.yaml.tmp.42: cannot create: No such file or directory" (code 3)
//   fixer::Status can = fakes::CheckCanWriteAtomically("reports/");   // "reports/: cannot be written: Is a directory"
//   // a 0444 r.xml: "r.xml: cannot be written: Permission denied" (code 5)
//   if (auto why = fakes::WhyCannotWriteAtomically("reports/")) std::puts(why->reason.c_str());   // "Is a directory"
//   int removed = fakes::RemoveDeadTemporaries("m.yaml");   // m.yaml.tmp.4711 of a killed process: 1
//   std::string temp = fakes::TemporaryFileOf("m.yaml");   // "m.yaml.tmp.<this process's PID>"
//   bool same = fakes::SameFile("m.yaml", "./m.yaml");   // true: one inode
//   bool one = fakes::SamePath("new.xml", "./new.xml");   // true, though neither exists yet
//   std::string real = fakes::FileBehindLinks("m.yaml");   // "m.yaml", or what the link m.yaml names
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "fixer/result.h"

namespace fakes {

// The Windows error of the errno (fixer::WinErrorOfErrno: 3 path not found, 5 access denied, 112
// disk full, 206 name too long ..., 1920 anything else). A
// read-only target (no write permission bit, or one this user may not write) is not replaced,
// root's write too: 5, as Windows refuses to replace a file with the read-only attribute. Links
// that loop lead to no file: refused (ELOOP, 1921), no link of the loop replaced.
fixer::Status WriteFileAtomically(const std::string& path, std::string_view text);
// Called with the temporary file's descriptor once it is whole, just before it is renamed over
// the target: a state file's lock moves to it there (state_file_lock.h). A failure it returns
// stops the write, the temporary file removed and the target as it was.
using BeforeRename = std::function<fixer::Status(int fd)>;
// Whether the new file may replace a file at the name (MoveFileEx with MOVEFILE_REPLACE_EXISTING)
// or takes the name only where there is none (without it: 183 ERROR_ALREADY_EXISTS where there is
// [wine-file-tests], the file there left as it is).
enum class Replace { kAny, kNothing };
// The mode a file no write has made yet gets (before the umask); one there keeps its own.
inline constexpr unsigned kNewFileMode = 0644;
// The same write, `before_rename` called on the way (not for a target written straight into);
// a new file made `new_file_mode` (0600 for one holding secrets, as aspnet-fixer's --out).
fixer::Status WriteFileAtomically(const std::string& path, std::string_view text, const BeforeRename& before_rename,
                                  Replace replace = Replace::kAny, unsigned new_file_mode = kNewFileMode);
// The same write; the error's code is the same, its message "PATH: STEP: REASON": `path` (the
// temporary file the failing call may have named is gone with it), "cannot create", "cannot
// write" or "cannot replace", and the C library's strerror text.
fixer::Status WriteFileAtomicallySaying(const std::string& path, std::string_view text);
// A failed write of `path` (WriteFileAtomically's Status, the code kept) said in Windows' words,
// the file in front: "out.yaml: cannot write: 112: There is not enough space on the disk." (how
// aspnet-fixer says a machine or capture it could not write); `st` itself when it is ok.
fixer::Status WriteFailureNaming(const std::string& path, const fixer::Status& st);
// Why a write of a file cannot be made, told apart from the file's name, so a caller can word it.
struct WriteRefusal {
  uint32_t windows_error;  // 3 path not found, 5 access denied, ... as WriteFileAtomically's codes
  std::string step;        // "cannot be written" (a folder is in the way), "cannot create a file beside it"
  std::string reason;      // the C library's strerror text: "Is a directory"
  // `reason`, or in Windows' words the error and its text: "5: Access is denied."
  std::string Reason(fixer::ReasonWords words) const;
  // "PATH: STEP: REASON", the Windows error's code.
  fixer::Status ToStatus(const std::string& path, fixer::ReasonWords words = fixer::ReasonWords::kSystem) const;
};
// The checks below, returning the refusal instead of a Status; nullopt when the write can be made.
std::optional<WriteRefusal> WhyCannotCreateBeside(const std::string& path);
std::optional<WriteRefusal> WhyCannotWriteAtomically(const std::string& path);
// Whether a file can be created beside `path` (in its folder), as its atomic write and its log
// will: a probe file created there and removed. On failure: "PATH: cannot create a file beside
// it: REASON", with the Windows error's code.
fixer::Status CheckCanCreateBeside(const std::string& path);
// Whether an atomic write of `path` can be made, as far as can be told before it: `path` is no
// folder (the rename could not replace one) nor a read-only file, and a file can be created beside it; a device, pipe
// or stream written straight into is one this process may write. On failure:
// "PATH: cannot be written: Is a directory", or CheckCanCreateBeside's message; the Windows
// error's code. What a tool checks of every file it will write before its work begins.
fixer::Status CheckCanWriteAtomically(const std::string& path, fixer::ReasonWords words = fixer::ReasonWords::kSystem);
// The temporary files a killed atomic write of `path` left beside it: each regular file named as
// its temporary file ("PATH.tmp.PID", `path` behind its links) whose process has ended
// (kill(PID, 0) fails with ESRCH, or the process is a zombie its parent has not waited for) is
// removed; one whose process lives (a write under way), and any other name, is left. Returns how
// many were removed. WriteFileAtomically calls it before each write of a file.
int RemoveDeadTemporaries(const std::string& path);
// The temporary file this process's atomic write of `path`, and its folder probe, go through:
// "FILE.tmp.PID", FILE `path` behind its links. What a stop that ends a run at once removes.
std::string TemporaryFileOf(const std::string& path);
// The file `path` names once the symbolic links it is (its last part) are followed, each relative
// one read from the link's folder; `path` itself when it is no link. The atomic write, its probe and
// the machine log go there, so a linked file is rewritten, not replaced by a file where the link was.
std::string FileBehindLinks(const std::string& path);
// Whether `path` names an open file descriptor rather than a file: it, or a link it leads through,
// is an entry of a process's descriptor folder (/proc/PID/fd/N, reached as /dev/stdin, /dev/fd/N or
// /proc/self/fd/N). Followed, such a name reaches whatever the descriptor holds (the file a shell
// redirected from, `< m.yaml`), which no one named to be rewritten.
bool NamesADescriptor(const std::string& path);
// Whether two paths name one existing file (the same device and inode).
bool SameFile(const std::string& a, const std::string& b);
// Whether two paths are one name, whether or not the file exists yet: the same path once made
// absolute, its symbolic links and dot parts resolved ("r.xml" and "./r.xml"). Two hard links are
// two names: an atomic write of one replaces that name and leaves the other the old file.
bool SamePath(const std::string& a, const std::string& b);

}  // namespace fakes
