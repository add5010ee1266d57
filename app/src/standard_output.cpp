// FlushStandardOutput (app/standard_output.h).
#include "app/standard_output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

namespace app {

bool FlushStandardOutput(std::string_view tool) {
  std::cout.flush();
  errno = 0;
  const bool flushed = std::fflush(stdout) == 0;
  const int error = errno;
  if (flushed && !std::ferror(stdout) && std::cout.good()) return true;
  const std::string reason = error != 0 ? std::strerror(error) : "a write failed";
  std::cerr << tool << ": standard output: cannot write: " << reason << "\n";
  return false;
}

}  // namespace app
