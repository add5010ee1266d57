// test_support::RunProgram, the launcher every e2e test goes through: exit code, both outputs
// whole (a megabyte on each, no deadlock), standard input from a file or none, the working
// directory, environment changes through env(1), a bare name found on PATH, and a signal.
#include <csignal>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

namespace fs = std::filesystem;
using test_support::Call;
using test_support::Ran;
using test_support::RunProgram;

Ran Sh(const std::string& script, Call call = {}) {
  call.program = "/bin/sh";
  call.args = {"-c", script};
  return RunProgram(call);
}

TEST(RunProgram, ReturnsTheExitCodeAndBothOutputs) {
  const Ran r = Sh("echo out; echo err >&2; exit 3");
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.out, "out\n");
  EXPECT_EQ(r.err, "err\n");
  EXPECT_FALSE(r.signaled);
}

TEST(RunProgram, ReadsALargeOutputOnBothStreamsWhole) {
  const Ran r = Sh("head -c 1048576 /dev/zero; head -c 1048576 /dev/zero >&2; head -c 1000 /dev/zero");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.size(), 1048576u + 1000u);
  EXPECT_EQ(r.err.size(), 1048576u);
}

TEST(RunProgram, GivesAFileOrNothingOnStandardInput) {
  const test_support::TempFolder dir("run_program_test");
  const fs::path in = dir.Write("in.txt", "typed\n");
  EXPECT_EQ(Sh("cat", {.stdin_file = in}).out, "typed\n");
  const Ran none = Sh("cat; echo end");
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "end\n");
}

TEST(RunProgram, RunsInTheGivenFolder) {
  const fs::path dir = fs::canonical(fs::temp_directory_path());
  EXPECT_EQ(Sh("pwd", {.cwd = dir}).out, dir.string() + "\n");
}

TEST(RunProgram, RemovesThenSetsVariables) {
  const Ran r = Sh("echo \"${RUN_PROGRAM_A-unset}/${RUN_PROGRAM_B-unset}\"",
                   {.unset = {"RUN_PROGRAM_A"}, .set = {{"RUN_PROGRAM_B", "b"}}});
  EXPECT_EQ(r.out, "unset/b\n");
  EXPECT_EQ(Sh("echo \"${HOME+set}\"", {.unset = {"HOME"}}).out, "\n");
}

TEST(RunProgram, FindsABareNameOnThePath) {
  const Ran r = RunProgram({.program = "sh", .args = {"-c", "echo found"}});
  EXPECT_EQ(r.out, "found\n");
  const Ran missing = RunProgram({.program = "no-such-program-anywhere"});
  EXPECT_EQ(missing.exit_code, 127);
  EXPECT_NE(missing.err.find("no-such-program-anywhere"), std::string::npos) << missing.err;
}

TEST(RunProgram, SaysWhichSignalEndedIt) {
  const Ran r = Sh("echo before; kill -KILL $$");
  EXPECT_TRUE(r.signaled);
  EXPECT_EQ(r.signal, SIGKILL);
  EXPECT_EQ(r.exit_code, -1);
  EXPECT_EQ(r.out, "before\n");
}

}  // namespace
