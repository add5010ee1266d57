// The fault sweep's pieces shared between its files (sweep.cpp, sweep_recovery.cpp): one fixer
// run of an episode, and the recoveries already run, which a later case reaching the same
// machine with the same faults to come takes instead of running them again.
//
//   sim::sweep::RecoveryCache cache;
//   sim::sweep::RecoveryKey key{"resume", "resume", 1, sim::sweep::FaultsAfter(faults, calls)};
//   if (const sim::sweep::Recovery* r = cache.Find(machine.state(), key)) { /* r->runs, r->end */ }
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakes/state.h"
#include "sim/expectations.h"
#include "sim/sweep.h"

namespace sim::sweep {

// One fixer run of an episode.
struct RunOutcome {
  std::string command;
  uint64_t consumed = 0;  // mutating calls of the episode before this run
  int exit_code = 0;
  std::string outcome;
  std::string text;                                    // its transcript
  std::vector<fakes::MutationEvent> trace;             // its mutating calls, numbered over the episode
  std::vector<CheckResult> promises;                   // the exit-code promises it broke (ExitCodePromises)
  std::optional<std::map<std::string, int>> statuses;  // after an exit 0, which ends the episode
  // Exit 3 after a change, with no copy of the machine it found to compare: the case runs
  // again with copies (a recovery run copies the machine it finds only then: nearly never).
  bool unchecked = false;
};

// What a recovery depends on besides the machine it starts from. A fixer run is a pure function of
// the machine it finds, its command and its fault plan (the machine's clock and random stream are
// in its state; SweepOptions::decorate must be as pure), so the operator's runs from there on are
// too: the recovery ("resume" or "rollback", which picks the command after an exit 4), the runs
// the episode already holds (an operator stops retrying after a few) and the faults still to come,
// numbered from there.
struct RecoveryKey {
  std::string command;
  std::string recovery;
  size_t runs_before = 0;
  std::vector<SweepFault> faults;
};

// The runs of one recovery (consumed and trace numbered from its start: 0), the machine it left
// and what each application answers there.
struct Recovery {
  std::vector<RunOutcome> runs;
  std::shared_ptr<const fakes::MachineState> end;
  std::map<std::string, int> statuses;
};

// The recoveries one worker ran for a group of one apply's cases (their first faults at a few
// neighbouring calls: they often leave the same machine, whatever the error), the latest 256 at
// most. Equal means equal field by field, so a recovery is taken only where running it again
// would give the same runs: no hash decides.
class RecoveryCache {
 public:
  const Recovery* Find(const fakes::MachineState& start, const RecoveryKey& key) const;
  // A kept start equal to `state`, so a second recovery from it shares it instead of a copy.
  std::shared_ptr<const fakes::MachineState> SameStart(const fakes::MachineState& state) const;
  void Keep(std::shared_ptr<const fakes::MachineState> start, RecoveryKey key, Recovery recovery);

 private:
  struct Entry {
    uint64_t fingerprint = 0;
    std::shared_ptr<const fakes::MachineState> start;
    RecoveryKey key;
    Recovery recovery;
  };
  std::vector<Entry> entries_;
};

// The faults after episode call `consumed`, numbered from there.
std::vector<SweepFault> FaultsAfter(const std::vector<SweepFault>& faults, uint64_t consumed);

}  // namespace sim::sweep
