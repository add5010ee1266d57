// Machine state files on disk: reading one, and saving one atomically (atomic_file.h).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "fakes/atomic_file.h"
#include "fakes/machine_yaml.h"

namespace fakes {
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
  text.reserve(static_cast<size_t>(st.st_size));  // one allocation: loading peaks at about 10x the file
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
  Loaded<MachineState> loaded = LoadMachineText(text, path);
  if (loaded.error) AttachSource(*loaded.error, text);
  return loaded;
}

fixer::Status SaveMachineFile(const MachineState& state, const std::string& path) {
  std::string text;
  try {
    text = MachineToText(state);
  } catch (const std::exception&) {
    return fixer::Status::Win(fixer::kErrorNotEnoughMemory);  // the emitter only fails on memory
  }
  return WriteFileAtomically(path, text);
}

}  // namespace fakes
