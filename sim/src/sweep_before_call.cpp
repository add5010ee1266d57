// BeforeCallWindows (sweep_before_call.h): the clean apply's machines, a window at a time.
#include "sweep_before_call.h"

namespace sim::sweep {

void BeforeCallWindows::Expect(uint64_t lo, uint64_t hi) {
  if (lo == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  for (uint64_t k = IndexOf(lo); k <= IndexOf(hi); ++k) ++windows_[k].readers;
}

void BeforeCallWindows::Done(uint64_t lo, uint64_t hi) {
  if (lo == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  for (uint64_t k = IndexOf(lo); k <= IndexOf(hi); ++k) {
    auto it = windows_.find(k);
    if (it != windows_.end() && --it->second.readers == 0) windows_.erase(it);  // a case still reading holds it
  }
}

BeforeCallWindows::Slot BeforeCallWindows::Before(uint64_t call, const Record& record) {
  if (call == 0) return {};
  const uint64_t k = IndexOf(call);
  std::shared_ptr<Window> window;
  {
    // Recorded under the lock: a second worker asking for the same window waits for it instead
    // of running the apply again; the workers read different windows only at a window's edge.
    std::lock_guard<std::mutex> lock(mutex_);
    Entry& entry = windows_[k];
    if (!entry.window) {
      entry.window = std::make_shared<Window>();
      entry.window->first = k * kCallsPerWindow + 1;
      entry.window->before = record(entry.window->first, entry.window->first + kCallsPerWindow - 1);
    }
    window = entry.window;
  }
  const uint64_t i = call - window->first;
  if (i >= window->before.size()) return {};
  return {window, &window->before[i]};
}

void BeforeCallWindows::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  windows_.clear();
}

}  // namespace sim::sweep
