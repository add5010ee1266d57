#include "cli_progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sim::cli {
namespace {

std::optional<size_t> EnvNumber(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return std::nullopt;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(v, &end, 10);
  if (*end != '\0') return std::nullopt;
  return static_cast<size_t>(n);
}

}  // namespace

std::optional<Shard> ShardFromEnvironment() {
  const auto total = EnvNumber("GTEST_TOTAL_SHARDS"), index = EnvNumber("GTEST_SHARD_INDEX");
  if (!total || !index || *total == 0 || *index >= *total) return std::nullopt;
  return Shard{*total, *index};
}

bool StderrIsTerminal() { return ::isatty(STDERR_FILENO) != 0; }

void DrawProgress(uint64_t done, uint64_t total) {
  const auto n = [](uint64_t v) { return static_cast<unsigned long long>(v); };
  if (total == 0) {
    std::fprintf(stderr, "\r%llu cases", n(done));
  } else {
    constexpr int kWidth = 40;
    const std::string bar(static_cast<size_t>(kWidth * done / total), '#');
    std::fprintf(stderr, "\r[%-*s] %llu/%llu cases", kWidth, bar.c_str(), n(done), n(total));
    if (done == total) std::fputc('\n', stderr);
  }
  std::fflush(stderr);
}

}  // namespace sim::cli
