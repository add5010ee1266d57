// The fault sweep's targets and episodes (sweep.cpp runs them, sweep_episode.cpp plays them): a
// `fixer: apply` step with the machine it finds, and an episode of it: the apply with its faults,
// then the operator's recovery (resume, or rollback), each run's machines kept where a pair case
// starts from them.
//
//   sim::sweep::Applied applied = sim::sweep::RunApply(target, faults, true, true, decorate);
//   sim::sweep::RecoveryStart start;
//   start.machine.emplace(std::move(applied.machine));
//   sim::sweep::Episode e = sim::sweep::Recover(target, std::move(applied.run), start, faults, "resume", decorate,
//                                               false, false, nullptr);
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakes/machine.h"
#include "fakes/state.h"
#include "fixer/options.h"
#include "sim/fixer_session.h"
#include "sim/invariants.h"
#include "sim/plan_text.h"
#include "sim/sweep.h"
#include "sweep_before_call.h"
#include "sweep_detail.h"

namespace sim::sweep {

// One `fixer: apply` step of a scenario, with the machine as that step finds it.
struct Target {
  std::string file;
  size_t step = 0;
  fixer::Options options;
  std::vector<std::string> known_secrets;
  // What its cases read, let go with its last group (GroupDone) as the snapshots and ends are:
  mutable std::shared_ptr<const fakes::MachineState> found;  // shared: each apply's run compares with it, no copy
  mutable std::map<std::string, int> found_statuses;         // what each app answered before the fixer ran
  mutable std::map<std::string, int> fixed_statuses;         // what the clean apply leaves each app answering
  mutable std::vector<fakes::MutationEvent> clean_trace;
  mutable std::shared_ptr<const std::string> clean_text;  // the clean apply's transcript
  // Its diagnosis and plan as its transcript prints them (app::RenderRunHead): an apply works both
  // out before its first change, so every apply of `found` prints these, whatever its faults.
  // None when the clean apply printed no result: an apply's head is then rendered whole.
  mutable std::optional<std::string> clean_head;
  // What its clean apply diagnosed: an apply of `found` with faults (at mutating calls only) reads
  // the same, so it takes this (fixer::Fixer::UseDiagnosisAsFound) instead of reading it again.
  mutable std::shared_ptr<const fixer::Diagnosis> diagnosis;
  mutable PlanTextOnce recovery_plan;  // what its resume and rollback runs print as their plan
  // The clean apply itself ends not restored (a recreate whose site cannot answer once the old
  // account is gone): exit 4 is then what an episode of it may end with too.
  bool clean_not_restored = false;
  // The machine just before each mutating call of the clean apply: what an apply with no earlier
  // fault leaves when the power goes at that call. Recorded a window at a time by the first case
  // that reads it (BeforeCall), not with the clean apply: every target's at once made the
  // sweep's peak memory, and a page fault for each of its pages. In a single-fault sweep only
  // the case of that power loss reads an element, and takes it (each is one worker's: mutable).
  mutable sweep::BeforeCallWindows before_call;
  mutable std::optional<GrantWidening> widening;  // NoGrantWidened against `found`, worked out once
  mutable sweep::EndCache ends;                   // where its episodes ended, with what their checks read there
  mutable std::atomic<size_t> groups_left{0};     // of its cases' groups (CallGroups), still to run
  // An earlier target of the sweep that finds an equal machine with the same options and known
  // secrets: a case is a pure function of those, so that target's cases stand for this one's,
  // and its violations are reported again under this one's file and step (SameTargets).
  const Target* same_as = nullptr;

  // After its last group: what only its cases read is let go (the sweep's memory would hold every
  // target's, and take a page fault for each new page; a later target's machines take its pages).
  // Only `file` and `step` are read after that (the report).
  void GroupDone() const {
    if (--groups_left > 0) return;
    LetGo();
  }
  void LetGo() const {
    ends.Clear();
    before_call.Clear();
    found.reset();
    found_statuses.clear();
    fixed_statuses.clear();
    clean_trace.clear();
    clean_trace.shrink_to_fit();
    clean_text.reset();
    clean_head.reset();
    diagnosis.reset();
    recovery_plan.Clear();
    widening.reset();
  }
};

struct Case {
  const Target* target = nullptr;
  std::vector<SweepFault> faults;
};

// The episode calls whose snapshots are kept, from..upto: a window of
// SweepOptions::snapshot_window_calls, so a single case's pair cases hold that many machines at
// once, not one per call of a long episode (a recreate of a large machine); a pair case past the
// window records the next one by running its single case again.
struct SnapshotCalls {
  uint64_t from = 1, upto = UINT64_MAX;
};
// None: without power losses no pair case starts from a snapshot (a second fault's error runs
// its run again).
constexpr SnapshotCalls kNoSnapshots{.from = 1, .upto = 0};

// The machines one run passed through, kept while a single case's pair cases run: a pair case
// whose second fault falls in this run starts from them instead of running the episode again.
struct RunSnapshots {
  std::shared_ptr<const fakes::MachineState> start;  // what the run found
  uint64_t first = 1;                                // before[i] is the machine just before episode call first + i
  uint64_t last = UINT64_MAX;                        // ... up to this call: no pair case names a later one
  // Shared: a RecoveryCache may keep one of the apply's. A recovery run's are each read by one pair
  // case (a power loss at that call), which takes it (ResumeFromSnapshot).
  std::vector<std::shared_ptr<fakes::MachineState>> before;
};

// An apply and the operator's recovery (resume, or rollback then resume if rollback cannot go
// back), with the faults numbered over the whole episode.
struct Episode {
  std::vector<RunOutcome> runs;             // the apply first
  std::vector<RunSnapshots> snapshots;      // beside runs when recorded (the apply's stays empty)
  std::shared_ptr<const EndOfEpisode> end;  // shared with the target's EndCache and the recovery cache
  bool reused = false;                      // its recovery runs are an earlier case's (RecoveryCache), not run again

  int exit_code() const { return runs.back().exit_code; }
  const std::string& outcome() const { return runs.back().outcome; }
  uint64_t calls() const { return runs.back().consumed + runs.back().trace.size(); }
  bool unchecked() const {
    return std::any_of(runs.begin(), runs.end(), [](const RunOutcome& r) { return r.unchecked; });
  }
  const fakes::MutationEvent* Call(uint64_t call) const {
    for (const RunOutcome& r : runs)
      if (call > r.consumed && call <= r.consumed + r.trace.size()) return &r.trace[call - r.consumed - 1];
    return nullptr;
  }
};

// What a case's apply left, run once and shared by its episode with resume and with rollback.
struct Applied {
  RunOutcome run;
  fakes::MachineState machine;
};

// The machine an episode's recovery starts from: `machine` and `spare` to run on (each taken
// once: the resume episode's and the rollback's), and `kept`, a shared copy a cache keys its
// recoveries by, copied when taken.
struct RecoveryStart {
  std::optional<fakes::Machine> machine;
  std::optional<fakes::MachineState> spare;
  std::shared_ptr<const fakes::MachineState> kept;
  // Fingerprint(Now()), the same whichever of the above holds it: worked out once for both recoveries.
  std::optional<uint64_t> fingerprint;

  const fakes::MachineState& Now() const { return machine ? machine->state() : spare ? *spare : *kept; }
  uint64_t Fingerprint() {
    if (!fingerprint) fingerprint = sweep::Fingerprint(Now());
    return *fingerprint;
  }
  fakes::Machine Take() {
    std::optional<fakes::Machine> m;
    if (machine) {
      m.emplace(std::move(*machine));
      machine.reset();
    } else if (spare) {
      m.emplace(std::move(*spare));
      spare.reset();
    } else {
      m.emplace(*kept);
    }
    return std::move(*m);
  }
  // Keeps a shared copy of the machine (a cache's equal one when it holds one: no copy).
  void Keep(const RecoveryCache* cache) {
    if (cache) kept = cache->SameStart(Now(), Fingerprint());
    if (!kept) kept = std::make_shared<const fakes::MachineState>(Now());
  }
};

// A case's apply: from the clean apply's machine before its first fault's call where that is a
// power loss with no fault before it (`from_snapshot`; moved out when `last_reader`), else run
// from the machine as found. With `snapshots`, the apply keeps the machine before each of its
// calls from `record_from` on, for the pair cases.
Applied RunApply(const Target& t, const std::vector<SweepFault>& faults, bool from_snapshot, bool last_reader,
                 const PortsDecoratorFactory& decorate, RunSnapshots* snapshots = nullptr, uint64_t record_from = 1);

// The operator's recovery after the apply `apply`, from `start` (what it left), with the faults
// numbered over the whole episode; recorded with snapshots (`record`, in `window`), run on
// copies of each machine found (`copy_found`), or shared through `cache`.
Episode Recover(const Target& t, RunOutcome apply, RecoveryStart& start, const std::vector<SweepFault>& faults,
                const std::string& recovery, const PortsDecoratorFactory& decorate, bool record, bool copy_found,
                RecoveryCache* cache, SnapshotCalls window = {});

// The episode of a pair case whose second fault falls in a recovery run of `recorded` (its first
// fault's episode); nothing when it falls after that episode's last call.
std::optional<Episode> ResumeFromSnapshot(const Target& t, Episode& recorded, const std::vector<SweepFault>& faults,
                                          const std::string& recovery, const PortsDecoratorFactory& decorate);

// `cut` stopped by a power loss at episode call `call` (one of its own): its transcript and calls
// up to there, no report and no promise.
RunOutcome CutShort(const RunOutcome& cut, uint64_t call);

// "sam.set_password ASPNET": a mutating call's op and target.
std::string CallText(const fakes::MutationEvent& call);

// "fail@7=5 sam.set_password ASPNET; crash@9 (not reached)": each fault's op and target.
std::string FaultPlaces(const std::vector<SweepFault>& faults, const Episode& e);

}  // namespace sim::sweep
