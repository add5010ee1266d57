// The fault sweep's pieces shared between its files (sweep.cpp, sweep_episode.cpp, sweep_recovery.cpp,
// sweep_as_found.cpp, sweep_journal_read.cpp, sweep_ends.cpp): one fixer run of an episode, the recoveries already run,
// which a later case reaching the same machine with the same faults to come takes instead of running them again, and
// the ends episodes reached, whose checks a later episode ending on an equal machine takes.
//
//   sim::sweep::RecoveryCache cache;
//   sim::sweep::RecoveryKey key{"resume", "resume", 1, sim::sweep::FaultsAfter(faults, calls)};
//   if (const sim::sweep::Recovery* r = cache.Find(machine.state(), key)) { /* r->runs, r->end */ }
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "fakes/state.h"
#include "sim/expectations.h"
#include "sim/invariants.h"
#include "sim/machine_diff.h"
#include "sim/sweep.h"

namespace sim::sweep {

// A cheap summary of what a fixer run changes most (the journal, the event log, the services,
// the accounts, the random stream and the clock): machines that differ here need no comparison.
uint64_t Fingerprint(const fakes::MachineState& s);
// The same summary but for the journal, and field by field equal but for the journal.
uint64_t FingerprintButJournal(const fakes::MachineState& s);
bool SameButJournal(const fakes::MachineState& a, const fakes::MachineState& b);
// Field by field, and a journal's recorded grants null or not as well: JournalRecord's == counts
// a null list equal to an empty one (a state file does not tell them apart), a run in memory can.
bool SameMachine(const fakes::MachineState& a, const fakes::MachineState& b);

// What an episode's checks read of its end machine alone (with the apply's machine as found and
// its clean apply's statuses, the same for all its episodes): a pure function of that machine,
// so an episode ending on a machine equal to an earlier one's takes these instead of working
// them out again. Most episodes of a sweep end where an earlier one did (repaired, or undone).
struct EndOfEpisode {
  std::shared_ptr<const fakes::MachineState> machine;
  std::map<std::string, int> statuses;  // what each application answers there (StatusOfEveryApp)
  bool fixed = false;                   // every application the clean apply brings to 200 answers 200
  // The invariants that compare the end with the machine as found: services, grants, widened,
  // worker password, site, in that order.
  std::vector<CheckResult> checks;
  // FirstDifference from the machine as found, worked out once per end that is not fixed (of a fixed
  // one it costs a whole diff, and only a rollback or an exit 1 ending there reads it): what an end
  // not fixed is checked against, and what exit 1 "failed-restored" promises (ExitCodePromises).
  std::optional<Change> difference;
  std::optional<SecretSearch> secrets;  // the passwords no text may hold, and whether the records hold one
  bool secret_in_clean_text = false;    // in the clean apply's transcript, which every cut short apply shows
};

// The distinct ends one apply's episodes reached (the first kMaxEnds), shared by the workers.
//
//   if (std::shared_ptr<const EndOfEpisode> end = ends.Find(machine.state())) { /* end->checks */ }
class EndCache {
 public:
  std::shared_ptr<const EndOfEpisode> Find(const fakes::MachineState& machine) const;
  void Keep(std::shared_ptr<const EndOfEpisode> end);
  void Clear();  // once the apply's last case ran: its ends are the sweep's largest memory

 private:
  struct Entry {
    uint64_t fingerprint = 0;
    std::shared_ptr<const EndOfEpisode> end;
  };
  mutable std::mutex mutex_;
  std::vector<Entry> entries_;
};

// One fixer run of an episode.
struct RunOutcome {
  std::string command;
  uint64_t consumed = 0;  // mutating calls of the episode before this run
  int exit_code = 0;
  std::string outcome;
  std::shared_ptr<const std::string> text;  // its transcript (a cut short run shares the whole run's)
  std::vector<fakes::MutationEvent> trace;  // its mutating calls, numbered over the episode
  std::vector<CheckResult> promises;        // the exit-code promises it broke (ExitCodePromises)
  // After an exit 0 or 1, which end the episode: where it ended (an earlier episode's equal end, or
  // worked out there), which its exit-code promise read.
  std::shared_ptr<const EndOfEpisode> end;
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

// The runs of one recovery (consumed and trace numbered from its start: 0) and where it ended.
struct Recovery {
  std::vector<RunOutcome> runs;
  std::shared_ptr<const EndOfEpisode> end;
};

// What the journal-read check (JournalReadPromises) found of each command (apply, resume,
// rollback, in that order): the checks that failed, and whether they hold for a machine equal but
// for its journal too: the run changed nothing and read no journal but the read that failed, so
// it never saw the records.
struct CommandChecks {
  std::vector<CheckResult> broken;
  bool shareable = false;
  std::string transcript;  // JournalAt::kFound only: what the run printed, for a replay
};
struct JournalReadResult {
  std::array<CommandChecks, 3> commands;
  bool AllShareable() const;
  bool AnyShareable() const;
  std::vector<CheckResult> Broken() const;  // every command's, in order
};

// The recoveries one worker ran for a group of one apply's cases (their first faults at a few
// neighbouring calls: they often leave the same machine, whatever the error), the latest 256 at
// most. Equal means equal field by field, so a recovery is taken only where running it again
// would give the same runs: no hash decides. `fingerprint` is always Fingerprint(start): the
// caller works it out once for the machine both of a case's recoveries start from.
class RecoveryCache {
 public:
  const Recovery* Find(const fakes::MachineState& start, uint64_t fingerprint, const RecoveryKey& key) const;
  // A kept start equal to `state`, so a second recovery from it shares it instead of a copy.
  std::shared_ptr<const fakes::MachineState> SameStart(const fakes::MachineState& state, uint64_t fingerprint) const;
  void Keep(std::shared_ptr<const fakes::MachineState> start, uint64_t fingerprint, RecoveryKey key, Recovery recovery);

  // The journal-read checks (JournalReadPromises) of a machine equal to `start` but for its
  // journal; `fingerprint` is FingerprintButJournal(start).
  const JournalReadResult* FindJournalRead(const fakes::MachineState& start, uint64_t fingerprint) const;
  void KeepJournalRead(std::shared_ptr<const fakes::MachineState> start, uint64_t fingerprint,
                       JournalReadResult result);

 private:
  struct Entry {
    uint64_t fingerprint = 0;
    std::shared_ptr<const fakes::MachineState> start;
    RecoveryKey key;
    Recovery recovery;
  };
  struct JournalReadEntry {
    uint64_t fingerprint = 0;
    std::shared_ptr<const fakes::MachineState> start;
    JournalReadResult result;
  };
  std::vector<Entry> entries_;
  std::vector<JournalReadEntry> journal_reads_;
};

// The faults after episode call `consumed`, numbered from there.
std::vector<SweepFault> FaultsAfter(const std::vector<SweepFault>& faults, uint64_t consumed);

// Where the journal-read check runs: on a journal a fault left pending, which every command must
// meet; or on the machine an apply step finds, where a command that stops before it reads the
// journal (an apply refused: not an administrator) has nothing to check.
enum class JournalAt { kPending, kFound };

// The promises of apply, resume and rollback whose first journal read fails (5, as a journal file
// locked or denied answers), run on `machine`, which equals `as_is` (a copy, which it equals again
// on return): a read failed, no input error: exit 3 (`diagnose-failed`), the machine exactly as it
// was, the error named. `episode_found`: what the episode's apply found; `decorate` wraps each
// run's ports as the sweep's other runs; `but_journal`: the result of a machine equal but for its
// journal, whose shareable commands are taken instead of run.
JournalReadResult JournalReadPromises(fakes::Machine& machine, const fakes::MachineState& as_is,
                                      const fakes::MachineState* episode_found, const fixer::Options& options,
                                      const PortsDecoratorFactory& decorate,
                                      const JournalReadResult* but_journal = nullptr,
                                      JournalAt at = JournalAt::kPending);

}  // namespace sim::sweep
