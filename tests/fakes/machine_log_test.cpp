// The machine log (fakes/machine_log.h) under the state-file backend: at every record the file
// and its log load as the machine the fixer had then; a record costs what it changes; a torn
// last record is ignored at every byte; a damaged record before the end is a load error at
// LOG:LINE; a log written for another version of the file is ignored; a verb that changes
// nothing writes no file and no log; a checkpoint leaves the file alone, without a log.
#include <chrono>
#include <iostream>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "app/verbs.h"
#include "fakes/machine_log.h"
#include "fakes/machine_yaml.h"
#include "fakes/state_file_backend.h"

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

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteAll(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

class MachineLogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("machine_log_test_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

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
    options.after_append = [&] { records.push_back({ReadAll(file + ".log"), backend->state()}); };
    auto opened = fakes::StateFileBackend::Open(options);
    EXPECT_TRUE(opened.ok()) << opened.error->ToString();
    backend = opened.value->get();
    fixer::Options fix;
    fix.strategy = strategy;
    end_ = app::RunVerb(*backend, verb, fix);
    end_state_ = backend->state();
    return records;
  }

  fs::path dir_;
  app::VerbRun end_;
  fakes::MachineState end_state_;
};

TEST_F(MachineLogTest, AtEveryRecordTheFileAndLogLoadAsTheMachineThen) {
  for (fixer::Strategy strategy : {fixer::Strategy::kKeepSid, fixer::Strategy::kRecreate}) {
    const std::string file = Machine(AffectedXp(3));
    const std::string base = ReadAll(file);
    const auto records = Run(file, app::Verb::kApply, strategy);
    ASSERT_EQ(end_.exit_code, fixer::ExitCode::kOk) << app::RunText(end_);
    ASSERT_GT(records.size(), 5u);
    const std::string end_file = ReadAll(file);
    for (size_t i = 0; i < records.size(); ++i) {
      WriteAll(file, base);
      WriteAll(file + ".log", records[i].log);
      auto loaded = fakes::LoadMachineFile(file);
      ASSERT_TRUE(loaded.ok()) << "record " << i + 1 << ": " << loaded.error->ToString();
      EXPECT_TRUE(*loaded.value == records[i].state) << "record " << i + 1 << " of " << records.size();
    }
    // The checkpoint: the file is the end state, and no log is left.
    WriteAll(file, end_file);
    fs::remove(file + ".log");
    auto loaded = fakes::LoadMachineFile(file);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(*loaded.value == end_state_);
  }
}

TEST_F(MachineLogTest, TheRunEndsWithACheckpointAndNoLog) {
  const std::string file = Machine(AffectedXp(2));
  Run(file, app::Verb::kApply, fixer::Strategy::kRecreate);
  EXPECT_FALSE(fs::exists(file + ".log"));
  for (const auto& entry : fs::directory_iterator(dir_)) EXPECT_EQ(entry.path().filename(), "machine.yaml");
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(*loaded.value == end_state_);
}

TEST_F(MachineLogTest, AVerbThatChangesNothingWritesNoFileAndNoLog) {
  const std::string file = Machine(AffectedXp(2));
  Run(file, app::Verb::kApply, fixer::Strategy::kKeepSid);
  const std::string fixed = ReadAll(file);
  const auto mtime = fs::last_write_time(file);
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kKeepSid);
  EXPECT_EQ(end_.exit_code, fixer::ExitCode::kOk) << app::RunText(end_);
  EXPECT_TRUE(records.empty());
  EXPECT_FALSE(fs::exists(file + ".log"));
  EXPECT_EQ(ReadAll(file), fixed);
  EXPECT_EQ(fs::last_write_time(file), mtime);
}

// A record holds the objects the calls named, not the machine: with 300 folders naming ASPNET,
// the records before the re-grant are far smaller than the file.
TEST_F(MachineLogTest, ARecordCostsWhatItChanges) {
  const std::string file = Machine(AffectedXp(300));
  const size_t file_size = ReadAll(file).size();
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kRecreate);
  ASSERT_EQ(end_.exit_code, fixer::ExitCode::kOk) << app::RunText(end_);
  size_t previous = 0, small = 0;
  for (const Snapshot& r : records) {
    const size_t record = r.log.size() - previous;
    previous = r.log.size();
    if (record < file_size / 10) ++small;
  }
  // Only the records that carry the re-granted or removed ACEs of all 300 folders, the grants'
  // list in the journal, or a deleted profile folder's subtree may be large.
  EXPECT_GE(small, records.size() - 6) << records.size() << " records";
  previous = 0;
  for (const Snapshot& r : records) {
    std::string rec = r.log.substr(previous);
    previous = r.log.size();
    std::cerr << rec.size() << " " << rec.substr(0, rec.find("base: empty")) << "\n";
  }
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 10; ++i) fakes::LoadMachineFile(file);
  std::cerr << "load ms " << std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 10 << "\n";
}

TEST_F(MachineLogTest, ATornLastRecordIsIgnoredAtEveryByte) {
  const std::string file = Machine(AffectedXp(2));
  const std::string base = ReadAll(file);
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kRecreate);
  ASSERT_GE(records.size(), 3u);
  // The last record of the run, and the largest; the log before each holds the one before.
  std::vector<size_t> picks = {records.size() - 1};
  size_t largest = 1;
  for (size_t i = 1; i < records.size(); ++i) {
    if (records[i].log.size() - records[i - 1].log.size() > records[largest].log.size() - records[largest - 1].log.size()) {
      largest = i;
    }
  }
  picks.push_back(largest);
  for (size_t k : picks) {
    const std::string& before = records[k - 1].log;
    const std::string& whole = records[k].log;
    WriteAll(file, base);
    for (size_t cut = before.size(); cut < whole.size(); ++cut) {
      WriteAll(file + ".log", whole.substr(0, cut));
      auto loaded = fakes::LoadMachineFile(file);
      ASSERT_TRUE(loaded.ok()) << "cut at byte " << cut << ": " << loaded.error->ToString();
      ASSERT_TRUE(*loaded.value == records[k - 1].state) << "record " << k + 1 << " cut at byte " << cut;
    }
  }
}

TEST_F(MachineLogTest, ADamagedRecordBeforeTheEndIsALoadErrorAtItsLine) {
  const std::string file = Machine(AffectedXp(2));
  const std::string base = ReadAll(file);
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
  EXPECT_EQ(loaded.error->ToString(),
            file + ".log:" + std::to_string(line) + ":1: damaged machine log record at byte " + std::to_string(second) +
                ": checksum mismatch");
  // Not a log at all.
  WriteAll(file + ".log", "colour: blue\n");
  loaded = fakes::LoadMachineFile(file);
  ASSERT_FALSE(loaded.ok());
  EXPECT_THAT(loaded.error->ToString(), HasSubstr("machine.yaml.log:1:1: not a machine log"));
}

TEST_F(MachineLogTest, ALogOfAnotherVersionOfTheFileIsIgnoredAndSavingRemovesIt) {
  const std::string file = Machine(AffectedXp(1));
  const auto records = Run(file, app::Verb::kApply, fixer::Strategy::kKeepSid);
  ASSERT_FALSE(records.empty());
  // The checkpoint replaced the file; a stop before the log's removal leaves the old log.
  WriteAll(file + ".log", records.back().log);
  auto loaded = fakes::LoadMachineFile(file);
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  EXPECT_TRUE(*loaded.value == end_state_);
  ASSERT_TRUE(fakes::SaveMachineFile(end_state_, file).ok());
  EXPECT_FALSE(fs::exists(file + ".log"));
}

}  // namespace
