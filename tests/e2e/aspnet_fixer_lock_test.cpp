// Two runs that change one machine state file cannot both succeed: while a process holds the file
// (here the test itself, with flock, as a running apply does), aspnet-fixer's apply, resume and
// rollback are refused before any change with Windows' 32 ERROR_SHARING_VIOLATION (exit 2), the
// file and its log byte-identical; once the lock is released they run. Readers (diagnose, plan, a
// dry run, capture) take no lock on the --machine file they read and run beside it; the --out a
// run writes, whatever the verb, is the file locked, and one held is refused with 32.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/built_tools.h"
#include "fixer/exit_code.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;

using e2e::RunAspnetFixer;
using test_support::Ran;
using test_support::Slurp;

constexpr const char* kAffected =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

constexpr const char* kSharingViolation =
    "cannot open machine state file: 32: The process cannot access the file because it is being used by another "
    "process.";

// Another process's hold on a file, as a running aspnet-fixer keeps it: open and flock'd.
class HeldFile {
 public:
  explicit HeldFile(const fs::path& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    EXPECT_GE(fd_, 0) << path;
    EXPECT_EQ(::flock(fd_, LOCK_EX | LOCK_NB), 0) << path;
  }
  ~HeldFile() { Release(); }
  HeldFile(const HeldFile&) = delete;
  HeldFile& operator=(const HeldFile&) = delete;
  void Release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

class LockTest : public ::testing::Test {
 protected:
  const test_support::TempFolder dir_{"aspnet_fixer_lock"};
  const fs::path machine_ = dir_.Write("m.yaml", kAffected);
};

TEST_F(LockTest, AChangingRunOnAHeldFileIsRefusedWithSharingViolationAndChangesNothing) {
  HeldFile held(machine_);
  for (const char* verb : {"apply", "resume", "rollback"}) {
    const Ran r = RunAspnetFixer({verb, "--machine", machine_.string()});
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb << ":\n" << r.out << r.err;
    EXPECT_EQ(r.err, std::string("aspnet-fixer ") + verb + ": " + machine_.string() + ": " + kSharingViolation + "\n");
    EXPECT_EQ(r.out, "") << verb;
    EXPECT_EQ(Slurp(machine_), kAffected) << verb;
    EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"}) << verb << " left a file (a log?)";
  }
  const Ran j = RunAspnetFixer({"apply", "--json", "--machine", machine_.string()});
  EXPECT_EQ(j.exit_code, 2);
  const nlohmann::json report = nlohmann::json::parse(j.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_TRUE(report.is_object()) << j.out;
  EXPECT_EQ(report, nlohmann::json({{"command", "apply"},
                                    {"outcome", "input-error"},
                                    {"exit_code", 2},
                                    {"error", machine_.string() + ": " + kSharingViolation}}));

  held.Release();
  const Ran after = RunAspnetFixer({"apply", "--machine", machine_.string()});
  EXPECT_EQ(after.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << after.out << after.err;
  EXPECT_NE(Slurp(machine_), kAffected) << "the apply after the release did not fix the file";
}

TEST_F(LockTest, AnInterruptedRunsFileAndLogStayByteIdenticalWhileHeld) {
  ASSERT_TRUE(RunAspnetFixer({"apply", "--machine", machine_.string(), "--kill-at-mutation", "8"}).signaled);
  const fs::path log = machine_.string() + ".log";
  const std::string file_before = Slurp(machine_);
  const std::string log_before = Slurp(log);
  {
    HeldFile held(machine_);
    for (const char* verb : {"resume", "rollback"}) {
      const Ran r = RunAspnetFixer({verb, "--machine", machine_.string()});
      EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb << ":\n" << r.out << r.err;
      EXPECT_EQ(Slurp(machine_), file_before) << verb;
      EXPECT_EQ(Slurp(log), log_before) << verb;
    }
  }
  // The killed run's own lock died with it, and the test's is released: resume finishes.
  EXPECT_EQ(RunAspnetFixer({"resume", "--machine", machine_.string()}).exit_code, 0);
  EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"});
}

TEST_F(LockTest, ReadersRunBesideAHeldFile) {
  HeldFile held(machine_);
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"diagnose"}, {"plan"}, {"apply", "--dry-run"}, {"resume", "--dry-run"}, {"rollback", "--dry-run"}}) {
    std::vector<std::string> call = args;
    call.insert(call.begin() + 1, {"--machine", machine_.string()});
    const Ran r = RunAspnetFixer(call);
    EXPECT_NE(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << args[0] << ":\n" << r.out << r.err;
    EXPECT_EQ(r.err.find("32:"), std::string::npos) << args[0] << ": " << r.err;
    EXPECT_EQ(Slurp(machine_), kAffected) << args[0];
  }
  const fs::path captured = dir_ / "captured.json";
  EXPECT_EQ(RunAspnetFixer({"capture", "--machine", machine_.string(), "--out", captured.string()}).exit_code, 0);
}

// The verbs that change nothing, each as typed after `aspnet-fixer`: they write only their --out.
const std::vector<std::vector<std::string>> kReaders = {
    {"diagnose"}, {"plan"}, {"apply", "--dry-run"}, {"resume", "--dry-run"}, {"rollback", "--dry-run"}, {"capture"}};

// A run that changes nothing still writes its --out: onto a file a changing run holds, that write
// is refused as a second changing run is, before anything is read or written.
TEST_F(LockTest, AReaderWritingItsOutOntoAHeldFileIsRefusedWithSharingViolation) {
  const fs::path out = dir_.Write("out.yaml", kAffected);
  HeldFile held(out);
  for (std::vector<std::string> call : kReaders) {
    const std::string verb = call[0];
    call.insert(call.begin() + 1, {"--machine", machine_.string(), "--out", out.string()});
    const Ran r = RunAspnetFixer(call);
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb << ":\n" << r.out << r.err;
    EXPECT_EQ(r.err, "aspnet-fixer " + verb + ": " + out.string() + ": " + kSharingViolation + "\n");
    // The --out not written, said on standard output as every verb's is (README's exit 2).
    EXPECT_EQ(r.out, "Not written: " + out.string() + ": " + kSharingViolation + "\nNothing was changed.\n") << verb;
    EXPECT_EQ(Slurp(out), kAffected) << verb;
    EXPECT_EQ(dir_.Names(), (std::vector<std::string>{"m.yaml", "out.yaml"})) << verb << " left a file";
  }
}

// The --machine file a reader only reads may be held: its --out elsewhere is written.
TEST_F(LockTest, AReaderWritesItsOutBesideAHeldMachine) {
  HeldFile held(machine_);
  const fs::path out = dir_ / "out.yaml";
  for (std::vector<std::string> call : kReaders) {
    const std::string verb = call[0];
    call.insert(call.begin() + 1, {"--machine", machine_.string(), "--out", out.string()});
    const Ran r = RunAspnetFixer(call);
    EXPECT_NE(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << verb << ":\n" << r.out << r.err;
    EXPECT_TRUE(fs::exists(out)) << verb;
    fs::remove(out);
    EXPECT_EQ(Slurp(machine_), kAffected) << verb;
  }
}

TEST_F(LockTest, AnExistingOutFileIsTheFileLocked) {
  const fs::path out = dir_.Write("out.yaml", kAffected);
  {
    HeldFile held(out);
    const Ran r = RunAspnetFixer({"apply", "--machine", machine_.string(), "--out", out.string()});
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << r.out << r.err;
    EXPECT_EQ(r.err, "aspnet-fixer apply: " + out.string() + ": " + kSharingViolation + "\n");
    EXPECT_EQ(Slurp(out), kAffected);
    // The --machine file is only read by a run with --out: not locked, so this one runs.
    const fs::path other = dir_ / "other.yaml";
    const Ran beside = RunAspnetFixer({"apply", "--machine", out.string(), "--out", other.string()});
    EXPECT_EQ(beside.exit_code, 0) << beside.out << beside.err;
  }
  EXPECT_EQ(RunAspnetFixer({"apply", "--machine", machine_.string(), "--out", out.string()}).exit_code, 0);
  EXPECT_EQ(Slurp(machine_), kAffected);
}

}  // namespace
