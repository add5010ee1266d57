// The machine log: a write-ahead log beside a machine state file (`m.yaml.log` beside `m.yaml`),
// so a tool that changes the machine makes each change durable at the cost of the change, not of
// the whole file (docs/machine-format.md, "The machine log").
//
// A record holds what changed since the previous one: the sections that differ (accounts,
// rights, services ...), the event log and journal entries appended, in the machine format's own
// encoding; the objects the mutating calls named and the typed grants of the journal, field by
// field (they are most of a record, and the format's quoting and look-ups cost more than them). Loading a machine file
// (LoadMachineFile) replays its log; a checkpoint rewrites the file and removes the log.
//
//   fakes::Loaded<fakes::OpenedMachineFile> opened = fakes::OpenMachineFile("m.yaml");
//   fakes::MachineState now = opened.value->state;
//   fakes::MachineLog log("m.yaml", opened.value->log, now);
//   log.Note({.op = "acl.add_ace", .target = "C:\\WINDOWS\\Temp"}, now);   // after each mutating call
//   fixer::Status appended = log.Append(now);   // one record, written and fdatasync'd
//   fixer::Status saved = log.Checkpoint(now);   // m.yaml rewritten atomically, m.yaml.log removed
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "fakes/atomic_file.h"
#include "fakes/faults.h"
#include "fakes/machine_yaml.h"
#include "fakes/state.h"
#include "fixer/win_error.h"

namespace fakes {

// Whether `log` (a FILE.log's bytes) is one this tool wrote, or the start of one, or empty: anything
// else is someone's file, which no save may remove.
bool LooksLikeMachineLog(std::string_view log);
// Whether `log_path` names a readable file that is not a machine log (LooksLikeMachineLog): only
// its first line is read. A missing or unreadable file is no one's to protect.
bool IsForeignFileAt(const std::string& log_path);
std::string MachineLogPath(const std::string& state_path);

// Where a machine file's log stands.
struct LogPosition {
  uint32_t base_crc = 0;  // CRC-32 of the file's bytes: the log names the file it applies to
  uint64_t base_size = 0;
  uint64_t log_bytes = 0;  // the log's valid prefix (0: no log, or one written for another file)
  uint64_t records = 0;    // whole records in that prefix
};

// A machine file as loaded with its log.
struct OpenedMachineFile {
  MachineState state;  // the file with every whole record of the log replayed
  LogPosition log;
  // LogReadFailure::kJournalRead: the Windows error of a log that exists and could not be read
  // (0: read, or none); the state is then the file alone.
  uint32_t log_read_error = 0;
};

// What a log that exists but cannot be read (its permissions deny it) is: a load error
// (`LOG: cannot read machine log: 5: ...`), or a failed read of the journal, which is the log's
// records (aspnet-fixer's verbs: exit 1 or 3 as any journal read that failed, not an input error).
enum class LogReadFailure { kLoadError, kJournalRead };

// The file, plus its log when the log names this file; a torn last record (a write cut short)
// is ignored; a log naming another version of the file is ignored when it holds no record or a
// checkpoint saved them (its mark), and is an error at LOG:1:COL naming both files otherwise; a damaged record before
// the end is an error at LOG:LINE. A log that is neither a header (whole, or cut short: a true prefix of one) with
// records nor empty is no machine log: an error at LOG:1:COL, so that no writer truncates someone's file of that name.
// A file that cannot be read is said in `words` (aspnet-fixer's state file: Windows'). A name a
// checkpoint renamed another file into while it was read is read again, so the file and the log
// read belong together.
Loaded<OpenedMachineFile> OpenMachineFile(const std::string& path,
                                          fixer::ReasonWords words = fixer::ReasonWords::kSystem,
                                          LogReadFailure failure = LogReadFailure::kLoadError);
// The same for a log already read, over `opened`: the file's machine and its base_crc and
// base_size, or the machine after the first `records` records (`log_bytes` bytes) of this log.
// Replays what follows and sets the position; the errors are OpenMachineFile's.
std::optional<LoadError> ReplayMachineLog(std::string_view log, const std::string& log_name, OpenedMachineFile& opened);

// Before a whole machine `text` replaces the file of `log_path` (SaveMachineFile): a log there with
// records says they are in that text, so a log a stop leaves beside the new file is not taken for
// one whose file was edited since (which loading refuses). No log, or one without records: nothing.
fixer::Status MarkMachineLogSaved(const std::string& log_path, std::string_view text);

// The writer: tracks what the mutating calls changed and appends it as records.
class MachineLog {
 public:
  // `now` is the machine as the file and its log (at `position`) hold it; the log continues
  // from there. A default position: no log yet, and the file is written at the first Checkpoint.
  MachineLog(std::string state_path, const LogPosition& position, const MachineState& now);
  ~MachineLog();
  MachineLog(const MachineLog&) = delete;
  MachineLog& operator=(const MachineLog&) = delete;

  // After a mutating call completed: remembers what `event` names (an object's path, ...).
  void Note(const MutationEvent& event, const MachineState& now);
  // Appends one record with every change noted (and any section that differs) since the last
  // record, and makes it durable. Nothing to append: no record, no file.
  fixer::Status Append(const MachineState& now);
  // Rewrites the state file as `now` (atomically) and removes the log; `before_rename` and
  // `replace` as WriteFileAtomically's (the run's lock moves to the new file there).
  fixer::Status Checkpoint(const MachineState& now, const BeforeRename& before_rename = {},
                           Replace replace = Replace::kAny, unsigned new_file_mode = kNewFileMode);
  uint64_t appended() const { return appended_; }
  // The form Checkpoint writes the state file in (YAML unless told).
  void set_file_format(MachineFileFormat format) { file_format_ = format; }
  // Takes back every record this writer appended: the log as `found` (the position it was opened
  // at; none: the log removed). What a run does when it cannot record the restore it made, so the
  // file and log hold the machine as that run found it. Needs no room on the disk.
  fixer::Status CutBackTo(const LogPosition& found);

 private:
  std::string Record(const MachineState& now);
  void Logged(const MachineState& now);
  fixer::Status OpenForAppend();
  // A log whose first record could not be written: removed, so a failed run leaves no file.
  void RemoveUnrecordedLog();

  std::string state_path_;
  std::string log_path_;
  MachineFileFormat file_format_ = MachineFileFormat::kYaml;
  LogPosition at_;  // log_bytes: valid bytes of the log on disk (the header and whole records)
  uint64_t appended_ = 0;
  int fd_ = -1;          // the log, open for appending once the first record is written
  MachineState logged_;  // the small sections as the log last recorded them (no objects/records)
  size_t logged_events_ = 0;
  size_t logged_journal_ = 0;
  // Notes every object below the one `key` names (a DACL write propagates there).
  void NoteObjectsBelow(const std::string& key, const MachineState& now);

  std::set<std::string> objects_;  // keys of objects changed since the last record
  bool all_objects_ = false;       // a call whose objects cannot be named (a subtree delete ...)
  bool journal_cleared_ = false;
};

}  // namespace fakes
