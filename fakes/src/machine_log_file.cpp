// The machine log on disk: loading a machine file with its log, appending records durably, and
// the checkpoint that folds the log into the file (docs/machine-format.md, "The machine log").
//
// Framing: a header line "fixup-machine-log 1 <file size> <file CRC-32>" naming the state file
// the log applies to, then records "record <seq> <body bytes> <body CRC-32>\n<body>", and, written
// by a checkpoint before it renames the new file in, "checkpoint <file size> <file CRC-32>".
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "fakes/atomic_file.h"
#include "fakes/machine_log.h"
#include "fakes/text_encoding.h"
#include "fakes/whole_file.h"
#include "machine_log_record.h"
#include "posix_file.h"

namespace fakes {
namespace {

constexpr std::string_view kMagic = "fixup-machine-log 1";

std::string LogHeader(uint64_t base_size, uint32_t base_crc) {
  return fmt::format("{} {} {:08x}\n", kMagic, base_size, base_crc);
}

// The line a checkpoint appends before its rename: every record is in the file it names.
std::string CheckpointMark(std::string_view text) {
  return fmt::format("checkpoint {} {:08x}\n", text.size(), Crc32(text));
}

// Space-separated unsigned numbers after a fixed word; false if the line is not of that form.
bool ParseLine(std::string_view line, std::string_view word, std::initializer_list<uint64_t*> numbers,
               int base_of_last) {
  if (line.substr(0, word.size()) != word) return false;
  line.remove_prefix(word.size());
  size_t i = 0;
  for (uint64_t* n : numbers) {
    if (line.empty() || line[0] != ' ') return false;
    line.remove_prefix(1);
    const int base = ++i == numbers.size() ? base_of_last : 10;
    auto [end, ec] = std::from_chars(line.data(), line.data() + line.size(), *n, base);
    if (ec != std::errc()) return false;
    line.remove_prefix(static_cast<size_t>(end - line.data()));
  }
  return line.empty();
}

// How many leading bytes of `log` are as LogHeader writes a header (for some file), and whether
// they make a whole header line.
struct HeaderMatch {
  size_t bytes = 0;
  bool whole = false;
};
HeaderMatch MatchHeader(std::string_view log) {
  const std::string magic = std::string(kMagic) + " ";
  HeaderMatch m;
  auto next_is = [&](auto accepts) { return m.bytes < log.size() && accepts(log[m.bytes]); };
  while (m.bytes < magic.size() && next_is([&](char c) { return c == magic[m.bytes]; })) ++m.bytes;
  if (m.bytes < magic.size()) return m;
  const size_t size_at = m.bytes;
  while (m.bytes - size_at < 20 && next_is([](char c) { return c >= '0' && c <= '9'; })) ++m.bytes;
  if (m.bytes == size_at || !next_is([](char c) { return c == ' '; })) return m;
  const size_t crc_at = ++m.bytes;
  while (m.bytes - crc_at < 8 && next_is([](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }))
    ++m.bytes;
  if (m.bytes - crc_at < 8 || !next_is([](char c) { return c == '\n'; })) return m;
  ++m.bytes;
  m.whole = true;
  return m;
}

int LinesIn(std::string_view text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

// Replays the records of `log` over `opened`; the valid prefix and the record count go there.
// A record cut short at the end (a write the process did not finish) ends the log quietly.
std::optional<LoadError> Replay(const std::string& log_path, std::string_view log, OpenedMachineFile& opened) {
  // Past the header, or past the records `opened` already holds.
  size_t pos = std::max<size_t>(log.find('\n') + 1, opened.log.log_bytes);
  if (pos > log.size()) return LoadError{log_path, 1, 1, "the machine log is shorter than the records replayed"};
  int line = 1 + LinesIn(log.substr(0, pos));
  opened.log.log_bytes = pos;
  while (pos < log.size()) {
    auto damaged = [&](const std::string& why) {
      return LoadError{log_path, line, 1, fmt::format("damaged machine log record at byte {}: {}", pos, why)};
    };
    const size_t eol = log.find('\n', pos);
    if (eol == std::string_view::npos) break;  // a header cut short
    uint64_t seq = 0, length = 0, crc = 0;
    // A checkpoint stopped before its rename: this file is still the one the records apply to.
    if (ParseLine(log.substr(pos, eol - pos), "checkpoint", {&length, &crc}, 16)) break;
    if (!ParseLine(log.substr(pos, eol - pos), "record", {&seq, &length, &crc}, 16)) {
      return damaged("expected 'record <seq> <bytes> <crc32>'");
    }
    const size_t body_at = eol + 1;
    if (length > log.size() - body_at) break;  // a body cut short
    const std::string_view body = log.substr(body_at, length);
    const bool last = body_at + length == log.size();
    if (Crc32(body) != crc) {
      if (last) break;  // the last write, cut short after its length was written
      return damaged("checksum mismatch");
    }
    if (seq != opened.log.records + 1)
      return damaged(fmt::format("record {} where {} was expected", seq, opened.log.records + 1));
    Loaded<DecodedLogRecord> record = DecodeLogRecord(body, log_path, line + 1);
    if (!record.ok()) return record.error;
    if (!ApplyLogRecord(*record.value, opened.state)) {
      return damaged("it names events or journal records the machine does not have");
    }
    line += 1 + LinesIn(body);
    pos = body_at + length;
    opened.log.log_bytes = pos;
    ++opened.log.records;
  }
  return std::nullopt;
}

// What a log for another version of the file holds past its header, read by its framing alone:
// its whole records, and whether a checkpoint's mark follows them (the file was saved with them).
struct ForeignLog {
  uint64_t records = 0;
  bool saved = false;
};
ForeignLog ScanForeignLog(std::string_view log, size_t pos) {
  ForeignLog found;
  while (pos < log.size()) {
    const size_t eol = log.find('\n', pos);
    if (eol == std::string_view::npos) break;
    const std::string_view line = log.substr(pos, eol - pos);
    uint64_t seq = 0, length = 0, crc = 0;
    if (ParseLine(line, "checkpoint", {&length, &crc}, 16)) {
      found.saved = true;
      break;
    }
    if (!ParseLine(line, "record", {&seq, &length, &crc}, 16) || length > log.size() - eol - 1) break;
    if (Crc32(log.substr(eol + 1, length)) != crc) break;
    ++found.records;
    pos = eol + 1 + length;
  }
  return found;
}

// A log whose records were never saved into the file, beside a file that is no longer the one
// they apply to (edited by hand since the run was stopped): the only record of a half-done
// repair, which loading must neither drop nor replay over another file.
LoadError LogOfAnotherFile(const std::string& log_name, std::string_view log, uint64_t records,
                           const LogPosition& file) {
  uint64_t size = 0, crc = 0;
  ParseLine(log.substr(0, log.find('\n')), kMagic, {&size, &crc}, 16);
  const std::string state = log_name.substr(0, log_name.size() - std::string_view(".log").size());
  return LoadError{
      log_name, 1, static_cast<int>(kMagic.size()) + 2,
      fmt::format("holds {} {} of a repair that was stopped before it saved {}, and {} has changed since (the log "
                  "is for a file of {} bytes, CRC-32 {:08x}; {} has {} bytes, CRC-32 {:08x}): its records apply to "
                  "that file alone, so neither is loaded. Put {} back as it was (undo the edit) and run resume or "
                  "rollback; or, to give up the stopped repair, remove {} (the machine is then {} as it stands, "
                  "without what that repair changed)",
                  records, records == 1 ? "record" : "records", state, state, size, crc, state, file.base_size,
                  file.base_crc, state, log_name, state)};
}

}  // namespace

// Beside the file a link names, so the log is found whichever name the file is opened by.
std::string MachineLogPath(const std::string& state_path) { return FileBehindLinks(state_path) + ".log"; }

bool LooksLikeMachineLog(std::string_view log) {
  const HeaderMatch header = MatchHeader(log);
  return header.whole || header.bytes == log.size();
}

bool IsForeignFileAt(const std::string& log_path) {
  // The longest header: the magic, a 20-digit size, 8 hex digits, two spaces and the newline.
  const size_t longest_header = kMagic.size() + 1 + 20 + 1 + 8 + 1;
  std::string start;
  return ReadFileStart(log_path, longest_header, start) == 0 && !LooksLikeMachineLog(start);
}

std::optional<LoadError> ReplayMachineLog(std::string_view log, const std::string& log_name,
                                          OpenedMachineFile& opened) {
  if (log.starts_with(LogHeader(opened.log.base_size, opened.log.base_crc))) return Replay(log_name, log, opened);
  // No log, or a header cut short (every byte as LogHeader writes them, the line unfinished): the
  // file alone. A whole header naming another version of the file: the file alone too when the
  // log holds no record, or its checkpoint's mark says the file was saved with them (a checkpoint
  // stopped between its rename and the log's removal); with records never saved, an error that
  // keeps the log. Anything else is no log of this tool's, and is refused rather than ignored:
  // the next writer would truncate it.
  if (LooksLikeMachineLog(log)) {
    const HeaderMatch header = MatchHeader(log);
    if (!header.whole) return std::nullopt;
    const ForeignLog foreign = ScanForeignLog(log, header.bytes);
    if (foreign.records == 0 || foreign.saved) return std::nullopt;
    return LogOfAnotherFile(log_name, log, foreign.records, opened.log);
  }
  return LoadError{log_name, 1, static_cast<int>(MatchHeader(log).bytes) + 1,
                   "not a machine log (expected '" + std::string(kMagic) + " <file size> <file CRC-32>')"};
}

fixer::Status MarkMachineLogSaved(const std::string& log_path, std::string_view text) {
  std::string log;
  if (const int err = ReadWholeFile(log_path, log); err != 0)
    return err == ENOENT ? fixer::Status::Ok() : FromErrno(err);
  const HeaderMatch header = MatchHeader(log);
  if (!header.whole || ScanForeignLog(log, header.bytes).records == 0) return fixer::Status::Ok();  // nothing to mark
  const int fd = ::open(log_path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) return FromErrno(errno);
  const bool written = WriteAll(fd, CheckpointMark(text)) && ::fdatasync(fd) == 0;
  const int err = errno;
  ::close(fd);
  return written ? fixer::Status::Ok() : FromErrno(err);
}

namespace {

// Which file a name holds now: a checkpoint renames a new one in.
struct NameHolds {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator==(const NameHolds&) const = default;
};
std::optional<NameHolds> FileNamedBy(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return NameHolds{st.st_dev, st.st_ino};
}

Loaded<OpenedMachineFile> OpenMachineFileOnce(const std::string& path, fixer::ReasonWords words,
                                              LogReadFailure failure);

}  // namespace

Loaded<OpenedMachineFile> OpenMachineFile(const std::string& path, fixer::ReasonWords words, LogReadFailure failure) {
  // A reader beside a checkpoint may read the old file and then find its log gone (the new file
  // renamed in, the log removed): the machine as it was before the run, which no longer exists.
  // The name still naming the file read, after its log was read, shows the two belong together;
  // else the read is made again (a checkpoint ends within milliseconds).
  constexpr int kAttempts = 20;
  for (int attempt = 1;; ++attempt) {
    const std::optional<NameHolds> before = FileNamedBy(path);
    Loaded<OpenedMachineFile> opened = OpenMachineFileOnce(path, words, failure);
    if (attempt == kAttempts || !before || FileNamedBy(path) == before) return opened;
  }
}

namespace {

Loaded<OpenedMachineFile> OpenMachineFileOnce(const std::string& path, fixer::ReasonWords words,
                                              LogReadFailure failure) {
  Loaded<OpenedMachineFile> out;
  std::string text;
  // A machine file is kept in place, its log beside it: a descriptor (`--machine /dev/stdin <
  // m.yaml`) would be followed to the file the shell opened and rewrite it, as a pipe is never read.
  const int err = NamesADescriptor(path) ? kDescriptorName : ReadWholeFile(path, text);
  if (err != 0) {
    out.error = LoadError{path, 0, 0, "cannot read machine state file: " + ReadErrorText(err, path, words)};
    return out;
  }
  std::string decoded;  // a UTF-16 or UTF-32 file's text; the log's check stays on the bytes
  Loaded<std::string_view> utf8 = TextAsUtf8(text, path, decoded);
  if (!utf8.ok()) {
    out.error = std::move(utf8.error);
    return out;
  }
  Loaded<MachineState> loaded = LoadMachineText(*utf8.value, path);
  if (!loaded.ok()) {
    AttachSource(*loaded.error, *utf8.value);  // the excerpt of the line at fault
    out.error = std::move(loaded.error);
    return out;
  }
  OpenedMachineFile opened{.state = std::move(*loaded.value),
                           .log = {.base_crc = Crc32(text), .base_size = text.size()}};

  const std::string log_path = MachineLogPath(path);
  std::string log;
  if (int err = ReadWholeFile(log_path, log); err != 0 && err != ENOENT) {
    // A device or a pipe named as the log is no log at all: an input error still.
    if (failure == LogReadFailure::kJournalRead && err > 0) {
      // The journal's records are the log's: the machine is the file alone, its journal unread.
      opened.log_read_error = fixer::WinErrorOfErrno(err);
      out.value = std::move(opened);
      return out;
    }
    out.error = LoadError{log_path, 0, 0, "cannot read machine log: " + ReadErrorText(err, log_path, words)};
    return out;
  }
  if (std::optional<LoadError> error = ReplayMachineLog(log, log_path, opened)) {
    out.error = std::move(error);
    return out;
  }
  out.value = std::move(opened);
  return out;
}

}  // namespace

Loaded<MachineState> LoadMachineFile(const std::string& path) {
  Loaded<OpenedMachineFile> opened = OpenMachineFile(path);
  Loaded<MachineState> out;
  if (!opened.ok()) {
    out.error = std::move(opened.error);
    return out;
  }
  out.value = std::move(opened.value->state);
  return out;
}

MachineLog::~MachineLog() {
  if (fd_ >= 0) ::close(fd_);
}

fixer::Status MachineLog::OpenForAppend() {
  const bool fresh = at_.log_bytes == 0;
  // The log holds what the file holds (hashes, stored secrets): readable by whom the file is.
  struct stat file {};
  const mode_t mode = ::stat(state_path_.c_str(), &file) == 0 ? (file.st_mode & 0666) : 0644;
  fd_ = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, mode);
  if (fd_ < 0) return FromErrno(errno);
  // Whatever follows the valid prefix (a record cut short, another file's log) goes.
  if (::ftruncate(fd_, static_cast<off_t>(at_.log_bytes)) != 0 ||
      ::lseek(fd_, static_cast<off_t>(at_.log_bytes), SEEK_SET) < 0) {
    return FromErrno(errno);
  }
  if (fresh) {
    const std::string header = LogHeader(at_.base_size, at_.base_crc);
    if (!WriteAll(fd_, header)) return FromErrno(errno);
    at_.log_bytes = header.size();
    SyncDirectoryOf(log_path_);  // the new log's name, durable before a record counts on it
  }
  return fixer::Status::Ok();
}

fixer::Status MachineLog::Append(const MachineState& now) {
  std::string body;
  try {
    body = Record(now);
  } catch (const std::exception&) {
    return fixer::Status::Win(fixer::kErrorNotEnoughMemory);  // the emitter only fails on memory
  }
  if (body.empty()) return fixer::Status::Ok();
  const bool fresh = at_.log_bytes == 0;  // this record starts the log: a failure leaves no file
  if (fd_ < 0) {
    if (fixer::Status st = OpenForAppend(); !st.ok()) {
      if (fresh) RemoveUnrecordedLog();
      return st;
    }
  }
  const std::string frame = fmt::format("record {} {} {:08x}\n", at_.records + 1, body.size(), Crc32(body));
  // The frame line, the body (not copied behind it), one fdatasync: a kill during any of them
  // leaves a torn last record, which loading ignores; the record counts once the sync returns.
  if (!WriteAll(fd_, frame) || !WriteAll(fd_, body) || ::fdatasync(fd_) != 0) {
    const int err = errno;
    // Take back what was written, so a later record does not follow a torn one.
    if (fresh && at_.records == 0) {
      RemoveUnrecordedLog();
    } else if (::ftruncate(fd_, static_cast<off_t>(at_.log_bytes)) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
    return FromErrno(err);
  }
  at_.log_bytes += frame.size() + body.size();
  ++at_.records;
  ++appended_;
  Logged(now);
  return fixer::Status::Ok();
}

void MachineLog::RemoveUnrecordedLog() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (::unlink(log_path_.c_str()) == 0) SyncDirectoryOf(log_path_);
  at_.log_bytes = 0;
}

fixer::Status MachineLog::CutBackTo(const LogPosition& found) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (found.log_bytes == 0) {
    // The log is this run's alone: without it the file is the machine as found.
    if (::unlink(log_path_.c_str()) != 0 && errno != ENOENT) return FromErrno(errno);
    SyncDirectoryOf(log_path_);
  } else {
    // A shorter file needs no room: this works on a full disk.
    const int fd = ::open(log_path_.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return FromErrno(errno);
    const bool cut = ::ftruncate(fd, static_cast<off_t>(found.log_bytes)) == 0 && ::fdatasync(fd) == 0;
    const int err = errno;
    ::close(fd);
    if (!cut) return FromErrno(err);
  }
  at_ = found;
  appended_ = 0;
  return fixer::Status::Ok();
}

fixer::Status MachineLog::Checkpoint(const MachineState& now, const BeforeRename& before_rename, Replace replace,
                                     unsigned new_file_mode) {
  std::string text;
  try {
    text = MachineToText(now, file_format_);
  } catch (const std::exception&) {
    return fixer::Status::Win(fixer::kErrorNotEnoughMemory);
  }
  // Before the rename, the log says its records are in the new file: a log left by a stop between
  // the rename and its removal names the old file, and is then told from one whose file was
  // edited by hand, which loading refuses.
  const bool marked = at_.records > 0;
  if (marked) {
    if (fd_ < 0) fd_ = ::open(log_path_.c_str(), O_WRONLY | O_CLOEXEC);
    const std::string mark = CheckpointMark(text);
    if (fd_ < 0 || ::ftruncate(fd_, static_cast<off_t>(at_.log_bytes)) != 0 ||
        ::lseek(fd_, static_cast<off_t>(at_.log_bytes), SEEK_SET) < 0 || !WriteAll(fd_, mark) || ::fdatasync(fd_) != 0)
      return FromErrno(errno);
  }
  if (fixer::Status st = WriteFileAtomically(state_path_, text, before_rename, replace, new_file_mode); !st.ok()) {
    // The file is the old one still: the mark goes, so the log continues from its last record.
    if (marked && ::ftruncate(fd_, static_cast<off_t>(at_.log_bytes)) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
    return st;
  }
  // The file holds every record now; a log left by a stop here names the old file and is ignored.
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (::unlink(log_path_.c_str()) == 0) SyncDirectoryOf(log_path_);
  at_.base_crc = Crc32(text);
  at_.base_size = text.size();
  at_.log_bytes = 0;
  at_.records = 0;
  Logged(now);
  return fixer::Status::Ok();
}

}  // namespace fakes
