// What the long-running subcommands (sweep, explore) share on the command line: a progress bar
// drawn on standard error when it is a terminal, and GoogleTest's sharding variables.
//
//   sim::cli::ShardSetting sharding = sim::cli::ShardFromEnvironment();
//   if (!sharding.error.empty()) return sim::cli::SayInputError(json, sharding.error);   // exit 2
//   if (sharding.shard) { o.shard_count = sharding.shard->count; o.shard_index = sharding.shard->index; }
//   if (sim::cli::StderrIsTerminal()) o.progress = sim::cli::DrawProgress;
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace sim::cli {

struct Shard {
  size_t count = 1;
  size_t index = 0;
};

// What the environment asks: no sharding (neither variable set), a shard, or why the variables
// make no sense, in GoogleTest's rules: both or neither set, each a whole number, the index below
// the total (a test binary dies on anything else; these tools say it as a usage error, exit 2,
// rather than run a part of the cases or all of them and say "0 violations"). A shard also
// creates the file GTEST_SHARD_STATUS_FILE names, if set (the protocol's acknowledgement to the
// runner); one that cannot be created is an error too.
struct ShardSetting {
  std::optional<Shard> shard;
  std::string error;  // "GTEST_TOTAL_SHARDS: '-1' is not a whole number"; empty when fine
};
ShardSetting ShardFromEnvironment();

bool StderrIsTerminal();

// "[#####    ] 12/40 cases" on standard error, redrawn in place; with total 0 (no end known,
// e.g. explore --seconds) only the count. A line end once done reaches a known total.
void DrawProgress(uint64_t done, uint64_t total);

}  // namespace sim::cli
