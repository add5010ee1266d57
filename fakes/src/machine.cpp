#include "fakes/machine.h"

#include <cassert>

namespace fakes {

uint64_t Machine::NextRandom() {
  // SplitMix64 (Steele, Lea, Flood 2014): small, fast, and every state gives a full stream.
  uint64_t z = (state_.rng_state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

void Machine::MarkFound(std::shared_ptr<const MachineState> found) {
  assert(found && *found == state_ && "MarkFound(found): the caller's state must equal the machine's");
  found_ = Found{.rng_state = state_.rng_state, .clock = state_.clock, .state = std::move(found)};
}

void Machine::KeepFound() {
  auto kept = std::make_shared<MachineState>(state_);
  kept->rng_state = found_->rng_state;
  kept->clock = found_->clock;
  found_->state = std::move(kept);
}

bool Machine::Changed() const {
  if (!found_) return false;
  if (found_->state) return state_ != *found_->state;
  return state_.rng_state != found_->rng_state || state_.clock != found_->clock;
}

}  // namespace fakes
