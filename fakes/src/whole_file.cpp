#include "fakes/whole_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fakes {

int ReadWholeFile(const std::string& path, std::string& text) {
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
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
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

std::string ReadErrorText(int err) {
  if (err == kNotARegularFile) return "not a regular file (a device, a pipe or a socket)";
  return std::strerror(err);
}

}  // namespace fakes
