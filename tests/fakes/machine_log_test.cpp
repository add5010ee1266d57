// The machine log (fakes/machine_log.h) under the state-file backend: at every record the file
// and its log load as the machine the fixer had then; a record costs what it changes; a torn
// last record is ignored at every byte; a damaged record before the end is a load error at
// LOG:LINE; a log a checkpoint left for another version of the file is ignored, and one whose
// records were never saved beside a file changed since is an error that keeps it; a verb that changes
// nothing writes no file and no log; a checkpoint leaves the file alone, without a log.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/verbs.h"
#include "fakes/machine_log.h"
#include "fakes/machine_yaml.h"
#include "fakes/sam.h"
#include "fakes/state_file_backend.h"
#include "fakes/text_encoding.h"
#include "support/process_output.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

// The affected machine of the kill test plus `aces` folders, each with an ACE naming ASPNET.
std::string AffectedXp(int aces) {
  std::string text =
      "os: windows-xp-professional\n"
      "frameworks: [\"1.0\"]\n"
      "hotfixes: [MS03-032]\n"
      "applications:\n"
      "  - path: /LM/W3SVC/1/ROOT/app\n";
  if (aces > 0) text += "objects:\n";
  for (int i = 0; i < aces; ++i) {
    text += "  - file: 'C:\\Inetpub\\wwwroot\\data" + std::to_string(i) + "'\n" +
            "    acl: [{allow: Administrators, mask: full}, {allow: ASPNET, mask: modify, flags: [OI, CI]}]\n";
  }
  return text;
}

void WriteAll(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

// CRC-32 (IEEE, reflected) a bit at a time: the reference the log's checksums must agree with.
uint32_t ReferenceCrc32(std::string_view bytes) {
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    c ^= b;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return c ^ 0xFFFFFFFFu;
}

std::string Hex8(uint32_t v) {
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", v);
  return buf;
}

class MachineLogTest : public ::testing::Test {
 protected:
  // Saves `text`'s machine as machine.yaml; returns its path.
  std::string Machine(const std::string& text) {
    auto loaded = fakes::LoadMachineText(text, "test.yaml");
    EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
    const std::string file = (dir_ / "machine.yaml").string();
    EXPECT_TRUE(fakes::SaveMachineFile(*loaded.value, file).ok());
    return file;
  }

  // One record of a run: the log as it stood, and the machine it must load as.
  struct Snapshot {
    std::string log;
    fakes::MachineState state;
  };

  // Runs `verb` on `file` through the tool's code, keeping the log and machine at each record.
  std::vector<Snapshot> Run(const std::string& file, app::Verb verb, fixer::Strategy strategy) {
    std::vector<Snapshot> records;
    fakes::StateFileBackend* backend = nullptr;
    fakes::StateFileOptions options{.path = file};
    options.after_append = [&] { records.push_back({test_support::Slurp(file + ".log"), backend->state()}); };
    auto opened = fakes::StateFileBackend::Open(options);
    EXPECT_TRUE(opened.ok()) << opened.error->ToString();
    backend = opened.value->get();
    fixer::Options fix;
    fix.strategy = strategy;
    end_ = app::RunVerb(*backend, verb, fix);
    end_state_ = backend->state();
    return records;
  }

  // The file as it was before the run (`base`) with the log as it stood at each record loads as
  // the machine at that record.
  void ExpectEachRecordLoads(const std::string& file, const std::string& base, const std::vector<Snapshot>& records) {
    for (size_t i = 0; i < records.size(); ++i) {
      WriteAll(file, base);
      WriteAll(file + ".log", records[i].log);
      auto loaded = fakes::LoadMachineFile(file);
      ASSERT_TRUE(loaded.ok()) << "record " << i + 1 << ": " << loaded.error->ToString();
      EXPECT_TRUE(*loaded.value == records[i].state) << "record " << i + 1 << " of " << records.size();
    }
  }

  const test_support::TempFolder dir_{"machine_log_test"};
  app::VerbRun end_;
  fakes::MachineState end_state_;
};

TEST_F(MachineLogTest, AtEveryRecordTheFileAndLogLoadAsTheMachineThen) {
  for (fixer::Strategy strategy : {fixer::Strategy::kKeepSid, fixer::Strategy::kRecreate}) {
    const std::string file = Machine(AffectedXp(3));
    const std::string base = test_support::Slurp(file);
    const auto records = Run(file, app::Verb::kApply, strategy);
    ASSERT_EQ(end_.exit_code, fixer::ExitCode::kOk) << app::RunText(end_);
    ASSERT_GT(records.size(), 5u);
    const std::string end_file = test_support::Slurp(file);
    ExpectEachRecordLoads(file, base, records);
    // The checkpoint: the file is the end state, and no log is left.
    WriteAll(file, end_file);
    fs::remove(file + ".log");
    auto loaded = fakes::LoadMachineFile(file);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(*loaded.value == end_state_);
  }
}

// A DACL write propagates to the objects below it (fakes/acl_propagation.h): recreate's re-grant
// on a folder changes its subfolders too, and each record carries them, so a replay has them.
TEST_F(MachineLogTest, ARecordCarriesTheObjectsADaclWritePropagatedTo) {
  const std::string file = Machine(AffectedXp(1) + "  - file: 'C:\\Inetpub\\wwwroot\\data0\\sub'\n" +
                                   "  - file: 'C:\\Inetpub\\wwwroot\\data0\\sub\\page.aspx'\n    container: false\n");
  const std::string base = test_support::Slurp(file);
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kRecreate);
  ASSERT_EQ(end_.exit_code, fixer::ExitCode::kOk) << app::RunText(end_);
  ExpectEachRecordLoads(file, base, records);
  const fakes::SecurableObject& page = end_state_.objects.at(
      fakes::ObjectKey(fixer::ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\data0\\sub\\page.aspx"));
  const auto aspnet = fakes::UserSidIn(end_state_, "ASPNET");
  ASSERT_TRUE(aspnet.has_value());
  EXPECT_TRUE(std::any_of(page.dacl.begin(), page.dacl.end(), [&](const fixer::Ace& a) { return a.sid == *aspnet; }));
}

// A machine file Notepad saved as "Unicode" (UTF-16LE, a byte order mark, CRLF line ends) reads
// as its UTF-8 text; the log checks the file's own bytes, so at every record the file and its log
// load as the machine then; the checkpoint writes the machine back as UTF-8.
TEST_F(MachineLogTest, AUtf16FileLoadsAndARunOnItKeepsItsLogAndEndsAsUtf8) {
  const std::string text = AffectedXp(2);
  std::string utf16 = "\xFF\xFE";
  for (char c : text) {
    if (c == '\n') utf16 += std::string("\r\0", 2);
    utf16 += c;
    utf16 += '\0';
  }
  const std::string file = (dir_ / "machine.yaml").string();
  WriteAll(file, utf16);
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_TRUE(*loaded.value == *fakes::LoadMachineText(text, "m.yaml").value);

  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kRecreate);
  ASSERT_EQ(end_.exit_code, fixer::ExitCode::kOk) << app::RunText(end_);
  ASSERT_GT(records.size(), 5u);
  const std::string end_file = test_support::Slurp(file);
  EXPECT_EQ(fakes::DetectTextEncoding(end_file), fakes::TextEncoding::kUtf8);
  ExpectEachRecordLoads(file, utf16, records);
}

TEST_F(MachineLogTest, TheRunEndsWithACheckpointAndNoLog) {
  const std::string file = Machine(AffectedXp(2));
  Run(file, app::Verb::kApply, fixer::Strategy::kRecreate);
  EXPECT_FALSE(fs::exists(file + ".log"));
  for (const auto& entry : fs::directory_iterator(dir_.path())) EXPECT_EQ(entry.path().filename(), "machine.yaml");
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(*loaded.value == end_state_);
}

TEST_F(MachineLogTest, AVerbThatChangesNothingWritesNoFileAndNoLog) {
  const std::string file = Machine(AffectedXp(2));
  Run(file, app::Verb::kApply, fixer::Strategy::kKeepSid);
  const std::string fixed = test_support::Slurp(file);
  const auto mtime = fs::last_write_time(file);
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kKeepSid);
  EXPECT_EQ(end_.exit_code, fixer::ExitCode::kOk) << app::RunText(end_);
  EXPECT_TRUE(records.empty());
  EXPECT_FALSE(fs::exists(file + ".log"));
  EXPECT_EQ(test_support::Slurp(file), fixed);
  EXPECT_EQ(fs::last_write_time(file), mtime);
}

// A record holds what the calls changed, not the machine: with 100 or 300 folders naming ASPNET
// the run appends the same records, and only those that carry the ACEs (the grants the journal
// keeps, the folders re-granted) grow with them.
TEST_F(MachineLogTest, ARecordCostsWhatItChanges) {
  auto record_sizes = [&](int aces) {
    const auto records = Run(Machine(AffectedXp(aces)), app::Verb::kApply, fixer::Strategy::kRecreate);
    EXPECT_EQ(end_.exit_code, fixer::ExitCode::kOk) << app::RunText(end_);
    std::vector<size_t> sizes;
    size_t previous = 0;
    for (const Snapshot& r : records) {
      sizes.push_back(r.log.size() - previous);
      previous = r.log.size();
    }
    return sizes;
  };
  const std::vector<size_t> small = record_sizes(100);
  const std::vector<size_t> large = record_sizes(300);
  ASSERT_EQ(small.size(), large.size());
  size_t growing = 0;
  for (size_t i = 0; i < small.size(); ++i) {
    if (large[i] > small[i] + 16) {
      ++growing;
      EXPECT_GT(large[i], small[i] * 2) << "record " << i + 1 << " grows, but less than the ACEs it would carry";
    }
  }
  EXPECT_GT(growing, 0u);
  EXPECT_LE(growing, 6u) << small.size() << " records";
}

// Every byte of the run's last record cut off in turn: the log loads as the machine before it.
TEST_F(MachineLogTest, ATornLastRecordIsIgnoredAtEveryByte) {
  const std::string file = Machine(AffectedXp(2));
  auto base = fakes::OpenMachineFile(file);
  ASSERT_TRUE(base.ok());
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kRecreate);
  ASSERT_GE(records.size(), 3u);
  const std::string& before = records[records.size() - 2].log;
  const std::string& whole = records.back().log;
  fakes::OpenedMachineFile at_before = *base.value;  // the file's CRC and size, and the machine before
  at_before.state = records[records.size() - 2].state;
  at_before.log.log_bytes = before.size();
  at_before.log.records = records.size() - 1;
  for (size_t cut = before.size(); cut < whole.size(); ++cut) {
    fakes::OpenedMachineFile opened = at_before;
    auto error = fakes::ReplayMachineLog(std::string_view(whole).substr(0, cut), file + ".log", opened);
    ASSERT_FALSE(error) << "cut at byte " << cut << ": " << error->ToString();
    ASSERT_TRUE(opened.state == records[records.size() - 2].state) << "cut at byte " << cut;
    ASSERT_EQ(opened.log.records, records.size() - 1);
    ASSERT_EQ(opened.log.log_bytes, before.size());
  }
  // The same through the file, for a few cuts: the header line, the body, its last byte.
  for (size_t cut : {before.size() + 3, before.size() + 40, whole.size() - 1}) {
    Machine(AffectedXp(2));
    WriteAll(file + ".log", whole.substr(0, cut));
    auto loaded = fakes::LoadMachineFile(file);
    ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
    EXPECT_TRUE(*loaded.value == records[records.size() - 2].state) << "cut at byte " << cut;
  }
}

TEST_F(MachineLogTest, ADamagedRecordBeforeTheEndIsALoadErrorAtItsLine) {
  const std::string file = Machine(AffectedXp(2));
  const std::string base = test_support::Slurp(file);
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kKeepSid);
  ASSERT_GE(records.size(), 3u);
  std::string log = records.back().log;
  // A byte of the second record's body changed: its checksum no longer matches.
  const size_t second = records[0].log.size();
  const size_t body = log.find('\n', second) + 1;
  log[body + 3] ^= 0x20;
  WriteAll(file, base);
  WriteAll(file + ".log", log);
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_FALSE(loaded.ok());
  const int line = static_cast<int>(std::count(log.begin(), log.begin() + static_cast<long>(second), '\n')) + 1;
  EXPECT_EQ(loaded.error->ToString(), file + ".log:" + std::to_string(line) +
                                          ":1: damaged machine log record at byte " + std::to_string(second) +
                                          ": checksum mismatch");
  // Not a log at all.
  WriteAll(file + ".log", "colour: blue\n");
  loaded = fakes::LoadMachineFile(file);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error->ToString(), HasSubstr("machine.yaml.log:1:1: not a machine log"));
}

// Only a true prefix of a header is a header cut short (ignored, then truncated by the next
// writer); a file of the log's name holding anything else, newline or not, is refused where it
// stops looking like a header, and an apply leaves it as it was.
TEST_F(MachineLogTest, OnlyAHeaderCutShortIsIgnoredAnythingElseIsNotAMachineLog) {
  const std::string file = Machine(AffectedXp(1));
  const std::string base = test_support::Slurp(file);
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kKeepSid);
  ASSERT_FALSE(records.empty());
  const std::string log = records.front().log;
  const std::string header = log.substr(0, log.find('\n') + 1);
  for (size_t cut = 0; cut < header.size(); ++cut) {
    WriteAll(file, base);
    WriteAll(file + ".log", header.substr(0, cut));
    auto loaded = fakes::LoadMachineFile(file);
    ASSERT_TRUE(loaded.ok()) << "cut at byte " << cut << ": " << loaded.error->ToString();
  }
  struct NotALog {
    std::string text;
    int column;
  };
  const std::vector<NotALog> not_logs = {
      {"my notes about this machine", 1},  // no newline at all
      {"fixup-machine-log 2", 19},         // another format's word, no newline
      {header.substr(0, 20) + "12x", 23},  // a size that is no number
      {header.substr(0, header.size() - 3) + "Z", static_cast<int>(header.size()) - 2},  // a CRC that is no hex
      {"colour: blue\nfixup-machine-log 1\n", 1},                                      // a first line that is no header
      {header.substr(0, header.size() - 1) + " \n", static_cast<int>(header.size())},  // more on the line
  };
  for (const NotALog& n : not_logs) {
    WriteAll(file, base);
    WriteAll(file + ".log", n.text);
    auto loaded = fakes::LoadMachineFile(file);
    ASSERT_FALSE(loaded.ok()) << n.text;
    EXPECT_THAT(loaded.error->ToString(),
                HasSubstr("machine.yaml.log:1:" + std::to_string(n.column) + ": not a machine log"))
        << n.text;
    // The tool's backend refuses the machine too, and leaves the file of the log's name as it was.
    EXPECT_FALSE(fakes::StateFileBackend::Open({.path = file}).ok()) << n.text;
    EXPECT_EQ(test_support::Slurp(file + ".log"), n.text);
    EXPECT_EQ(test_support::Slurp(file), base);
  }
}

// A log for another version of the file whose records the file holds: ignored, and saving removes it.
TEST_F(MachineLogTest, ALogACheckpointLeftIsIgnoredAndSavingRemovesIt) {
  const std::string file = Machine(AffectedXp(1));
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kKeepSid);
  ASSERT_FALSE(records.empty());
  // The checkpoint replaced the file; a stop before the log's removal leaves the old log, marked.
  const std::string fixed = test_support::Slurp(file);
  WriteAll(file + ".log", records.back().log + "checkpoint " + std::to_string(fixed.size()) + " " +
                              Hex8(ReferenceCrc32(fixed)) + "\n");
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_TRUE(*loaded.value == end_state_);
  ASSERT_TRUE(fakes::SaveMachineFile(end_state_, file).ok());
  EXPECT_FALSE(fs::exists(file + ".log"));
}

// A run that holds the file but changes nothing (a resume or rollback that finds no journal, an
// apply with nothing to do) still removes a log that holds no record for it: another version's,
// or a header alone, left by a run stopped at the wrong moment, would otherwise stay for ever.
TEST_F(MachineLogTest, ALogWithNoRecordForTheFileIsRemovedByARunThatHoldsIt) {
  const std::string file = Machine(AffectedXp(1));
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kKeepSid);
  ASSERT_FALSE(records.empty());
  const std::string fixed = test_support::Slurp(file);
  const std::string header_alone = records.front().log.substr(0, records.front().log.find('\n') + 1);
  // A checkpoint stopped between its rename and the log's removal: its mark names the file.
  const std::string checkpointed =
      records.back().log + "checkpoint " + std::to_string(fixed.size()) + " " + Hex8(ReferenceCrc32(fixed)) + "\n";
  for (const std::string& stale : {checkpointed, header_alone}) {
    for (const app::Verb verb : {app::Verb::kResume, app::Verb::kRollback, app::Verb::kApply}) {
      SCOPED_TRACE(std::string(app::ToString(verb)) + ", a log of " + std::to_string(stale.size()) + " bytes");
      WriteAll(file + ".log", stale);
      auto opened = fakes::StateFileBackend::Open({.path = file, .changes = true});
      ASSERT_TRUE(opened.ok()) << opened.error->ToString();
      const app::VerbRun run = app::RunVerb(**opened.value, verb, fixer::Options{});
      EXPECT_EQ(run.exit_code, fixer::ExitCode::kOk) << run.outcome;
      EXPECT_FALSE(fs::exists(file + ".log"));
      EXPECT_EQ(test_support::Slurp(file), fixed);  // the file itself is not rewritten
    }
  }
  // A run that changes nothing by its verb (diagnose) does not hold the file: the log stays.
  WriteAll(file + ".log", checkpointed);
  auto reading = fakes::StateFileBackend::Open({.path = file});
  ASSERT_TRUE(reading.ok()) << reading.error->ToString();
  EXPECT_TRUE(fs::exists(file + ".log"));
}

}  // namespace

namespace {

// Every object form the log's object_states block writes: a file (not a container) with a null
// owner and a deny ACE, a registry key with values, a metabase node, a path with a space and the
// characters YAML quotes ('#', quotes, brackets; a line end or a '|' no Windows file name holds),
// and an object deleted.
fakes::MachineState WithEveryObjectForm(fakes::MachineState s) {
  const auto sid = [](const char* text) { return *fixer::Sid::Parse(text); };
  fakes::SecurableObject file{.ns = fixer::ObjectNamespace::kFile, .path = "C:\\data\\odd name #1 'x' & [y], {z}.txt"};
  file.container = false;
  file.dacl = {{fixer::AceType::kDeny, sid("S-1-5-32-545"), 0x1, 0x0},
               {fixer::AceType::kAllow, sid("S-1-1-0"), 0x1F01FF, 0x3}};
  fakes::SecurableObject key{.ns = fixer::ObjectNamespace::kRegistry, .path = "HKLM\\SOFTWARE\\Contoso"};
  key.owner = sid("S-1-5-32-544");
  key.values = {{"", "default"}, {"Path", "C:\\a b\\c"}, {"multi\nline", "x\ny"}};
  fakes::SecurableObject node{.ns = fixer::ObjectNamespace::kMetabase, .path = "/LM/W3SVC/1/ROOT/odd"};
  for (const fakes::SecurableObject& o : {file, key, node}) s.objects.Put(fakes::ObjectKey(o.ns, o.path), o);
  return s;
}

}  // namespace

TEST_F(MachineLogTest, EveryObjectFormAndItsDeletionReplayAsTheyWere) {
  const std::string file = Machine(AffectedXp(2));
  auto opened = fakes::OpenMachineFile(file);
  ASSERT_TRUE(opened.ok());
  fakes::MachineState now = opened.value->state;
  fakes::MachineLog log(file, opened.value->log, now);
  now = WithEveryObjectForm(std::move(now));
  ASSERT_TRUE(now.objects.Erase(fakes::ObjectKey(fixer::ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot\\data0")));
  // A call that names no one object: the record carries every object.
  log.Note({.call = 1, .op = "file.delete_tree", .target = "C:\\data"}, now);
  ASSERT_TRUE(log.Append(now).ok());
  EXPECT_THAT(test_support::Slurp(file + ".log"), HasSubstr("\nobject_states: "));
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_TRUE(loaded.value->objects == now.objects);
  EXPECT_TRUE(*loaded.value == now);
}

TEST_F(MachineLogTest, ChecksumsAgreeWithTheReferenceCrcAndADamagedBlockIsAnErrorAtItsLine) {
  const std::string file = Machine(AffectedXp(3));
  const std::string base = test_support::Slurp(file);
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kRecreate);
  ASSERT_GE(records.size(), 3u);
  const std::string log = records.back().log;
  EXPECT_TRUE(
      log.starts_with("fixup-machine-log 1 " + std::to_string(base.size()) + " " + Hex8(ReferenceCrc32(base)) + "\n"))
      << log.substr(0, log.find('\n'));
  // Every record's checksum, and the grants of the recreate in their own block.
  bool grants = false;
  size_t last_object_record = std::string::npos, last_frame = 0;
  for (size_t at = log.find('\n') + 1; at < log.size();) {
    const size_t eol = log.find('\n', at);
    unsigned long seq = 0, length = 0;
    char crc[9] = {};
    ASSERT_EQ(std::sscanf(log.c_str() + at, "record %lu %lu %8s", &seq, &length, crc), 3);
    const std::string_view body = std::string_view(log).substr(eol + 1, length);
    EXPECT_EQ(crc, Hex8(ReferenceCrc32(body))) << "record " << seq;
    grants = grants || body.find("\ngrants: ") != std::string_view::npos;
    if (body.find("\nobject_states: ") != std::string_view::npos) {
      last_object_record = at;
      last_frame = eol;
    }
    at = eol + 1 + length;
  }
  EXPECT_TRUE(grants);
  ASSERT_NE(last_object_record, std::string::npos);
  // An ACE line made wrong, the checksum made right again: the record is read and refused at the line.
  const size_t length_at = log.find(' ', log.find(' ', last_object_record) + 1) + 1;
  const size_t length = std::stoul(log.substr(length_at));
  std::string body = log.substr(last_frame + 1, length);
  const size_t allow = body.find("\nallow ");
  ASSERT_NE(allow, std::string::npos);
  body.replace(allow + 1, 5, "allov");
  const std::string frame = log.substr(last_object_record, length_at - last_object_record) + std::to_string(length) +
                            " " + Hex8(ReferenceCrc32(body)) + "\n";
  const std::string damaged = log.substr(0, last_object_record) + frame + body + log.substr(last_frame + 1 + length);
  WriteAll(file, base);
  WriteAll(file + ".log", damaged);
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_FALSE(loaded.ok());
  const auto line =
      std::count(damaged.begin(), damaged.begin() + static_cast<long>(last_frame + 1 + allow + 1), '\n') + 1;
  EXPECT_EQ(loaded.error->ToString(),
            file + ".log:" + std::to_string(line) + ":1: expected '<allow|deny> <mask hex> <flags hex> <SID>'");
}

// A record is read by the machine file's rules: an object's path, registry value name or data
// holding text a machine file refuses (a bidi control, a noncharacter, a byte that is not UTF-8),
// or an object key that does not name the path after it, is an error at its line, never a machine.
TEST_F(MachineLogTest, AnObjectARecordCarriesIsReadByTheMachineFilesRules) {
  struct Case {
    const char* what;
    std::string key_path;
    fakes::SecurableObject object;
    std::string error;
  };
  const std::vector<Case> cases = {
      {"a bidi control in a path",
       "C:\\a\xE2\x80\xAE"
       "b",
       {.ns = fixer::ObjectNamespace::kFile,
        .path = "C:\\a\xE2\x80\xAE"
                "b"},
       "bidirectional control character U+202E in text"},
      {"a byte that is not UTF-8 in a value",
       "HKLM\\SOFTWARE\\X",
       {.ns = fixer::ObjectNamespace::kRegistry, .path = "HKLM\\SOFTWARE\\X", .values = {{"v", "a\xFF"}}},
       // At its byte: the data's line is "2 a\xFF", the byte at column 4 (not at column 1).
       ":4: text is not UTF-8"},
      {"a key naming another path",
       "C:\\a",
       {.ns = fixer::ObjectNamespace::kFile, .path = "C:\\b"},
       "object key 'file:c:\\a' does not name the path that follows it"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    const std::string file = Machine(AffectedXp(0));
    auto opened = fakes::OpenMachineFile(file);
    ASSERT_TRUE(opened.ok());
    fakes::MachineState now = opened.value->state;
    {
      fakes::MachineLog log(file, opened.value->log, now);
      now.objects.Put(fakes::ObjectKey(c.object.ns, c.key_path), c.object);
      log.Note({.call = 1, .op = "file.delete_tree", .target = "C:\\"}, now);
      ASSERT_TRUE(log.Append(now).ok());
    }
    auto loaded = fakes::LoadMachineFile(file);
    ASSERT_FALSE(loaded.ok());
    EXPECT_THAT(loaded.error->ToString(), HasSubstr(file + ".log:"));
    EXPECT_THAT(loaded.error->ToString(), HasSubstr(c.error));
    fs::remove(file + ".log");
  }
}

namespace {

// The log as a checkpoint leaves it at its rename: every record, then its mark.
std::string LogAtRename(fakes::MachineLog& log, const fakes::MachineState& now, const std::string& log_path) {
  std::string at_rename;
  const fixer::Status saved = log.Checkpoint(now, [&](int) {
    at_rename = test_support::Slurp(log_path);
    return fixer::Status::Ok();
  });
  EXPECT_TRUE(saved.ok()) << saved.ToString();
  return at_rename;
}

}  // namespace

// A checkpoint marks the log with the file it renames in before the rename: a stop between the
// rename and the log's removal leaves a log the next load ignores, as the file holds its records.
TEST_F(MachineLogTest, ACheckpointMarksItsLogSoThatALogLeftAtItsRenameIsIgnored) {
  const std::string file = Machine(AffectedXp(2));
  auto opened = fakes::OpenMachineFile(file);
  ASSERT_TRUE(opened.ok());
  fakes::MachineState now = opened.value->state;
  fakes::MachineLog log(file, opened.value->log, now);
  now = WithEveryObjectForm(std::move(now));
  log.Note({.call = 1, .op = "file.delete_tree", .target = "C:\\data"}, now);
  ASSERT_TRUE(log.Append(now).ok());
  const std::string before = test_support::Slurp(file);
  const std::string at_rename = LogAtRename(log, now, file + ".log");
  const std::string saved = test_support::Slurp(file);
  EXPECT_THAT(at_rename, ::testing::EndsWith("\ncheckpoint " + std::to_string(saved.size()) + " " +
                                             Hex8(ReferenceCrc32(saved)) + "\n"));
  EXPECT_FALSE(fs::exists(file + ".log"));
  WriteAll(file + ".log", at_rename);  // as a stop before the log's removal left it
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_TRUE(*loaded.value == now);
  // Stopped before the rename instead: the old file and the marked log replay to the same machine.
  WriteAll(file, before);
  auto replayed = fakes::LoadMachineFile(file);
  ASSERT_TRUE(replayed.ok()) << replayed.error->ToString();
  EXPECT_TRUE(*replayed.value == now);
}

// Audit 8 item 2: a run killed mid-repair, then a comment added to the file. The log's records are
// the only record of the half-done repair: every loader refuses the pair naming both files, no
// run removes the log, and undoing the edit loads the machine with the log replayed.
TEST_F(MachineLogTest, ALogWhoseRecordsWereNeverSavedBesideAnEditedFileIsAnErrorThatKeepsIt) {
  const std::string file = Machine(AffectedXp(2));
  const std::string base = test_support::Slurp(file);
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kRecreate);
  ASSERT_GE(records.size(), 3u);
  const Snapshot& killed = records[records.size() / 2];  // as a kill there left it
  const std::string edited = base + "# note: customer called back\n";
  WriteAll(file, edited);
  WriteAll(file + ".log", killed.log);
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_FALSE(loaded.ok()) << "the half-done repair was dropped";
  const std::string error = loaded.error->ToString();
  EXPECT_THAT(error, ::testing::StartsWith(file + ".log:1:21: holds " + std::to_string(records.size() / 2 + 1) +
                                           " records of a repair that was stopped before it saved " + file));
  EXPECT_THAT(error,
              HasSubstr("a file of " + std::to_string(base.size()) + " bytes, CRC-32 " + Hex8(ReferenceCrc32(base))));
  EXPECT_THAT(error, HasSubstr(file + " has " + std::to_string(edited.size()) + " bytes"));
  EXPECT_THAT(error, HasSubstr("remove " + file + ".log"));
  // No verb gets to run, a changing one (which would remove a log with no record) least of all.
  for (const bool changes : {true, false}) {
    auto backend = fakes::StateFileBackend::Open({.path = file, .changes = changes});
    ASSERT_FALSE(backend.ok());
    EXPECT_EQ(backend.error->ToString(), error);
  }
  EXPECT_EQ(test_support::Slurp(file + ".log"), killed.log);
  EXPECT_EQ(test_support::Slurp(file), edited);
  // The edit undone: the file and its log load as the machine at that record again.
  WriteAll(file, base);
  auto again = fakes::LoadMachineFile(file);
  ASSERT_TRUE(again.ok()) << again.error->ToString();
  EXPECT_TRUE(*again.value == killed.state);
}
