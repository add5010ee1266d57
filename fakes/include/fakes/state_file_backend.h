// StateFileBackend: aspnet-fixer's backend for a machine state file (docs/machine-format.md),
// the fake machine's disk. The machine is loaded once, with its log (machine_log.h). While a
// mutating verb runs, each journal record the fixer writes is appended to the log together with
// every change made since the previous one, at the cost of those changes, and made durable
// before the next mutating call; a killed process leaves a file and log that load as the
// machine of the last journal record, from which resume or rollback continues. At the end the
// file is rewritten once (a checkpoint) and the log removed. The input file is rewritten only
// when the machine changed; with `out` set, the input is never written and `out` receives the
// machine as the verb leaves it (changed or not). A run that may change the machine (`changes`)
// locks the file it writes (`out` when given and it exists, else `path`) before loading it, and
// holds it to the end: a second such run is refused, 32 (state_file_lock.h); a run that changes
// nothing locks its `out` alike (never `path`, which it only reads). An `out` holding a repair
// that did not end (its journal or log: interrupted_repair.h) is refused, whatever the verb.
//
//   fakes::Loaded<std::unique_ptr<fakes::StateFileBackend>> opened = fakes::StateFileBackend::Open({.path = "m.yaml"});
//   if (!opened.ok()) logger->error("{}", opened.error->ToString());   // FILE:LINE:COL: ...
//   fixer::Backend& file = **opened.value;
//   fixer::Status saved = file.EndChanges();
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "fakes/machine.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_log.h"
#include "fakes/machine_yaml.h"
#include "fakes/state_file_lock.h"
#include "fixer/backend.h"

namespace fakes {

struct StateFileOptions {
  std::string path;                    // the machine file to load
  std::string out;                     // where to save; empty: `path` itself
  bool changes = false;                // the run may change the machine: it locks the file it writes (StateFileLock)
  uint64_t kill_at_mutation = 0;       // test hook: SIGKILL the process right before mutation N (after its log record)
  uint64_t interrupt_at_mutation = 0;  // test hook: raise SIGINT (as Ctrl-C) right before mutation N
  // Test hooks: raise this signal (SIGINT, SIGTERM) as the verb's work begins (a changing run's
  // BeginChanges, before its first change; CheckCanSave of a run that changes nothing), or as the
  // run saves the machine (EndChanges, before any write of it).
  int signal_before_changes = 0;
  int signal_before_save = 0;
  std::function<void()> after_append;  // test hook: called after each record the log appends
  // The name of a stop signal received (SIGINT ...), or null: a changing run then stops right after
  // its next journal record is durable, or before its first change (fixer::StopRequested).
  std::function<const char*()> stop_requested;
};

class StateFileBackend : public fixer::Backend {
 public:
  // The machine and its log. An `out` that cannot be written (a folder, a read-only file, a missing
  // or read-only folder, a loop of links: CheckCanWriteAtomically) is said by BeginChanges, or by
  // CheckCanSave before a verb that changes nothing, before the verb's work, as the machine file's
  // own is: a machine not written (aspnet-fixer's `not_written`, exit 2). Each in Windows' words,
  // as aspnet-fixer says every file error: "OUT: cannot be written: 5: Access is denied.". Refused
  // by Open, before anything is read: a file another run holds ("FILE: cannot open machine state
  // file: 32: ..."), and an `out` that holds a repair that did not end (interrupted_repair.h).
  static Loaded<std::unique_ptr<StateFileBackend>> Open(const StateFileOptions& options);

  fixer::Ports& ports() override { return memory_.ports(); }
  // Logs the changes at every later journal record; a record not written fails the journal's append.
  fixer::Status BeginChanges() override;
  // Checkpoints if the machine changed or the log holds records (always, to `out`); 5 / 3 / 112
  // style errors.
  fixer::Status EndChanges() override;
  // `out`, when given: whether it can be written (CheckCanWriteAtomically, in Windows' words).
  fixer::Status CheckCanSave() override;
  // Writes `text` (aspnet-fixer capture's machine file) to `out` (given) as EndChanges saves the
  // machine there: the lock this run holds on it moved to the new file, and a name it does not hold
  // (no file there at Open) taken only where no file has appeared since ("OUT: cannot write: 183:
  // Cannot create a file when that file already exists.", that file kept, no temporary file left).
  fixer::Status WriteOut(std::string_view text);
  bool Changed() const override { return memory_.Changed(); }
  // kToLastRecord when the last record (EndChanges') could not be written; else only the rewrite failed.
  fixer::Kept KeptAfterFailedEnd() const override { return kept_; }
  // The log cut back to where the run found it (MachineLog::CutBackTo).
  fixer::Status KeepAsFound() override;

  const MachineState& state() const { return machine_.state(); }

 private:
  StateFileBackend(OpenedMachineFile opened, StateFileOptions options, StateFileLock lock);
  // Whether this run holds the file it writes: a changing run's, or any run's --out.
  bool HoldsDestination() const { return options_.changes || !options_.out.empty(); }
  // What a write of the destination does before its rename: the new file takes the lock.
  BeforeRename KeepLocked();
  // Replace::kNothing for a destination this run holds no lock on yet (it did not exist).
  Replace DestinationReplace() const;
  // The log's checkpoint of the machine now, the lock kept (KeepLocked): its new file replaces
  // one at the name only where this run holds that name.
  fixer::Status Checkpoint();
  const std::string& Destination() const { return options_.out.empty() ? options_.path : options_.out; }
  // The mode of a new file the run writes: 0600 for an --out, which holds what the machine file
  // holds (hashes, secrets' stored forms), narrower still as the machine file's own, its owner
  // keeping write (the run rewrites it); a new machine file as any new file.
  unsigned NewDestinationMode() const;
  // A failed write of --out named for the user: one another run holds (made since this run opened)
  // in the words of an --out held at the open, any other as a write that failed.
  fixer::Status OutWriteFailure(const fixer::Status& st) const;
  // Before each mutating call: notes what the calls since the last one changed, and appends a
  // record once a journal call has completed.
  void BeforeMutation();
  // After each journal append: the record (with every change before it) made durable.
  fixer::Status AfterJournalAppend();
  // The mutating calls made since the last note, told to the log.
  void NoteMutations();
  const char* StopSignal() const;
  // The error of a log that could not be read, naming it: what every read of its journal answers.
  fixer::Status LogUnreadable() const;

  StateFileOptions options_;
  StateFileLock lock_;  // held by a changing run and on any --out, from before the load to the end
  Machine machine_;
  MachineBackend memory_;
  LogPosition opened_log_;         // the input's log, as loaded
  std::optional<MachineLog> log_;  // from BeginChanges on
  size_t noted_ = 0;               // mutating calls (fault plan trace entries) already noted
  uint64_t mutations_ = 0;
  bool out_held_by_another_ = false;      // KeepLocked found the --out made and held by another run
  fixer::Kept kept_ = fixer::Kept::kAll;  // what the last EndChanges left durable
  uint32_t log_read_error_ = 0;           // the log could not be read (its journal's reads fail so)
  bool opened_with_journal_ = false;      // the machine as opened holds a journal (a run left pending)
  MachineFileFormat file_format_ = MachineFileFormat::kYaml;  // what the machine is saved as
};

}  // namespace fakes
