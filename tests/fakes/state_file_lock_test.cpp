// The lock a run that changes a machine state file holds (fakes/state_file_lock.h): a second
// lock of the file is refused with 32, and granted once the first ends; a file renamed over the
// name between the open and the lock is locked afresh, so the lock is always on the file the name
// holds; a checkpoint's new file is locked before its rename (Adopt), so no other run takes the
// name in between; a name that leads to no regular file is not locked, and not an error.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fakes/atomic_file.h"
#include "fakes/state_file_backend.h"
#include "fakes/state_file_lock.h"
#include "fixer/win_error.h"
#include "support/process_output.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;

constexpr const char* kMachine = "os: windows-xp-professional\n";

TEST(StateFileLock, ASecondLockOfTheFileIsASharingViolationUntilTheFirstEnds) {
  const test_support::TempFolder dir("state_file_lock");
  const fs::path file = dir.Write("m.yaml", kMachine);
  {
    fakes::StateFileLock first;
    ASSERT_TRUE(first.Acquire(file.string()).ok());
    EXPECT_TRUE(first.held());
    fakes::StateFileLock second;
    const fixer::Status refused = second.Acquire(file.string());
    EXPECT_EQ(refused.code(), fixer::kErrorSharingViolation);
    EXPECT_EQ(refused.ToString(),
              "32: The process cannot access the file because it is being used by another process.");
    EXPECT_FALSE(second.held());
  }
  fakes::StateFileLock after;
  EXPECT_TRUE(after.Acquire(file.string()).ok());
  EXPECT_TRUE(after.held());
}

TEST(StateFileLock, AFileRenamedOverTheNameBeforeTheLockIsLockedAfresh) {
  const test_support::TempFolder dir("state_file_lock");
  const fs::path file = dir.Write("m.yaml", kMachine);
  const fs::path replacement = dir.Write("new.yaml", "os: windows-xp-professional\nseed: 2\n");
  fakes::StateFileLock lock;
  int opens = 0;
  // Another run's checkpoint renames its file over the name after this try opened the old one.
  ASSERT_TRUE(lock.Acquire(file.string(),
                           [&] {
                             if (++opens == 1) fs::rename(replacement, file);
                           })
                  .ok());
  EXPECT_EQ(opens, 2) << "the file the name no longer held was not opened again";
  // The lock is on the file the name holds now: no one else may take it.
  fakes::StateFileLock other;
  EXPECT_EQ(other.Acquire(file.string()).code(), fixer::kErrorSharingViolation);
}

TEST(StateFileLock, ACheckpointsNewFileIsLockedBeforeItTakesTheName) {
  const test_support::TempFolder dir("state_file_lock");
  const fs::path file = dir.Write("m.yaml", kMachine);
  fakes::StateFileLock lock;
  ASSERT_TRUE(lock.Acquire(file.string()).ok());
  bool seen_before_rename = false;
  const fixer::Status written =
      fakes::WriteFileAtomically(file.string(), "os: windows-xp-professional\nseed: 3\n", [&](int fd) {
        seen_before_rename = test_support::Slurp(file) == kMachine;  // the old file still named
        return lock.Adopt(fd);
      });
  ASSERT_TRUE(written.ok()) << written;
  EXPECT_TRUE(seen_before_rename);
  EXPECT_EQ(test_support::Slurp(file), "os: windows-xp-professional\nseed: 3\n");
  fakes::StateFileLock other;
  EXPECT_EQ(other.Acquire(file.string()).code(), fixer::kErrorSharingViolation)
      << "the new file took the name unlocked";
}

TEST(StateFileLock, AFailedAdoptStopsTheWriteAndKeepsTheOldFile) {
  const test_support::TempFolder dir("state_file_lock");
  const fs::path file = dir.Write("m.yaml", kMachine);
  const fixer::Status written = fakes::WriteFileAtomically(
      file.string(), "seed: 4\n", [](int) { return fixer::Status::Win(fixer::kErrorSharingViolation); });
  EXPECT_EQ(written.code(), fixer::kErrorSharingViolation);
  EXPECT_EQ(test_support::Slurp(file), kMachine);
  EXPECT_EQ(dir.Names(), std::vector<std::string>{"m.yaml"}) << "the temporary file was left";
}

TEST(StateFileLock, ANameThatLeadsToNoRegularFileIsNotLocked) {
  const test_support::TempFolder dir("state_file_lock");
  for (const fs::path& path : {dir / "missing.yaml", dir.path()}) {
    fakes::StateFileLock lock;
    EXPECT_TRUE(lock.Acquire(path.string()).ok()) << path;
    EXPECT_FALSE(lock.held()) << path;
  }
}

// A changing run's checkpoint renames a new file over the name: that file is the run's, locked, to
// the end of the run (here BeginChanges's checkpoint of an --out).
TEST(StateFileLock, TheFileARunsCheckpointPutsInPlaceStaysLockedUntilTheRunEnds) {
  const test_support::TempFolder dir("state_file_lock");
  const fs::path machine = dir.Write("m.yaml", kMachine);
  const fs::path out = dir.Write("out.yaml", kMachine);
  {
    auto opened = fakes::StateFileBackend::Open({.path = machine.string(), .out = out.string(), .changes = true});
    ASSERT_TRUE(opened.ok()) << opened.error->ToString();
    ASSERT_TRUE((*opened.value)->BeginChanges().ok());
    fakes::StateFileLock other_run;
    EXPECT_EQ(other_run.Acquire(out.string()).code(), fixer::kErrorSharingViolation)
        << "the checkpoint's new file took the name unlocked";
    ASSERT_TRUE((*opened.value)->EndChanges().ok());
  }
  fakes::StateFileLock after;
  EXPECT_TRUE(after.Acquire(out.string()).ok());
}

// A run that changes nothing (diagnose, plan, a dry run) holds the --out it writes as a changing run
// does: an --out that exists is locked from the open to the end, and one it did not find takes
// the name at its write only where no file is.
TEST(StateFileLock, ARunThatChangesNothingHoldsItsOut) {
  const test_support::TempFolder dir("state_file_lock");
  const fs::path machine = dir.Write("m.yaml", kMachine);
  const fs::path out = dir.Write("out.yaml", kMachine);
  auto opened = fakes::StateFileBackend::Open({.path = machine.string(), .out = out.string()});
  ASSERT_TRUE(opened.ok()) << opened.error->ToString();
  fakes::StateFileLock other_run;
  EXPECT_EQ(other_run.Acquire(out.string()).code(), fixer::kErrorSharingViolation);
  // The --machine file is only read: not held.
  EXPECT_TRUE(other_run.Acquire(machine.string()).ok());
  fakes::StateFileLock after_the_write;
  ASSERT_TRUE((*opened.value)->EndChanges().ok());
  EXPECT_EQ(after_the_write.Acquire(out.string()).code(), fixer::kErrorSharingViolation)
      << "the file written is not the one held";
}

// capture --out writes its file through the backend that holds it (WriteOut): an --out that was
// there, held from the open, is replaced and stays held (one made after the open: below).
TEST(StateFileLock, ACaptureReplacesTheOutItHoldsAndKeepsItHeld) {
  const test_support::TempFolder dir("state_file_lock");
  const fs::path machine = dir.Write("m.yaml", kMachine);
  const fs::path out = dir.Write("out.yaml", kMachine);
  auto opened = fakes::StateFileBackend::Open({.path = machine.string(), .out = out.string()});
  ASSERT_TRUE(opened.ok()) << opened.error->ToString();
  ASSERT_TRUE((*opened.value)->WriteOut("{}\n").ok());
  EXPECT_EQ(test_support::Slurp(out), "{}\n");
  fakes::StateFileLock other_run;
  EXPECT_EQ(other_run.Acquire(out.string()).code(), fixer::kErrorSharingViolation);
}

constexpr const char* kAnotherRunsOut = "os: windows-xp-professional\nseed: 5\n";

// The race every run with an --out can lose: it opens m.yaml with an --out, out.yaml, that does
// not exist; another run's out.yaml then appears there. What this run writes next must leave
// that file as it is.
class AnOutMadeMeanwhile : public ::testing::Test {
 protected:
  // This run opened (`changes`: a changing run), then the other run's file put there (`held`:
  // that run holds it, to the test's end).
  void OpenThenAnotherRunsOutAppears(bool changes, bool held = false) {
    auto opened = fakes::StateFileBackend::Open({.path = machine_.string(), .out = out_.string(), .changes = changes});
    ASSERT_TRUE(opened.ok()) << opened.error->ToString();
    run_ = std::move(*opened.value);
    dir_.Write("out.yaml", kAnotherRunsOut);
    if (held) {
      ASSERT_TRUE(other_run_.Acquire(out_.string()).ok());
    }
  }
  // The other run's file as it wrote it, and nothing of this run's left beside it.
  void ExpectTheOtherRunsOutKept() const {
    EXPECT_EQ(test_support::Slurp(out_), kAnotherRunsOut);
    EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"m.yaml", "out.yaml"})) << "a temporary file was left";
  }

  const test_support::TempFolder dir_{"state_file_lock"};
  const fs::path machine_ = dir_.Write("m.yaml", kMachine);
  const fs::path out_ = dir_ / "out.yaml";
  std::unique_ptr<fakes::StateFileBackend> run_;
  fakes::StateFileLock other_run_;
};

// Another run that made the --out meanwhile, and holds it, keeps it: this run is refused at its
// first checkpoint.
TEST_F(AnOutMadeMeanwhile, AndHeldByAnotherRunIsNotReplaced) {
  ASSERT_NO_FATAL_FAILURE(OpenThenAnotherRunsOutAppears(/*changes=*/true, /*held=*/true));
  const fixer::Status began = run_->BeginChanges();
  EXPECT_EQ(began.code(), fixer::kErrorSharingViolation) << began;
  // In the words of an --out held at the open (README), not as a write that failed.
  EXPECT_EQ(began.ToString(), "32: " + out_.string() +
                                  ": cannot open machine state file: 32: The process cannot access the file because it "
                                  "is being used by another process.");
  ExpectTheOtherRunsOutKept();
}

// The same race a moment later: the other run's file takes the name after this run looked (it was
// free and unlocked) and before its rename. The rename takes only a free name: refused with 183.
TEST_F(AnOutMadeMeanwhile, IsNotReplacedEvenUnlocked) {
  ASSERT_NO_FATAL_FAILURE(OpenThenAnotherRunsOutAppears(/*changes=*/true));
  const fixer::Status began = run_->BeginChanges();
  EXPECT_EQ(began.code(), fixer::kErrorAlreadyExists) << began;
  EXPECT_NE(began.ToString().find("183: Cannot create a file when that file already exists."), std::string::npos)
      << began;
  ExpectTheOtherRunsOutKept();
}

TEST_F(AnOutMadeMeanwhile, IsNotReplacedByARunThatChangesNothing) {
  ASSERT_NO_FATAL_FAILURE(OpenThenAnotherRunsOutAppears(/*changes=*/false));
  const fixer::Status saved = run_->EndChanges();
  EXPECT_EQ(saved.code(), fixer::kErrorAlreadyExists) << saved;
  ExpectTheOtherRunsOutKept();
}

// capture --out writes its file through the backend that holds it (WriteOut), by the same rule: an
// --out another process made after the open is not replaced (183, as the verbs say it).
TEST_F(AnOutMadeMeanwhile, IsNotReplacedByACapture) {
  ASSERT_NO_FATAL_FAILURE(OpenThenAnotherRunsOutAppears(/*changes=*/false));
  const fixer::Status written = run_->WriteOut("{}\n");
  EXPECT_EQ(written.code(), fixer::kErrorAlreadyExists) << written;
  EXPECT_EQ(written.ToString(),
            "183: " + out_.string() + ": cannot write: 183: Cannot create a file when that file already exists.");
  ExpectTheOtherRunsOutKept();
}

}  // namespace
