#include "cli_progress.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
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
