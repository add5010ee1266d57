// The lock a run that changes a machine state file holds (fakes/state_file_lock.h): a second
// lock of the file is refused with 32, and granted once the first ends; a file renamed over the
// name between the open and the lock is locked afresh, so the lock is always on the file the name
// holds; a checkpoint's new file is locked before its rename (Adopt), so no other run takes the
// name in between; a name that leads to no regular file is not locked, and not an error.
#include <filesystem>
#include <string>

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

constexpr const char* kAnotherRunsOut = "os: windows-xp-professional\nseed: 5\n";

// A changing run opens m.yaml with an --out, out.yaml, that does not exist; another run's
// out.yaml then appears there (`held`: that run holds it). What this run's first checkpoint says.
fixer::Status FirstCheckpointAfterAnotherRunsOut(const test_support::TempFolder& dir, bool held) {
  const fs::path machine = dir.Write("m.yaml", kMachine);
  const fs::path out = dir / "out.yaml";
  auto opened = fakes::StateFileBackend::Open({.path = machine.string(), .out = out.string(), .changes = true});
  if (!opened.ok()) return fixer::Status(fixer::kErrorInvalidData, opened.error->ToString());
  dir.Write("out.yaml", kAnotherRunsOut);
  fakes::StateFileLock other_run;
  if (held && !other_run.Acquire(out.string()).ok()) return fixer::Status(fixer::kErrorInvalidData, "not held");
  return (*opened.value)->BeginChanges();
}

// Another run that made the --out meanwhile, and holds it, keeps it: this run is refused at its
// first checkpoint, the file left as it is.
TEST(StateFileLock, AnOutMadeAndHeldByAnotherRunMeanwhileIsNotReplaced) {
  const test_support::TempFolder dir("state_file_lock");
  const fixer::Status began = FirstCheckpointAfterAnotherRunsOut(dir, true);
  EXPECT_EQ(began.code(), fixer::kErrorSharingViolation) << began;
  // In the words of an --out held at the open (README), not as a write that failed.
  EXPECT_EQ(began.ToString(), "32: " + (dir / "out.yaml").string() +
                                  ": cannot open machine state file: 32: The process cannot access the file because it "
                                  "is being used by another process.");
  EXPECT_EQ(test_support::Slurp(dir / "out.yaml"), kAnotherRunsOut);
}

// The same race a moment later: the other run's file takes the name after this run looked (it was
// free and unlocked) and before its rename. The rename takes only a free name: refused with 183,
// the other run's file left as it is, nothing of this run's left beside it.
TEST(StateFileLock, AnOutMadeMeanwhileIsNotReplacedEvenUnlocked) {
  const test_support::TempFolder dir("state_file_lock");
  const fixer::Status began = FirstCheckpointAfterAnotherRunsOut(dir, false);
  EXPECT_EQ(began.code(), fixer::kErrorAlreadyExists) << began;
  EXPECT_NE(began.ToString().find("183: Cannot create a file when that file already exists."), std::string::npos)
      << began;
  EXPECT_EQ(test_support::Slurp(dir / "out.yaml"), kAnotherRunsOut);
  EXPECT_EQ(dir.Names(), (std::vector<std::string>{"m.yaml", "out.yaml"}));
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

TEST(StateFileLock, AnOutMadeMeanwhileIsNotReplacedByARunThatChangesNothing) {
  const test_support::TempFolder dir("state_file_lock");
  const fs::path machine = dir.Write("m.yaml", kMachine);
  const fs::path out = dir / "out.yaml";
  auto opened = fakes::StateFileBackend::Open({.path = machine.string(), .out = out.string()});
  ASSERT_TRUE(opened.ok()) << opened.error->ToString();
  dir.Write("out.yaml", kAnotherRunsOut);
  const fixer::Status saved = (*opened.value)->EndChanges();
  EXPECT_EQ(saved.code(), fixer::kErrorAlreadyExists) << saved;
  EXPECT_EQ(test_support::Slurp(out), kAnotherRunsOut);
  EXPECT_EQ(dir.Names(), (std::vector<std::string>{"m.yaml", "out.yaml"}));
}

// capture --out writes its file through the backend that holds it (WriteOut), by the same rule: an
// --out another process made after the open is not replaced (183, as the verbs say it), and one
// that was there, held from the open, is replaced and stays held.
TEST(StateFileLock, ACaptureDoesNotReplaceAnOutMadeMeanwhile) {
  const test_support::TempFolder dir("state_file_lock");
  const fs::path machine = dir.Write("m.yaml", kMachine);
  const fs::path out = dir / "out.yaml";
  auto opened = fakes::StateFileBackend::Open({.path = machine.string(), .out = out.string()});
  ASSERT_TRUE(opened.ok()) << opened.error->ToString();
  dir.Write("out.yaml", kAnotherRunsOut);
  const fixer::Status written = (*opened.value)->WriteOut("{}\n");
  EXPECT_EQ(written.code(), fixer::kErrorAlreadyExists) << written;
  EXPECT_EQ(written.ToString(),
            "183: " + out.string() + ": cannot write: 183: Cannot create a file when that file already exists.");
  EXPECT_EQ(test_support::Slurp(out), kAnotherRunsOut);
  EXPECT_EQ(dir.Names(), (std::vector<std::string>{"m.yaml", "out.yaml"})) << "no temporary file left";
}

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

}  // namespace
