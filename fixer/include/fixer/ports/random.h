// Random and Clock: injected randomness and time, never global.
//
// Real backend: CryptGenRandom and GetSystemTimeAsFileTime. Tests and the simulator pass a
// seeded generator so every run replays exactly.
//
//   uint32_t i = fixer::UniformBelow(random, 62);   // an index into an alphabet
#pragma once

#include <cstdint>

namespace fixer {

class Random {
 public:
  virtual ~Random() = default;
  virtual uint64_t Next() = 0;  // 64 uniformly random bits
};

// Uniform in [0, n), n > 0, without modulo bias.
uint32_t UniformBelow(Random& random, uint32_t n);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t NowSeconds() = 0;  // seconds since the Unix epoch
};

}  // namespace fixer
