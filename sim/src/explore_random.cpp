// ExploreRandom: one case's random stream, the same on every machine (explore.h).
#include <limits>

#include "sim/explore.h"

namespace sim {
namespace {

// SplitMix64 (Steele, Lea, Flood 2014): spreads a seed and a case number over the engine's seed,
// so neighbouring cases start far apart.
uint64_t SplitMix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

ExploreRandom::ExploreRandom(uint64_t seed, uint64_t index) : engine_(SplitMix(SplitMix(seed) ^ index)) {}

uint64_t ExploreRandom::Below(uint64_t n) {
  // Rejection of the top partial range keeps every value equally likely.
  const uint64_t max = std::numeric_limits<uint64_t>::max();
  const uint64_t limit = max - max % n;
  uint64_t x = engine_();
  while (x >= limit) x = engine_();
  return x % n;
}

bool ExploreRandom::Chance(int percent) { return static_cast<int>(Below(100)) < percent; }

}  // namespace sim
