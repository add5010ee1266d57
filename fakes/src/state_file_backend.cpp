#include "fakes/state_file_backend.h"

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <optional>
#include <utility>

#include "fakes/atomic_file.h"
#include "fakes/machine_log.h"
#include "fixer/text.h"
#include "fixer/win_error.h"
#include "interrupted_repair.h"
#include "state_file_journal.h"

namespace fakes {
namespace {

// How a file another run holds is refused, at the open and at a write alike (README: "in the same
// words").
std::string HeldFileWords(const fixer::Status& st) { return "cannot open machine state file: " + st.ToString(); }

// The start of the machine file as read: enough to tell JSON (a capture) from YAML.
std::string FileStart(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string start(256, '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  start.resize(static_cast<size_t>(in.gcount()));
  return start;
}

}  // namespace

Loaded<std::unique_ptr<StateFileBackend>> StateFileBackend::Open(const StateFileOptions& options) {
  Loaded<std::unique_ptr<StateFileBackend>> out;
  StateFileOptions kept = options;
  // --out naming the input, however spelt (./m.yaml, a symbolic link): saved in place. A hard link
  // is another name: written there (replacing that name), the --machine file left as it is.
  if (!kept.out.empty() && SamePath(kept.out, kept.path)) kept.out.clear();
  // A run that may change the machine holds the file it writes from before it loads it, so that
  // it loads the file no other run is changing, and no other run loads it until this one ends. A
  // run that changes nothing holds its --out alike (it writes it), never the --machine file it
  // only reads: a changing run's file is not replaced under it.
  StateFileLock lock;
  if (kept.changes || !kept.out.empty()) {
    const std::string& written = kept.out.empty() ? kept.path : kept.out;
    if (fixer::Status st = lock.Acquire(written); !st.ok()) {
      out.error = LoadError{written, 0, 0, HeldFileWords(st)};
      return out;
    }
  }
  // aspnet-fixer's backend: a file it cannot read or write is said in Windows' words.
  // A log that cannot be read is the journal's read failing: each verb says so (exit 1 or 3).
  Loaded<OpenedMachineFile> opened =
      OpenMachineFile(options.path, fixer::ReasonWords::kWindows, LogReadFailure::kJournalRead);
  if (!opened.ok()) {
    out.error = std::move(opened.error);
    return out;
  }
  // A journal the fixer cannot read is said at its record, before any verb reads it.
  if (std::optional<LoadError> bad = CheckJournalOfMachineFile(options.path, opened.value->state)) {
    out.error = std::move(bad);
    return out;
  }
  // The log beside the machine file is read as that file's log: a machine written there would
  // make the file itself unloadable ("not a machine log").
  if (!kept.out.empty() && SamePath(kept.out, MachineLogPath(kept.path))) {
    out.error = LoadError{
        kept.out, 0, 0, "is the log of " + kept.path + " (where a run's changes go until the end): name another file"};
    return out;
  }
  // Saving --out removes the log beside it (the file is then the whole machine): a FILE.log this
  // tool did not write is someone's, and is never removed.
  if (!kept.out.empty()) {
    const std::string log = MachineLogPath(kept.out);
    if (IsForeignFileAt(log)) {
      out.error = LoadError{kept.out, 0, 0,
                            "writing it would remove " + log +
                                ", which is not a machine log: move that file or name "
                                "another --out"};
      return out;
    }
  }
  // The --out file may be the only record of a repair that did not end there: never replaced.
  if (!kept.out.empty()) {
    if (std::optional<LoadError> kept_there = InterruptedRepairAt(kept.out)) {
      out.error = std::move(kept_there);
      return out;
    }
  }
  // A log with no record for this file (another version's, left by a checkpoint stopped before it
  // removed it, or a header alone) says nothing the file does not: the run that holds the file
  // removes it, and the temporary files of dead checkpoints, though it may change nothing.
  if (kept.changes && kept.out.empty()) {
    RemoveDeadTemporaries(kept.path);
    if (opened.value->log_read_error == 0 && opened.value->log.records == 0 &&
        ::unlink(MachineLogPath(kept.path).c_str()) == 0)
      opened.value->log.log_bytes = 0;  // the next change starts a log of its own
  }
  out.value = std::unique_ptr<StateFileBackend>(
      new StateFileBackend(std::move(*opened.value), std::move(kept), std::move(lock)));
  return out;
}

StateFileBackend::StateFileBackend(OpenedMachineFile opened, StateFileOptions options, StateFileLock lock)
    : options_(std::move(options)),
      lock_(std::move(lock)),
      machine_(std::move(opened.state)),
      memory_(machine_),
      opened_log_(opened.log) {
  log_read_error_ = opened.log_read_error;
  opened_with_journal_ = !machine_.state().journal.empty();
  file_format_ = MachineFileFormatOf(options_.out, FileStart(options_.path));
  // Every read of the journal fails as the log's read did, naming the log.
  if (log_read_error_ != 0) machine_.set_journal_unreadable(LogUnreadable());
}

fixer::Status StateFileBackend::LogUnreadable() const {
  // Windows' text first, then the log's name, as a record the log cannot take is said
  // ("5: Access is denied. The log m.yaml.log could not be read.").
  return fixer::Status(log_read_error_, fixer::Sentence(std::string(fixer::WinErrorText(log_read_error_))) +
                                            " The log " + MachineLogPath(options_.path) + " could not be read.");
}

BeforeRename StateFileBackend::KeepLocked() {
  if (!HoldsDestination()) return {};
  return [this](int fd) {
    // An --out that did not exist when this run opened holds no lock of ours: one another run
    // has made there since and holds is that run's, not to be replaced.
    if (!lock_.held()) {
      StateFileLock other;
      if (fixer::Status st = other.Acquire(Destination()); !st.ok()) {
        out_held_by_another_ = true;
        return st;
      }
    }
    return lock_.Adopt(fd);
  };
}

Replace StateFileBackend::DestinationReplace() const {
  // A name this run does not hold yet (an --out that was not there when it opened) is taken only
  // where no file is: one another run put there after KeepLocked looked is that run's. Decided
  // before the write: KeepLocked's hook takes the lock on the way.
  return HoldsDestination() && !lock_.held() ? Replace::kNothing : Replace::kAny;
}

fixer::Status StateFileBackend::OutWriteFailure(const fixer::Status& st) const {
  if (st.ok() || !out_held_by_another_) return WriteFailureNaming(options_.out, st);
  return fixer::Status(st.code(), options_.out + ": " + HeldFileWords(st));
}

unsigned StateFileBackend::NewDestinationMode() const {
  if (options_.out.empty()) return kNewFileMode;
  struct stat machine {};
  const unsigned machine_mode = ::stat(options_.path.c_str(), &machine) == 0 ? (machine.st_mode & 0777) : 0600;
  return 0600 & (machine_mode | S_IWUSR);
}

fixer::Status StateFileBackend::Checkpoint() {
  return log_->Checkpoint(machine_.state(), KeepLocked(), DestinationReplace(), NewDestinationMode());
}

void StateFileBackend::NoteMutations() {
  const std::vector<MutationEvent>& trace = machine_.faults().trace();
  for (; noted_ < trace.size(); ++noted_) log_->Note(trace[noted_], machine_.state());
}

const char* StateFileBackend::StopSignal() const {
  return options_.stop_requested ? options_.stop_requested() : nullptr;
}

void StateFileBackend::BeforeMutation() {
  // A stop asked for before the first change: nothing to resume, the machine as found.
  if (const char* signal = StopSignal(); signal != nullptr && !Changed() && log_->appended() == 0)
    throw fixer::StopRequested(std::string("stopped by ") + signal + " before any change", true);
  NoteMutations();
  ++mutations_;
  if (mutations_ == options_.kill_at_mutation) std::raise(SIGKILL);
  if (mutations_ == options_.interrupt_at_mutation) std::raise(SIGINT);
}

fixer::Status StateFileBackend::AfterJournalAppend() {
  // A journal record is where resume starts from: it and every change before it go to disk
  // together, before anything else changes. Not written (a full disk), the journal's append fails
  // as a journal file's write fails on Windows, and the fixer restores what it did.
  NoteMutations();
  // A log that could not be read is never written over: its records are a repair's only record.
  if (log_read_error_ != 0) return LogUnreadable();
  // Windows' text first, then the log's name, as every error is said ("112: There is not enough space
  // on the disk. The log m.yaml.log could not take the record."); the fixer puts its words between.
  if (fixer::Status st = log_->Append(machine_.state()); !st.ok())
    return fixer::Status(st.code(), fixer::Sentence(st.message()) + " The log " + MachineLogPath(Destination()) +
                                        " could not take the record.");
  if (options_.after_append) options_.after_append();
  // A stop asked for meanwhile takes effect here, the machine whole on disk with this record.
  if (const char* signal = StopSignal())
    throw fixer::StopRequested(std::string("stopped by ") + signal + " after journal record " +
                                   std::to_string(machine_.state().journal.size()),
                               false);
  return {};
}

fixer::Status StateFileBackend::BeginChanges() {
  // Before any change: a folder the machine cannot be written to is said now, with the machine
  // as found, not at the first journal record.
  if (fixer::Status st = CheckCanWriteAtomically(Destination(), fixer::ReasonWords::kWindows); !st.ok()) return st;
  // A changing run keeps the machine durable as `out` and `out.log` (a checkpoint, then a record
  // per journal entry): a device or a pipe holds neither, and nothing may be made beside one. Said
  // as every file aspnet-fixer cannot use for that is: 1920, then why (docs/windows-reference.md#file-errors).
  struct stat st {};
  if (!options_.out.empty() && ::stat(options_.out.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    return fixer::Status(fixer::kErrorCantAccessFile,
                         options_.out +
                             ": cannot be written: " + fixer::Status::Win(fixer::kErrorCantAccessFile).ToString() +
                             " (not a regular file: a device, a pipe or a socket; a run that changes the machine "
                             "writes --out and --out.log as it goes, so that a power loss can be resumed: name a "
                             "file; a verb that changes nothing writes into a device or a pipe)");
  }
  // A checkpoint killed between its temporary file and the rename left "FILE.tmp.PID" beside it:
  // removed now, though this run may end with no write of the file (each write removes them too).
  RemoveDeadTemporaries(Destination());
  if (!log_) {
    if (options_.out.empty()) {
      log_.emplace(options_.path, opened_log_, machine_.state());
      log_->set_file_format(file_format_);
    } else {
      // The log beside `out` replays over `out`, so `out` starts as the machine opened.
      log_.emplace(options_.out, LogPosition{}, machine_.state());
      log_->set_file_format(file_format_);
      if (fixer::Status st = Checkpoint(); !st.ok()) return OutWriteFailure(st);
    }
  }
  noted_ = machine_.faults().trace().size();
  machine_.set_before_mutation([this] { BeforeMutation(); });
  machine_.set_after_journal_append([this] { return AfterJournalAppend(); });
  if (options_.signal_before_changes != 0) std::raise(options_.signal_before_changes);
  return {};
}

fixer::Status StateFileBackend::CheckCanSave() {
  if (options_.signal_before_changes != 0) std::raise(options_.signal_before_changes);
  // A verb that changes nothing writes only --out (the input is never rewritten by it).
  if (options_.out.empty()) return {};
  return CheckCanWriteAtomically(options_.out, fixer::ReasonWords::kWindows);
}

fixer::Status StateFileBackend::WriteOut(std::string_view text) {
  return OutWriteFailure(
      WriteFileAtomically(options_.out, text, KeepLocked(), DestinationReplace(), NewDestinationMode()));
}

fixer::Status StateFileBackend::EndChanges() {
  if (options_.signal_before_save != 0) std::raise(options_.signal_before_save);
  machine_.set_before_mutation({});
  machine_.set_after_journal_append({});
  kept_ = fixer::Kept::kAll;
  // Nothing is written beside a log that could not be read (every verb refused before a change):
  // a checkpoint would remove it, and it holds a repair's only record.
  if (log_read_error_ != 0 && options_.out.empty()) return {};
  if (log_) {
    // What changed after the last record (the journal's removal at the end) is a record too: the
    // log then holds the machine as the run leaves it, whether or not the rewrite below can be made.
    NoteMutations();
    if (fixer::Status st = log_->Append(machine_.state()); !st.ok()) {
      kept_ = fixer::Kept::kToLastRecord;
      return WriteFailureNaming(MachineLogPath(Destination()), st);
    }
  }
  if (!options_.out.empty()) {
    if (log_) return OutWriteFailure(Checkpoint());
    return OutWriteFailure(SaveMachineFile(machine_.state(), options_.out, KeepLocked(), DestinationReplace(),
                                           NewDestinationMode(), file_format_));
  }
  const bool logged = log_ && log_->appended() > 0;
  // The input file already holds the machine as loaded: rewriting it would only reformat it. A
  // log found beside it with no journal pending (a run whose final rewrite found no room) is
  // folded in now; one whose journal is pending stays as it is until a run acts on that journal.
  const bool found_log = log_ && opened_log_.records > 0 && !opened_with_journal_;
  if (!logged && !found_log && !memory_.Changed()) return {};
  if (!log_)
    return WriteFailureNaming(
        options_.path, SaveMachineFile(machine_.state(), options_.path, {}, Replace::kAny, kNewFileMode, file_format_));
  return WriteFailureNaming(options_.path, Checkpoint());
}

fixer::Status StateFileBackend::KeepAsFound() {
  if (!log_) return fixer::Status::Win(fixer::kErrorNotSupported);
  // An --out starts as the machine opened (BeginChanges' checkpoint): its log goes whole.
  return log_->CutBackTo(options_.out.empty() ? opened_log_ : LogPosition{});
}

}  // namespace fakes
