// Where a benchmark that writes files writes them: a folder of this process's own under
// $FIXUP_BENCH_DIR, else under the system's temp directory. The caller removes it.
//
//   const std::filesystem::path dir = bench::BenchDir("fixup_state_file_bench");
//   std::filesystem::remove_all(dir);
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace bench {

inline std::filesystem::path BenchDir(const std::string& name) {
  const char* dir = std::getenv("FIXUP_BENCH_DIR");
  const std::filesystem::path base =
      dir != nullptr ? std::filesystem::path(dir) : std::filesystem::temp_directory_path();
  std::filesystem::path out = base / (name + "_" + std::to_string(::getpid()));
  std::filesystem::create_directories(out);
  return out;
}

}  // namespace bench
