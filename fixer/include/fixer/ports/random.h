// Random: injected randomness, never global.
//
// Real backend: CryptGenRandom. Tests and the simulator pass a seeded generator so every run
// replays exactly.
//
//   fixer::Random& random = ports.random;
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

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class RandomWrapper : public Random {
 public:
  explicit RandomWrapper(Random& target) : target_(target) {}
  Random& target() { return target_; }
  uint64_t Next() override { return target_.Next(); }

 private:
  Random& target_;
};

}  // namespace fixer
