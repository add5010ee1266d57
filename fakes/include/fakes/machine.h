// Machine: one simulated Windows box: its state, its fault plan, and its clock and randomness.
//
// Subsystems (Sam, Lsa, Logon, Profiles, Scm, Objects, Sql, Products, EventLogs) are views over
// a Machine, each in its own file; adapters (adapters.h) implement the fixer's ports on them.
// Every mutating operation starts with Mutate(), so a FaultPlan can reach every change.
//
//   #include "fakes/fresh_install.h"
//   fakes::Machine m(fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 42}));
//   if (fixer::Status st = m.Mutate("sam.delete_user", "ASPNET"); st.ok()) m.state().sam.users.clear();
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "fakes/faults.h"
#include "fakes/state.h"

namespace fakes {

class Machine {
 public:
  Machine() = default;
  explicit Machine(MachineState state) : state_(std::move(state)) {}

  MachineState& state() { return state_; }
  const MachineState& state() const { return state_; }

  // Call before every change: counts and traces it, and applies the fault plan (may throw
  // PowerLoss). `target` names what is changed and must never hold a secret.
  fixer::Status Mutate(std::string_view op, std::string_view target) {
    if (found_ && !found_->state) KeepFound();
    if (before_mutation_) before_mutation_();
    return faults_.OnMutation(op, target);
  }
  // Before a change Windows makes as the side effect of a call that succeeded, one the model never
  // fails (a logon's last-logon time, docs/windows-reference.md#last-logon): kept for Changed(), as
  // Mutate does, but no mutating call: the fault plan's call numbers and the before-mutation hook
  // (the sweep's snapshot per call; a state file saves this change with the next one) stay as they were.
  void Bookkeep() {
    if (found_ && !found_->state) KeepFound();
  }
  // Changed() answers whether the state differs from what it is now (as a backend must say
  // whether a run changed anything). The state is kept only before the first mutation after
  // this call: a run that changes nothing (every diagnose) copies nothing. Only the clock and
  // the random stream change without a mutation (MachinePorts' Random), and they are kept here.
  void MarkFound() { found_ = Found{.rng_state = state_.rng_state, .clock = state_.clock, .state = nullptr}; }
  // The same, with `found` a state the caller holds and promises equal to state() now (checked
  // in debug builds): Changed() compares with it and nothing is copied.
  void MarkFound(std::shared_ptr<const MachineState> found);
  bool Changed() const;
  void ForgetFound() { found_.reset(); }  // a copy of this machine then copies no found state
  // Call before every read of a port: a read rule of the fault plan may fail it.
  fixer::Status Read(std::string_view op, std::string_view target) { return faults_.OnRead(op, target); }
  // Called at the start of every mutation, when every earlier change is complete: a tool
  // that keeps the machine in a file saves it here, so a kill leaves a consistent file.
  void set_before_mutation(std::function<void()> hook) { before_mutation_ = std::move(hook); }
  // Called once a journal record is appended (the Journal port's Append): a tool that keeps the
  // machine in a file makes the record durable here; its error fails the append, as a journal
  // file on a full disk fails it on Windows (the record taken back).
  void set_after_journal_append(std::function<fixer::Status()> hook) { after_journal_append_ = std::move(hook); }
  fixer::Status AfterJournalAppend() { return after_journal_append_ ? after_journal_append_() : fixer::Status(); }
  // A journal that cannot be read (a state file's log its permissions deny: the journal's records
  // are the log's): every Load of the Journal port answers this error, naming the file, after the
  // fault plan's read rules. Ok, the default: the journal reads.
  void set_journal_unreadable(fixer::Status error) { journal_unreadable_ = std::move(error); }
  const fixer::Status& journal_unreadable() const { return journal_unreadable_; }
  FaultPlan& faults() { return faults_; }
  void set_faults(FaultPlan plan) { faults_ = std::move(plan); }

  // The machine's own randomness (SplitMix64 over state.rng_state): deterministic per seed.
  uint64_t NextRandom();
  // The machine clock; Advance moves it forward (lockout durations, password ages).
  int64_t Now() const { return state_.clock; }
  void Advance(int64_t seconds) { state_.clock += seconds; }

 private:
  struct Found {
    uint64_t rng_state = 0;
    int64_t clock = 0;
    // As it was before the first mutation, with the marked rng_state and clock: copied then
    // (KeepFound), or the caller's from the start (MarkFound(found)). Null until either.
    std::shared_ptr<const MachineState> state;
  };
  void KeepFound();

  MachineState state_;
  std::optional<Found> found_;
  FaultPlan faults_;
  std::function<void()> before_mutation_;
  std::function<fixer::Status()> after_journal_append_;
  fixer::Status journal_unreadable_;
};

}  // namespace fakes
