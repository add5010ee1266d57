#include "fakes/machine.h"

namespace fakes {

uint64_t Machine::NextRandom() {
  // SplitMix64 (Steele, Lea, Flood 2014): small, fast, and every state gives a full stream.
  uint64_t z = (state_.rng_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

}  // namespace fakes
