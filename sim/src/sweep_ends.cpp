// The ends an apply's episodes reached (sweep_detail.h): found by equality of the machine, never
// by a hash alone, so an episode takes the checks of an end only where working them out again
// would give the same.
#include <mutex>

#include "sweep_detail.h"

namespace sim::sweep {
namespace {

// What one apply keeps at most: its few usual ends (repaired, undone) come early; a pair sweep's
// rarer ones are checked each time rather than held.
constexpr size_t kMaxEnds = 32;

}  // namespace

std::shared_ptr<const EndOfEpisode> EndCache::Find(const fakes::MachineState& machine) const {
  const uint64_t fingerprint = Fingerprint(machine);
  std::vector<std::shared_ptr<const EndOfEpisode>> candidates;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const Entry& e : entries_)
      if (e.fingerprint == fingerprint) candidates.push_back(e.end);
  }
  for (std::shared_ptr<const EndOfEpisode>& end : candidates)  // compared outside the lock: kept ends never change
    if (SameMachine(*end->machine, machine)) return std::move(end);
  return nullptr;
}

void EndCache::Keep(std::shared_ptr<const EndOfEpisode> end) {
  const uint64_t fingerprint = Fingerprint(*end->machine);
  std::lock_guard<std::mutex> lock(mutex_);
  if (entries_.size() < kMaxEnds) entries_.push_back({fingerprint, std::move(end)});
}

void EndCache::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  entries_.clear();
  entries_.shrink_to_fit();
}

}  // namespace sim::sweep
