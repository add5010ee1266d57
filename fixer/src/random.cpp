#include "fixer/ports/random.h"

namespace fixer {

uint32_t UniformBelow(Random& random, uint32_t n) {
  // Rejection sampling: drop draws from the incomplete last block of 2^64 mod n values.
  const uint64_t limit = UINT64_MAX - (UINT64_MAX % n);
  uint64_t v;
  do v = random.Next();
  while (v >= limit);
  return static_cast<uint32_t>(v % n);
}

}  // namespace fixer
