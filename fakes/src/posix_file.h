// The POSIX file helpers the atomic writer and the machine log share. Private to fakes/src.
//
//   if (!fakes::WriteAll(fd, text)) return fakes::FromErrno(errno);
//   fakes::SyncDirectoryOf("machines/xp.yaml");   // makes a rename or unlink in machines/ durable
#pragma once

#include <string>
#include <string_view>

#include "fixer/result.h"

namespace fakes {

// The Windows error a failed file operation would have given (fixer::WinErrorOfErrno).
fixer::Status FromErrno(int err);
// write() until all of `text` is written; false with errno set on failure.
bool WriteAll(int fd, std::string_view text);
std::string DirectoryOf(const std::string& path);
// fsync of the directory holding `path`; best effort (the files themselves are complete).
void SyncDirectoryOf(const std::string& path);

}  // namespace fakes
