// Atomic file writes (fakes/atomic_file.h): the target is replaced whole and no temporary file
// is left; each failing step (create, write, replace) gives the Windows error and, for a person,
// a message naming the file and the step; CheckCanCreateBeside probes a folder and leaves
// nothing; SameFile compares inodes, not spellings; RemoveDeadTemporaries removes a killed
// write's temporary file and nothing else; a device or a pipe is written into, never replaced.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fakes/atomic_file.h"
#include "fakes/whole_file.h"
#include "support/process_output.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  std::string Temp(const fs::path& target) const { return target.string() + ".tmp." + std::to_string(::getpid()); }
  const test_support::TempFolder dir_{"atomic_file_test"};
};

TEST_F(AtomicFileTest, ReplacesTheFileWholeAndLeavesNoTemporaryFile) {
  const fs::path file = dir_ / "m.yaml";
  std::ofstream(file) << "old contents, longer than the new ones\n";
  ASSERT_TRUE(fakes::WriteFileAtomically(file.string(), "new\n").ok());
  EXPECT_EQ(test_support::Slurp(file), "new\n");
  ASSERT_TRUE(fakes::WriteFileAtomicallySaying(file.string(), "newer\n").ok());
  EXPECT_EQ(test_support::Slurp(file), "newer\n");
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"});
}

// Replace::kNothing: the new file takes a free name, and never one another process filled just
// before its rename (MoveFileEx without MOVEFILE_REPLACE_EXISTING: 183); that file is left as it is.
TEST_F(AtomicFileTest, ANewFileThatMayReplaceNothingTakesOnlyAFreeName) {
  const fs::path file = dir_ / "out.yaml";
  ASSERT_TRUE(fakes::WriteFileAtomically(file.string(), "mine\n", {}, fakes::Replace::kNothing).ok());
  EXPECT_EQ(test_support::Slurp(file), "mine\n");
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"out.yaml"});

  const fs::path raced = dir_ / "raced.yaml";
  const fakes::BeforeRename another_run_first = [&](int) {
    std::ofstream(raced) << "another run's\n";
    return fixer::Status::Ok();
  };
  const fixer::Status refused =
      fakes::WriteFileAtomically(raced.string(), "mine\n", another_run_first, fakes::Replace::kNothing);
  EXPECT_EQ(refused.ToString(), "183: Cannot create a file when that file already exists.");
  EXPECT_EQ(test_support::Slurp(raced), "another run's\n");
  EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"out.yaml", "raced.yaml"})) << "no temporary file left";
  // Replace::kAny, the default, replaces it.
  ASSERT_TRUE(fakes::WriteFileAtomically(raced.string(), "mine\n", another_run_first).ok());
  EXPECT_EQ(test_support::Slurp(raced), "mine\n");
}

TEST_F(AtomicFileTest, AMissingFolderCannotBeCreatedIn) {
  const fs::path file = dir_ / "no-such-folder" / "m.yaml";
  EXPECT_EQ(fakes::WriteFileAtomically(file.string(), "x\n").code(), 3u);  // ERROR_PATH_NOT_FOUND
  const fixer::Status said = fakes::WriteFileAtomicallySaying(file.string(), "x\n");
  EXPECT_EQ(said.code(), 3u);
  EXPECT_EQ(said.message(), file.string() + ": cannot create: No such file or directory");
  EXPECT_TRUE(dir_.Names().empty());
}

// What a verb checks before its first change: the folder takes a new file; the probe leaves none.
TEST_F(AtomicFileTest, CheckCanCreateBesideProbesTheFolderAndLeavesNothing) {
  EXPECT_TRUE(fakes::CheckCanCreateBeside((dir_ / "m.yaml").string()).ok());
  EXPECT_TRUE(dir_.Names().empty());
  const fs::path file = dir_ / "no-such-folder" / "m.yaml";
  const fixer::Status missing = fakes::CheckCanCreateBeside(file.string());
  EXPECT_EQ(missing.code(), 3u);  // ERROR_PATH_NOT_FOUND
  EXPECT_EQ(missing.message(), file.string() + ": cannot create a file beside it: No such file or directory");
  EXPECT_TRUE(dir_.Names().empty());
}

// What a tool checks of each file it will write before its work: no folder in the way (a link
// to one included), and the folder it goes in takes a new file.
TEST_F(AtomicFileTest, CheckCanWriteAtomicallyRefusesAFolderAndAMissingFolder) {
  EXPECT_TRUE(fakes::CheckCanWriteAtomically((dir_ / "report.xml").string()).ok());
  fs::create_directories(dir_ / "taken");
  fs::create_symlink("taken", dir_ / "link");
  for (const char* name : {"taken", "link"}) {
    const std::string path = (dir_ / name).string();
    const fixer::Status folder = fakes::CheckCanWriteAtomically(path);
    EXPECT_EQ(folder.code(), 5u);  // ERROR_ACCESS_DENIED, as the rename over it gives
    EXPECT_EQ(folder.message(), path + ": cannot be written: Is a directory");
  }
  const std::string missing = (dir_ / "no-such-folder" / "r.xml").string();
  EXPECT_EQ(fakes::CheckCanWriteAtomically(missing).message(),
            missing + ": cannot create a file beside it: No such file or directory");
  EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"link", "taken"}));
}

// The same checks with the reason apart from the file, for a caller that words its own message.
TEST_F(AtomicFileTest, WhyCannotWriteAtomicallyGivesTheStepAndReasonApartFromTheFile) {
  EXPECT_FALSE(fakes::WhyCannotWriteAtomically((dir_ / "report.xml").string()).has_value());
  fs::create_directories(dir_ / "taken");
  const std::optional<fakes::WriteRefusal> folder = fakes::WhyCannotWriteAtomically((dir_ / "taken").string());
  ASSERT_TRUE(folder.has_value());
  EXPECT_EQ(folder->windows_error, 5u);
  EXPECT_EQ(folder->step, "cannot be written");
  EXPECT_EQ(folder->reason, "Is a directory");
  const std::optional<fakes::WriteRefusal> missing =
      fakes::WhyCannotCreateBeside((dir_ / "no-such-folder" / "r.xml").string());
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->windows_error, 3u);
  EXPECT_EQ(missing->step, "cannot create a file beside it");
  EXPECT_EQ(missing->reason, "No such file or directory");
  EXPECT_EQ(missing->ToStatus("r.xml").message(), "r.xml: cannot create a file beside it: No such file or directory");
  EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"taken"}));
}

// Through a symbolic link the files go beside the file it leads to: the refusal names that file,
// whose folder refused, not the link's folder, which may well be writable (audit 13, item 10).
TEST_F(AtomicFileTest, ARefusalThroughALinkNamesWhereTheLinkLeads) {
  const fs::path link = dir_ / "m.yaml";
  const fs::path target = dir_ / "no-such-folder" / "m.yaml";
  fs::create_symlink(target, link);
  const std::optional<fakes::WriteRefusal> refused = fakes::WhyCannotCreateBeside(link.string());
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->windows_error, 3u);
  EXPECT_EQ(refused->step, "cannot create a file beside " + target.string() + ", where it leads");
  EXPECT_EQ(refused->ToStatus(link.string(), fixer::ReasonWords::kWindows).message(),
            link.string() + ": cannot create a file beside " + target.string() +
                ", where it leads: 3: The system cannot find the path specified.");
}

// aspnet-fixer's words: the Windows error and its text, as its other file errors say them.
TEST_F(AtomicFileTest, ARefusalInWindowsWordsIsTheWindowsErrorAndItsText) {
  fs::create_directories(dir_ / "taken");
  const std::string taken = (dir_ / "taken").string();
  EXPECT_EQ(fakes::WhyCannotWriteAtomically(taken)->Reason(fixer::ReasonWords::kWindows), "5: Access is denied.");
  EXPECT_EQ(fakes::CheckCanWriteAtomically(taken, fixer::ReasonWords::kWindows).message(),
            taken + ": cannot be written: 5: Access is denied.");
  const std::string missing = (dir_ / "no-such-folder" / "r.xml").string();
  EXPECT_EQ(fakes::CheckCanWriteAtomically(missing, fixer::ReasonWords::kWindows).message(),
            missing + ": cannot create a file beside it: 3: The system cannot find the path specified.");
}

// A file that cannot be read, in Windows' words: CreateFile's 2 for a file missing from a folder
// that exists, 3 for a missing folder, 5 for a folder (docs/windows-reference.md#file-errors).
TEST_F(AtomicFileTest, AReadErrorInWindowsWordsTellsAMissingFileFromAMissingFolder) {
  const std::string file = (dir_ / "m.yaml").string();
  const std::string deeper = (dir_ / "no-such-folder" / "m.yaml").string();
  std::string text;
  EXPECT_EQ(fakes::ReadErrorText(fakes::ReadWholeFile(file, text), file, fixer::ReasonWords::kWindows),
            "2: The system cannot find the file specified.");
  EXPECT_EQ(fakes::ReadErrorText(fakes::ReadWholeFile(deeper, text), deeper, fixer::ReasonWords::kWindows),
            "3: The system cannot find the path specified.");
  EXPECT_EQ(fakes::ReadErrorText(fakes::ReadWholeFile(dir_.path().string(), text), dir_.path().string(),
                                 fixer::ReasonWords::kWindows),
            "5: Access is denied.");
  EXPECT_EQ(fakes::ReadErrorText(ENOENT, "m.yaml", fixer::ReasonWords::kWindows),
            "2: The system cannot find the file specified.");  // a bare name: the working folder
  EXPECT_EQ(fakes::ReadErrorText(ENOENT), "No such file or directory");
}

// The PID of a process that has ended and been reaped.
pid_t DeadPid() {
  const pid_t child = ::fork();
  if (child == 0) ::_exit(0);
  ::waitpid(child, nullptr, 0);
  return child;
}

TEST_F(AtomicFileTest, RemoveDeadTemporariesRemovesOnlyAKilledWritesTemporaryFile) {
  const std::string dead = std::to_string(DeadPid()), live = std::to_string(::getpid());
  const std::string other_dead = std::to_string(DeadPid());
  const std::vector<std::string> kept = {
      "m.yaml",
      "m.yaml.tmp." + live,                // a write under way in a live process
      "m.yaml.tmp." + dead + "x",          // not the pattern
      "m.yaml.tmp.+" + dead,               //
      "m.yaml.tmp.",                       //
      "m.yaml.tmp.0",                      // no process has PID 0
      "m.yaml.log",                        //
      "other.yaml.tmp." + dead,            // another file's
      "xm.yaml.tmp." + dead,               //
      "m.yaml.tmp." + other_dead + "-dir"  // (a folder, below)
  };
  for (const std::string& name : kept) std::ofstream(dir_ / name) << "x\n";
  std::ofstream(dir_ / ("m.yaml.tmp." + dead)) << "half a machine";
  fs::create_directory(dir_ / ("m.yaml.tmp." + other_dead));  // a folder of that name: not a file the write left
  std::vector<std::string> expected = kept;
  expected.push_back("m.yaml.tmp." + other_dead);
  std::sort(expected.begin(), expected.end());

  EXPECT_EQ(fakes::RemoveDeadTemporaries((dir_ / "m.yaml").string()), 1);
  EXPECT_EQ(dir_.Names(), expected);
  // Through a link to the file, the temporary files beside the file it names.
  std::ofstream(dir_ / ("m.yaml.tmp." + dead)) << "half a machine";
  fs::create_symlink("m.yaml", dir_ / "link.yaml");
  expected.push_back("link.yaml");
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(fakes::RemoveDeadTemporaries((dir_ / "link.yaml").string()), 1);
  EXPECT_EQ(dir_.Names(), expected);
}

// A process killed by a shell that has not waited for it yet is a zombie: kill(PID, 0) still
// succeeds, but it writes nothing more. Its temporary file is a dead write's, removed; and every
// atomic write of the file removes it first, whichever tool or verb writes the file next.
TEST_F(AtomicFileTest, AZombiesTemporaryFileIsRemovedByTheNextWriteOfTheFile) {
  const pid_t zombie = ::fork();
  if (zombie == 0) ::_exit(0);
  ASSERT_GT(zombie, 0);
  siginfo_t ended{};
  ASSERT_EQ(::waitid(P_PID, static_cast<id_t>(zombie), &ended, WEXITED | WNOWAIT), 0);  // ended, not reaped
  ASSERT_EQ(::kill(zombie, 0), 0) << "a zombie answers kill(PID, 0)";
  const fs::path file = dir_ / "m.yaml", left = dir_ / ("m.yaml.tmp." + std::to_string(zombie));
  std::ofstream(file) << "old\n";
  std::ofstream(left) << "half a machine";
  EXPECT_EQ(fakes::RemoveDeadTemporaries(file.string()), 1);
  EXPECT_FALSE(fs::exists(left));

  std::ofstream(left) << "half a machine";
  ASSERT_TRUE(fakes::WriteFileAtomically(file.string(), "new\n").ok());
  EXPECT_FALSE(fs::exists(left)) << "the write left a dead write's temporary file beside the file";
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"});
  ::waitpid(zombie, nullptr, 0);
}

TEST_F(AtomicFileTest, AFolderInTheWayCannotBeReplacedAndTheTemporaryFileIsRemoved) {
  const fs::path folder = dir_ / "taken";
  fs::create_directories(folder / "inside");
  EXPECT_EQ(fakes::WriteFileAtomically(folder.string(), "x\n").code(), 5u);  // ERROR_ACCESS_DENIED
  const fixer::Status said = fakes::WriteFileAtomicallySaying(folder.string(), "x\n");
  EXPECT_EQ(said.code(), 5u);
  EXPECT_EQ(said.message(), folder.string() + ": cannot replace: Is a directory");
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"taken"});
}

TEST_F(AtomicFileTest, AFullDiskCannotBeWrittenAndTheTemporaryFileIsRemoved) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
  // A symbolic link named as the temporary file sends the write to /dev/full (ENOSPC).
  const fs::path file = dir_ / "m.yaml";
  fs::create_symlink("/dev/full", Temp(file));
  const fixer::Status said = fakes::WriteFileAtomicallySaying(file.string(), "x\n");
  EXPECT_EQ(said.code(), 112u);  // ERROR_DISK_FULL
  EXPECT_EQ(said.message(),
            file.string() + ": cannot write: No space left on device");  // the file named, not its temporary
  EXPECT_TRUE(dir_.Names().empty());
}

TEST_F(AtomicFileTest, SameFileComparesTheFileNotTheSpelling) {
  const fs::path a = dir_ / "a.yaml", b = dir_ / "b.yaml", link = dir_ / "hard.yaml";
  std::ofstream(a) << "a\n";
  std::ofstream(b) << "b\n";
  fs::create_hard_link(a, link);
  EXPECT_TRUE(fakes::SameFile(a.string(), a.string()));
  EXPECT_TRUE(fakes::SameFile(a.string(), (dir_ / "." / "a.yaml").string()));
  EXPECT_TRUE(fakes::SameFile(a.string(), link.string()));
  EXPECT_FALSE(fakes::SameFile(a.string(), b.string()));
  EXPECT_FALSE(fakes::SameFile(a.string(), (dir_ / "missing.yaml").string()));
  // SamePath: one file whether or not it exists yet.
  EXPECT_TRUE(fakes::SamePath((dir_ / "new.xml").string(), (dir_ / "." / "new.xml").string()));
  EXPECT_TRUE(fakes::SamePath("new.xml", "./new.xml"));
  EXPECT_FALSE(fakes::SamePath(a.string(), link.string()));  // a hard link is another name
  EXPECT_FALSE(fakes::SamePath("new.xml", "other.xml"));
}

// A symbolic link is written through: the file it names (through a chain of links, relative ones
// read from the link's folder; a dangling one creates its target) is replaced, the links stay.
TEST_F(AtomicFileTest, ALinkIsWrittenThroughAndStaysALink) {
  fs::create_directories(dir_ / "share");
  const fs::path real = dir_ / "share" / "m.yaml", first = dir_ / "first.yaml", second = dir_ / "second.yaml";
  std::ofstream(real) << "old\n";
  fs::create_symlink(fs::path("share") / "m.yaml", second);
  fs::create_symlink(second, first);
  EXPECT_EQ(fakes::FileBehindLinks(first.string()), (dir_ / "share" / "m.yaml").string());
  ASSERT_TRUE(fakes::WriteFileAtomically(first.string(), "new\n").ok());
  EXPECT_TRUE(fs::is_symlink(first) && fs::is_symlink(second));
  EXPECT_EQ(test_support::Slurp(real), "new\n");

  const fs::path dangling = dir_ / "dangling.yaml";
  fs::create_symlink(fs::path("share") / "new.yaml", dangling);
  ASSERT_TRUE(fakes::WriteFileAtomically(dangling.string(), "x\n").ok());
  EXPECT_TRUE(fs::is_symlink(dangling));
  EXPECT_EQ(test_support::Slurp(dir_ / "share" / "new.yaml"), "x\n");
  EXPECT_EQ(fakes::FileBehindLinks("plain.yaml"), "plain.yaml");
}

// Links that loop lead to no file: open(2) says ELOOP. The write went to the name the 40 hops
// stopped at and replaced that link with a regular file, in the loop's place; the check let it.
TEST_F(AtomicFileTest, LinksThatLoopAreRefusedAndStayLinks) {
  const fs::path a = dir_ / "a.yaml", b = dir_ / "b.yaml";
  fs::create_symlink("b.yaml", a);
  fs::create_symlink("a.yaml", b);
  const std::optional<fakes::WriteRefusal> why = fakes::WhyCannotWriteAtomically(a.string());
  ASSERT_TRUE(why.has_value());
  EXPECT_EQ(why->reason, std::strerror(ELOOP));
  EXPECT_EQ(why->step, "cannot be written");
  const fixer::Status st = fakes::WriteFileAtomically(a.string(), "x\n");
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.code(), 1921u);  // ERROR_CANT_RESOLVE_FILENAME
  EXPECT_TRUE(fs::is_symlink(a) && fs::is_symlink(b));
  EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"a.yaml", "b.yaml"}));
}

// A device or a pipe as the target (`--junit /dev/null`, `--html >(gzip > r.gz)`) is written
// into: a rename put a regular file where /dev/null was, and wrote "successfully" to /dev/full.
TEST_F(AtomicFileTest, ADeviceIsWrittenIntoNotReplaced) {
  const fs::path null = dir_ / "null", full = dir_ / "full";
  if (::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0 ||
      ::mknod(full.c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0)
    GTEST_SKIP() << "cannot make device nodes here (not root)";
  EXPECT_TRUE(fakes::CheckCanWriteAtomically(null.string()).ok());
  ASSERT_TRUE(fakes::WriteFileAtomically(null.string(), "report\n").ok());
  EXPECT_TRUE(fs::is_character_file(null));
  const fixer::Status said = fakes::WriteFileAtomicallySaying(full.string(), "report\n");
  EXPECT_EQ(said.code(), 112u);  // ERROR_DISK_FULL
  EXPECT_EQ(said.message(), full.string() + ": cannot write: No space left on device");
  EXPECT_TRUE(fs::is_character_file(full));
  const fs::path link = dir_ / "report.xml";  // a link to a device: the device is written, the link stays
  fs::create_symlink(null, link);
  ASSERT_TRUE(fakes::WriteFileAtomically(link.string(), "report\n").ok());
  EXPECT_TRUE(fs::is_symlink(link) && fs::is_character_file(null));
  EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"full", "null", "report.xml"}));
}

TEST_F(AtomicFileTest, APipeIsWrittenIntoAndOneNobodyReadsIsAnError) {
  const fs::path fifo = dir_ / "report.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const fixer::Status unread = fakes::WriteFileAtomicallySaying(fifo.string(), "report\n");
  EXPECT_EQ(unread.message(), fifo.string() + ": cannot open: No such device or address");  // ENXIO, no wait
  const int reader = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  ASSERT_GE(reader, 0);
  ASSERT_TRUE(fakes::WriteFileAtomically(fifo.string(), "report\n").ok());
  std::string got(64, '\0');
  const ssize_t n = ::read(reader, got.data(), got.size());
  ::close(reader);
  EXPECT_EQ(got.substr(0, n > 0 ? static_cast<size_t>(n) : 0), "report\n");
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"report.fifo"});
}

// A machine file holds password hashes: rewriting it keeps who may read it (0600 stayed 0644).
TEST_F(AtomicFileTest, TheFileKeepsItsPermissions) {
  const fs::path file = dir_ / "m.yaml";
  std::ofstream(file) << "old\n";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write);
  ASSERT_TRUE(fakes::WriteFileAtomically(file.string(), "new\n").ok());
  EXPECT_EQ(fs::status(file).permissions(), fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(test_support::Slurp(file), "new\n");
}

// A read-only file is not replaced, root's write too: Windows refuses to replace a file with the
// read-only attribute (5), where a rename replaced a 0444 machine file (its bytes gone, the mode
// kept). Said before the write by WhyCannotWriteAtomically, in the system's or Windows' words.
TEST_F(AtomicFileTest, AReadOnlyFileIsNotReplaced) {
  const fs::path file = dir_ / "m.yaml";
  std::ofstream(file) << "old\n";
  fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  const fixer::Status st = fakes::WriteFileAtomically(file.string(), "new\n");
  EXPECT_EQ(st.code(), 5u);
  EXPECT_EQ(fakes::WriteFileAtomicallySaying(file.string(), "new\n").message(),
            file.string() + ": cannot replace: Permission denied");
  EXPECT_EQ(fakes::CheckCanWriteAtomically(file.string()).message(),
            file.string() + ": cannot be written: Permission denied");
  EXPECT_EQ(fakes::CheckCanWriteAtomically(file.string(), fixer::ReasonWords::kWindows).message(),
            file.string() + ": cannot be written: 5: Access is denied.");
  EXPECT_EQ(test_support::Slurp(file), "old\n");
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"});
  // Through a symbolic link the file it names is the one refused.
  fs::create_symlink("m.yaml", dir_ / "link.yaml");
  EXPECT_EQ(fakes::WriteFileAtomically((dir_ / "link.yaml").string(), "new\n").code(), 5u);
  // A file the owner may write again is replaced, its mode kept.
  fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
  ASSERT_TRUE(fakes::WriteFileAtomically(file.string(), "new\n").ok());
  EXPECT_EQ(test_support::Slurp(file), "new\n");
}

}  // namespace
