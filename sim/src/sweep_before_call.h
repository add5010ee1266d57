// The machine a target's clean apply had just before each of its mutating calls: where a power
// loss at that call with no earlier fault leaves the machine, so the sweep's case for it starts
// there instead of running the apply again up to that call. Recorded a window of
// kCallsPerWindow calls at a time, by running the clean apply again, and let go as soon as every
// group of cases that reads a window is done: the sweep's memory is then bounded by the windows
// its workers read at once, not by an apply's calls times its machine (a recreate on a machine of
// 800 files makes about 1,700 calls; every snapshot at once took 280 MB).
//
//   sim::sweep::BeforeCallWindows windows;
//   windows.Expect(1, 8);  // a group of cases whose first faults fall at calls 1 to 8 will run
//   auto slot = windows.Before(3, [&](uint64_t first, uint64_t last) { return RecordClean(first, last); });
//   if (slot.machine && *slot.machine) { /* the machine before call 3; std::move it to take it */ }
//   windows.Done(1, 8);    // that group ran: a window no other group reads is let go
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "fakes/state.h"

namespace sim::sweep {

class BeforeCallWindows {
 public:
  // The suite's applies make fewer calls than this, so each records once, as the whole apply
  // did before windows; a large machine's apply is recorded again once per window it spans.
  static constexpr uint64_t kCallsPerWindow = 64;

  // The machines before calls first..last (1-based), in order; fewer when the apply makes fewer calls.
  using Machines = std::vector<std::optional<fakes::MachineState>>;
  using Record = std::function<Machines(uint64_t first, uint64_t last)>;

  struct Window {
    uint64_t first = 1;
    Machines before;
  };
  // `machine` points into `window`, which the caller holds while it reads (or takes) the machine;
  // null past the apply's last call.
  struct Slot {
    std::shared_ptr<Window> window;
    std::optional<fakes::MachineState>* machine = nullptr;
  };

  // A group of cases whose first faults fall at calls lo..hi is to run / has run (1-based;
  // lo == 0 for a group with no call, which reads no window).
  void Expect(uint64_t lo, uint64_t hi);
  void Done(uint64_t lo, uint64_t hi);

  // The machine before `call`, its window recorded by `record` the first time a case asks for
  // it. Safe on several threads; each element is read, or taken, by one case at a time.
  Slot Before(uint64_t call, const Record& record);

  void Clear();

 private:
  struct Entry {
    size_t readers = 0;  // groups expected to read the window and not yet done
    std::shared_ptr<Window> window;
  };
  static uint64_t IndexOf(uint64_t call) { return (call - 1) / kCallsPerWindow; }

  std::mutex mutex_;
  std::map<uint64_t, Entry> windows_;  // by IndexOf
};

}  // namespace sim::sweep
