// What the long-running subcommands (sweep, explore) share on the command line: a progress bar
// drawn on standard error when it is a terminal, and GoogleTest's sharding variables.
//
//   if (auto shard = sim::cli::ShardFromEnvironment()) { o.shard_count = shard->count; o.shard_index = shard->index; }
//   if (sim::cli::StderrIsTerminal()) o.progress = sim::cli::DrawProgress;
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace sim::cli {

struct Shard {
  size_t count = 1;
  size_t index = 0;
};

// GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX, when both are set, numeric and consistent.
std::optional<Shard> ShardFromEnvironment();

bool StderrIsTerminal();

// "[#####    ] 12/40 cases" on standard error, redrawn in place; with total 0 (no end known,
// e.g. explore --seconds) only the count. A line end once done reaches a known total.
void DrawProgress(uint64_t done, uint64_t total);

}  // namespace sim::cli
