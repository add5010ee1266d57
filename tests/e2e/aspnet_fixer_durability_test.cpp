// Durability of aspnet-fixer on a state file when the disk refuses a write, and when the user
// stops a changing run (audit 13, items 1, 2, 3, 6 and 7). A file-size limit (`ulimit -f`: a write
// past it fails with EFBIG, 223, as a full disk fails one with 112) stands for a disk that fills
// up: at each size a run's log records, or only its final rewrite, stop fitting. Whatever the
// size, the run says one outcome with one exit code, in text and JSON alike, and leaves a machine
// that the advised next step finishes.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "e2e/built_tools.h"
#include "e2e/file_size_limit.h"
#include "fixer/exit_code.h"
#include "support/affected_machine.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using e2e::RunAspnetFixer;
using test_support::Ran;
using ::testing::HasSubstr;

// aspnet-fixer with its files limited to `blocks` of 512 bytes (file_size_limit.h).
Ran RunLimited(int blocks, const std::vector<std::string>& args) {
  return test_support::RunProgram(
      {.program = "/bin/sh", .args = e2e::WithFileSizeLimit(blocks, ASPNET_FIXER_BIN, args)});
}

std::string LastLine(const std::string& text) {
  const size_t end = text.empty() ? 0 : text.size() - 1;
  const size_t start = text.rfind('\n', end == 0 ? 0 : end - 1);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - (start == std::string::npos ? 0 : start + 1));
}

// The exit code of a program run with these arguments (-1: it could not run, or was signalled).
int ExitCodeOf(const std::string& program, const std::vector<std::string>& args) {
  const Ran r = test_support::RunProgram({.program = program, .args = args});
  return r.signaled ? -1 : r.exit_code;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class DurabilityTest : public ::testing::Test {
 protected:
  const test_support::TempFolder dir_{"aspnet_fixer_durability"};
};

// Every size from nothing fitting to everything fitting: an apply that could not write a journal
// record restored the machine (exit 1, the file as found, no log left: the simulator's outcome for a
// failed journal.append); one that went past the point of no return (recreate deleted the account)
// is left for resume, which finishes it once there is room; one that fits is fixed. Never two
// outcomes, never a result whose exit code contradicts the run's, never a temporary file left.
TEST_F(DurabilityTest, ADiskThatFillsUpGivesOneTrueOutcome) {
  const fs::path machine = dir_.path() / "m.yaml";
  int restored = 0, resumed = 0;
  for (int blocks = 0; blocks <= 160; blocks += blocks < 8 ? 1 : 8) {
    SCOPED_TRACE("ulimit -f " + std::to_string(blocks));
    for (const bool json : {false, true}) {
      fs::remove(dir_.path() / "m.yaml.log");
      dir_.Write("m.yaml", test_support::kAffectedMachine);
      std::vector<std::string> args = {"apply", "--machine", machine.string(), "--strategy", "recreate"};
      if (json) args.push_back("--json");
      const Ran r = RunLimited(blocks, args);
      ASSERT_FALSE(r.signaled) << r.err;
      int said_code = -1;
      if (json) {
        const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
        ASSERT_TRUE(j.is_object()) << r.out;
        said_code = j.value("exit_code", -1);
        // The result never contradicts the run: it has the run's own outcome, or none.
        if (j.contains("result") && j["result"].contains("exit_code")) {
          EXPECT_EQ(j["result"]["exit_code"], said_code) << r.out;
        }
      } else {
        EXPECT_EQ(Count(r.out, "Outcome: "), 1u) << r.out;
        const std::string last = LastLine(r.out);
        ASSERT_TRUE(last.starts_with("Outcome: ")) << r.out;
        said_code = last[last.size() - 2] - '0';
      }
      EXPECT_EQ(said_code, r.exit_code) << r.out;
      EXPECT_EQ(r.out.find("223: 223"), std::string::npos) << r.out;
      for (const std::string& name : dir_.Names()) EXPECT_TRUE(name == "m.yaml" || name == "m.yaml.log") << name;
      if (r.exit_code == fixer::ToInt(fixer::ExitCode::kFailed)) {
        ++restored;
        EXPECT_EQ(test_support::Slurp(machine), test_support::kAffectedMachine) << r.out;
        EXPECT_FALSE(fs::exists(dir_.path() / "m.yaml.log")) << r.out;
      } else if (r.exit_code == fixer::ToInt(fixer::ExitCode::kNotRestored)) {
        ++resumed;
        if (said_code == 4 && !json && r.out.find("Interrupted: ") != std::string::npos) {
          EXPECT_THAT(r.out, HasSubstr("free space on the disk first."));
          EXPECT_THAT(r.out, HasSubstr("Run `aspnet-fixer resume --machine " + machine.string() + "`"));
          EXPECT_THAT(r.err,
                      HasSubstr("aspnet-fixer apply: interrupted: " + machine.string() + ".log: cannot write: 223: "));
        }
        const Ran resume = RunAspnetFixer({"resume", "--machine", machine.string()});
        EXPECT_EQ(resume.exit_code, 0) << resume.out << resume.err;
        EXPECT_EQ(dir_.Names(), std::vector<std::string>{"m.yaml"});
      } else {
        EXPECT_EQ(r.exit_code, 0) << r.out;
      }
    }
  }
  EXPECT_GT(restored, 0);
  EXPECT_GT(resumed, 0);
}

// A full disk (a small tmpfs, in a mount namespace of the test's own) where the log holds every
// record but the checkpoint's whole temporary file does not fit: the machine is repaired and the
// log holds it, so the run is fixed, exit 0, "Outcome: fixed (exit 0)" its last line, with a
// warning naming the file and 112 once, on standard error too; diagnose reads it fixed, and once
// there is room a resume folds the log into the file. (Audit 13 item 1: it said fixed and then
// "Interrupted", exit 4, and resume repeated it.)
TEST_F(DurabilityTest, AFullDiskAtTheFinalRewriteLeavesTheRepairFixed) {
  if (::geteuid() != 0 || ExitCodeOf("unshare", {"-m", "true"}) != 0) GTEST_SKIP() << "needs root and unshare -m";
  const fs::path found = dir_.Write("found.yaml", test_support::kAffectedMachine);
  const fs::path disk = dir_.path() / "disk";
  fs::create_directories(disk);
  const std::string script =
      "mount -t tmpfs -o size=\"$2\"k tmpfs disk || exit 9; cp \"$1\" disk/m.yaml; "
      "\"$0\" apply --machine disk/m.yaml --strategy recreate > out.txt 2> err.txt; echo \"apply $?\"; "
      "ls disk | tr '\\n' ' '; echo; \"$0\" diagnose --machine disk/m.yaml | head -1; "
      "mount -o remount,size=4m disk; \"$0\" resume --machine disk/m.yaml > /dev/null; echo \"resume $?\"; ls disk";
  int fixed_with_log = 0;
  for (int size = 48; size <= 88 && fixed_with_log == 0; size += 4) {
    SCOPED_TRACE("tmpfs of " + std::to_string(size) + "k");
    const Ran r = test_support::RunProgram(
        {.program = "unshare",
         .args = {"-m", "sh", "-c", script, ASPNET_FIXER_BIN, found.string(), std::to_string(size)},
         .cwd = dir_.path()});
    if (r.exit_code == 9) GTEST_SKIP() << "tmpfs could not be mounted: " << r.err;
    if (r.out.find("apply 0\nm.yaml m.yaml.log \n") == std::string::npos) continue;
    const std::string out = test_support::Slurp(dir_.path() / "out.txt");
    const std::string err = test_support::Slurp(dir_.path() / "err.txt");
    // A size where the log's own last record did not fit is another case (the log holds the
    // finished repair): the search goes on to one where only the rewrite failed.
    if (err.find("disk/m.yaml.log: cannot write") != std::string::npos) continue;
    ++fixed_with_log;
    EXPECT_EQ(LastLine(out), "Outcome: fixed (exit 0)") << out;
    EXPECT_EQ(Count(out, "Outcome: "), 1u) << out;
    EXPECT_EQ(out.find("Interrupted"), std::string::npos) << out;
    EXPECT_THAT(err, HasSubstr("aspnet-fixer apply: disk/m.yaml: cannot write: 112: There is not enough space on the "
                               "disk. The file was not rewritten, but its log holds every change of this run"));
    EXPECT_EQ(err.find("112: 112"), std::string::npos) << err;
    EXPECT_THAT(r.out, HasSubstr("Diagnosis: already-fixed\nresume 0\nm.yaml\n")) << r.out;
  }
  EXPECT_GT(fixed_with_log, 0) << "no size left the log whole and the rewrite undone";
}

// Ctrl-C (SIGINT, raised by the tool's test hook right before its Nth change) stops the run at the
// next journal record: the advice names the file that holds the journal, the outcome is
// "interrupted" with exit 4, stdout and stderr say it, no temporary file or log is left (the file
// holds the pending journal), and the advised resume finishes the repair.
TEST_F(DurabilityTest, CtrlCStopsAtAJournalRecordThatResumes) {
  for (const bool with_out : {false, true}) {
    SCOPED_TRACE(with_out ? "--out" : "in place");
    for (const std::string& name : dir_.Names()) fs::remove(dir_.path() / name);
    const fs::path machine = dir_.Write("m.yaml", test_support::kAffectedMachine);
    const fs::path out = dir_.path() / "o.yaml";
    std::vector<std::string> args = {"apply", "--machine", machine.string(), "--interrupt-at-mutation", "6"};
    if (with_out) args.insert(args.end(), {"--out", out.string()});
    const Ran r = RunAspnetFixer(args);
    ASSERT_FALSE(r.signaled) << "the signal ended the process: " << r.signal;
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kNotRestored)) << r.out << r.err;
    const fs::path holder = with_out ? out : machine;
    EXPECT_THAT(r.out, HasSubstr("Interrupted: stopped by SIGINT (Ctrl-C) after journal record "));
    EXPECT_THAT(r.out, HasSubstr("Run `aspnet-fixer resume --machine " + holder.string() +
                                 "` or `aspnet-fixer rollback --machine " + holder.string() + "`."));
    EXPECT_EQ(LastLine(r.out), "Outcome: interrupted (exit 4)");
    EXPECT_THAT(r.err, HasSubstr("aspnet-fixer apply: interrupted: stopped by SIGINT (Ctrl-C)"));
    const std::vector<std::string> expected =
        with_out ? std::vector<std::string>{"m.yaml", "o.yaml"} : std::vector<std::string>{"m.yaml"};
    EXPECT_EQ(dir_.Names(), expected);
    if (with_out) {
      EXPECT_EQ(test_support::Slurp(machine), test_support::kAffectedMachine);
    }
    const Ran diagnose = RunAspnetFixer({"diagnose", "--machine", holder.string()});
    EXPECT_EQ(diagnose.exit_code, fixer::ToInt(fixer::ExitCode::kNotRestored)) << diagnose.out;
    const Ran resume = RunAspnetFixer({"resume", "--machine", holder.string()});
    EXPECT_EQ(resume.exit_code, 0) << resume.out << resume.err;
  }
}

// A diagnose polling a file while repairs run on it never reports the machine going back: once it
// saw the repair pending, never the machine as it was before it (a read that spanned a checkpoint
// is read again: the name no longer names the file read). Its first lines, in order, per repair.
TEST_F(DurabilityTest, ADiagnoseBesideARepairNeverSeesItGoBack) {
  const std::string script =
      "for i in 1 2 3 4 5 6 7 8; do cat \"$1\" > m.yaml; \"$0\" apply --machine m.yaml --strategy recreate "
      ">/dev/null & pid=$!; while kill -0 $pid 2>/dev/null; do \"$0\" diagnose --machine m.yaml | head -1; done; "
      "wait $pid; echo end; done";
  const fs::path found = dir_.Write("found.yaml", test_support::kAffectedMachine);
  const Ran r = test_support::RunProgram(
      {.program = "/bin/sh", .args = {"-c", script, ASPNET_FIXER_BIN, found.string()}, .cwd = dir_.path()});
  bool pending = false;
  size_t start = 0;
  for (size_t end = r.out.find('\n'); end != std::string::npos; start = end + 1, end = r.out.find('\n', start)) {
    const std::string line = r.out.substr(start, end - start);
    if (line == "end") pending = false;
    if (line.find("repair-pending") != std::string::npos) pending = true;
    if (pending) {
      EXPECT_EQ(line.find("Diagnosis: affected"), std::string::npos) << r.out;
    }
  }
}

// A log that exists but cannot be read (its mode denies this user) is the journal's read failing,
// as the README says: diagnose and plan exit 1, apply, resume and rollback exit 3 (diagnose-failed),
// each naming the journal's error and the log; never exit 2, and the log is kept. Run as another user, since
// root reads any file.
TEST_F(DurabilityTest, AnUnreadableLogIsAJournalReadThatFailed) {
  if (::geteuid() != 0 || ::access("/usr/bin/setpriv", X_OK) != 0) GTEST_SKIP() << "needs root and setpriv";
  const fs::path shared = fs::temp_directory_path() / ("fixm_unreadable_log_" + std::to_string(::getpid()));
  fs::create_directories(shared);
  ::chmod(shared.c_str(), 0777);
  const fs::path machine = shared / "m.yaml";
  std::ofstream(machine) << test_support::kAffectedMachine;
  // A pending repair: stopped after its first records, its journal in the log.
  const Ran killed = RunAspnetFixer({"apply", "--machine", machine.string(), "--kill-at-mutation", "4"});
  ASSERT_TRUE(killed.signaled) << killed.out;
  ASSERT_TRUE(fs::exists(shared / "m.yaml.log"));
  ::chmod(machine.c_str(), 0666);
  ::chmod((shared / "m.yaml.log").c_str(), 0);
  const std::string log_before = test_support::Slurp(shared / "m.yaml.log");
  for (const std::string verb : {"diagnose", "plan", "apply", "resume", "rollback"}) {
    SCOPED_TRACE(verb);
    const Ran r = test_support::RunProgram({.program = "/usr/bin/setpriv",
                                            .args = {"--reuid=65534", "--regid=65534", "--clear-groups",
                                                     ASPNET_FIXER_BIN, verb, "--machine", machine.string()},
                                            .cwd = shared});
    const bool reads = verb == "diagnose" || verb == "plan";
    EXPECT_EQ(r.exit_code, fixer::ToInt(reads ? fixer::ExitCode::kFailed : fixer::ExitCode::kRefused))
        << r.out << r.err;
    EXPECT_THAT(r.out + r.err,
                HasSubstr("5: Access is denied. The log " + (shared / "m.yaml.log").string() + " could not be read."))
        << r.out << r.err;
    EXPECT_EQ(test_support::Slurp(shared / "m.yaml.log"), log_before);
  }
  fs::remove_all(shared);
}

}  // namespace
