#include "cli_progress.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "fixer/quoted_value.h"
#include "sim/whole_number.h"

namespace sim::cli {
namespace {

// A sharding variable: unset (nullopt in `value`), a whole number, or why not.
struct EnvNumber {
  bool set = false;
  std::optional<size_t> value;
  std::string error;
};

EnvNumber ReadEnvNumber(const char* name) {
  const char* v = std::getenv(name);
  if (v == nullptr) return {};
  const std::optional<uint64_t> n = ParseWholeNumber(v);
  if (!n) return {true, std::nullopt, std::string(name) + ": " + fixer::QuotedValue(v) + " is not a whole number"};
  return {true, static_cast<size_t>(*n), ""};
}

// GoogleTest's third variable: a runner (Bazel's TEST_SHARD_STATUS_FILE) names a file that does
// not exist, and a program that shards creates it, else the runner takes each shard to have run
// every case (googletest's advanced guide, "Distributing Test Functions to Multiple Machines").
// The file is created as gtest's WriteToShardStatusFileIfNeeded does; why not, when it cannot be.
std::string AcknowledgeSharding() {
  const char* path = std::getenv("GTEST_SHARD_STATUS_FILE");
  if (path == nullptr || *path == '\0') return "";
  const int fd = ::open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return std::string("GTEST_SHARD_STATUS_FILE: ") + fixer::QuotedValue(path) +
           " cannot be created: " + std::strerror(errno);
  ::close(fd);
  return "";
}

}  // namespace

ShardSetting ShardFromEnvironment() {
  const EnvNumber total = ReadEnvNumber("GTEST_TOTAL_SHARDS"), index = ReadEnvNumber("GTEST_SHARD_INDEX");
  if (!total.set && !index.set) return {};
  if (!total.error.empty()) return {std::nullopt, total.error};
  if (!index.error.empty()) return {std::nullopt, index.error};
  if (!total.set || !index.set)
    return {std::nullopt, std::string(total.set ? "GTEST_TOTAL_SHARDS is set but GTEST_SHARD_INDEX is not"
                                                : "GTEST_SHARD_INDEX is set but GTEST_TOTAL_SHARDS is not") +
                              ": set both, or neither"};
  if (*index.value >= *total.value)
    return {std::nullopt, "GTEST_SHARD_INDEX=" + std::to_string(*index.value) +
                              " is not below GTEST_TOTAL_SHARDS=" + std::to_string(*total.value)};
  if (std::string error = AcknowledgeSharding(); !error.empty()) return {std::nullopt, error};
  return {Shard{*total.value, *index.value}, ""};
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
