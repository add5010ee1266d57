// Standard output is the output of `aspnet-fixer capture` without --out (the machine file), of
// every verb's report and of `fixup-sim show --format yaml|json`: when it cannot be written (a
// full disk: /dev/full), the tool says so on standard error and exits 2, as for an --out or a
// report it could not write (README.md, "Using the tools"), never 0 "written" with nothing
// written; only a verb that changed the machine keeps its own code.
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "support/affected_machine.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;

class StandardOutputE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full here";
    dir_.Write("m.yaml", "os: windows-xp-professional\nframeworks: ['1.0']\nhotfixes: [MS03-032]\n");
  }
  // `tool args...` with its standard output on a full disk.
  Ran ToAFullDisk(const std::string& tool, const std::string& args) {
    return test_support::RunProgram(
        {.program = "/bin/sh", .args = {"-c", "exec \"$0\" " + args + " > /dev/full", tool}, .cwd = dir_.path()});
  }

  const test_support::TempFolder dir_{"standard_output_e2e"};
};

TEST_F(StandardOutputE2e, ACaptureItCouldNotWriteIsExitTwo) {
  const Ran r = ToAFullDisk(ASPNET_FIXER_BIN, "capture --machine m.yaml");
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("standard output: cannot write: "), std::string::npos) << r.err;
}

// With --out the file is written, and standard output reports it (the JSON object, or the same in
// text): a report that never reached it is exit 2, as every report of a run that changed nothing.
TEST_F(StandardOutputE2e, ACaptureReportItCouldNotWriteIsExitTwo) {
  for (const std::string json : {"", " --json"}) {
    const Ran r = ToAFullDisk(ASPNET_FIXER_BIN, "capture --machine m.yaml --out c.json" + json);
    EXPECT_EQ(r.exit_code, 2) << json << ": " << r.err;
    EXPECT_NE(r.err.find("aspnet-fixer capture: standard output: cannot write: 112: "), std::string::npos) << r.err;
  }
}

TEST_F(StandardOutputE2e, AShownMachineItCouldNotWriteIsExitTwo) {
  for (const std::string format : {"yaml", "json", "text"}) {
    const Ran r = ToAFullDisk(FIXUP_SIM_BIN, "show m.yaml --format " + format);
    EXPECT_EQ(r.exit_code, 2) << format << ": " << r.err;
    EXPECT_NE(r.err.find("fixup-sim show: standard output: cannot write: "), std::string::npos) << r.err;
  }
}

// --help and --version print their text as their report: one that never reached standard output
// was exit 0 with nothing written. Each tool says it as every other report, the verb named when given.
TEST_F(StandardOutputE2e, HelpAndVersionTheyCouldNotWriteAreExitTwo) {
  for (const auto& [tool, args, said] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {FIXUP_SIM_BIN, "--version", "fixup-sim: standard output: cannot write: No space left on device"},
           {FIXUP_SIM_BIN, "--help", "fixup-sim: standard output: cannot write: "},
           {FIXUP_SIM_BIN, "run --help", "fixup-sim run: standard output: cannot write: "},
           {ASPNET_FIXER_BIN, "--version", "aspnet-fixer: standard output: cannot write: 112: There is not enough"},
           {ASPNET_FIXER_BIN, "apply --help", "aspnet-fixer apply: standard output: cannot write: 112: "}}) {
    const Ran r = ToAFullDisk(tool, args);
    EXPECT_EQ(r.exit_code, 2) << tool << " " << args << ": " << r.err;
    EXPECT_NE(r.err.find(said), std::string::npos) << tool << " " << args << ": " << r.err;
  }
  EXPECT_EQ(test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"--version"}}).exit_code, 0);
  EXPECT_EQ(test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = {"--help"}}).exit_code, 0);
}

// A verb that changed nothing (diagnose, plan, a dry run) and whose report never reached standard
// output is exit 2, which says nothing changed as 3 does; an apply that changed the machine keeps
// its own code (0: fixed), which says what the machine is now, and both say why on standard error.
TEST_F(StandardOutputE2e, AVerbsReportItCouldNotWriteIsExitTwoOnlyWhereNothingChanged) {
  for (const std::string verb : {"diagnose", "plan", "apply --dry-run", "diagnose --json"}) {
    const Ran r = ToAFullDisk(ASPNET_FIXER_BIN, verb + " --machine m.yaml");
    EXPECT_EQ(r.exit_code, 2) << verb << ": " << r.err;
    EXPECT_NE(r.err.find("standard output: cannot write: "), std::string::npos) << verb << ": " << r.err;
  }
  dir_.Write("affected.yaml",
             "os: windows-xp-professional\nframeworks: ['1.0']\nhotfixes: [MS03-032]\n"
             "applications:\n  - {path: /LM/W3SVC/1/ROOT/shop, framework: '1.0'}\n");
  const Ran applied = ToAFullDisk(ASPNET_FIXER_BIN, "apply --machine affected.yaml");
  EXPECT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_NE(applied.err.find("aspnet-fixer apply: standard output: cannot write: "), std::string::npos) << applied.err;
}

// One condition, one wording within a tool: aspnet-fixer says a full disk in Windows' words
// wherever it meets one (its standard output, a capture's --out, a machine's --out), as Windows
// would; standard output said "No space left on device" (or "a write failed") while --out said
// "112: There is not enough space on the disk.". fixup-sim says the system's words everywhere.
TEST_F(StandardOutputE2e, AFullDiskIsSaidInOneWordingWithinATool) {
  const std::string windows = "cannot write: 112: There is not enough space on the disk.";
  for (const std::string& args : {std::string("diagnose --machine m.yaml"), std::string("capture --machine m.yaml"),
                                  std::string("diagnose --json --machine m.yaml")}) {
    const Ran r = ToAFullDisk(ASPNET_FIXER_BIN, args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_NE(r.err.find("standard output: " + windows), std::string::npos) << args << ": " << r.err;
  }
  for (const std::string& args : {std::string("capture --machine m.yaml --out /dev/full"),
                                  std::string("plan --machine m.yaml --out /dev/full")}) {
    const Ran out = test_support::RunProgram({.program = "/bin/sh",
                                              .args = {"-c", "exec \"$0\" " + args + " >/dev/null", ASPNET_FIXER_BIN},
                                              .cwd = dir_.path()});
    EXPECT_EQ(out.exit_code, 2) << args;
    EXPECT_NE(out.err.find("/dev/full: " + windows), std::string::npos) << args << ": " << out.err;
    EXPECT_EQ(out.err.find("No space left on device"), std::string::npos) << args << ": " << out.err;
  }
  const Ran shown = ToAFullDisk(FIXUP_SIM_BIN, "show m.yaml");
  EXPECT_NE(shown.err.find("fixup-sim show: standard output: cannot write: No space left on device"), std::string::npos)
      << shown.err;
  const Ran junit = test_support::RunProgram(
      {.program = FIXUP_SIM_BIN,
       .args = {"run", std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml", "--junit",
                "/dev/full"},
       .cwd = dir_.path()});
  EXPECT_EQ(junit.exit_code, 2) << junit.err;
  EXPECT_NE(junit.err.find("fixup-sim run: --junit /dev/full: cannot write: No space left on device\n"),
            std::string::npos)
      << junit.err;
  EXPECT_NE(junit.err.find("No space left on device"), std::string::npos) << junit.err;
}

}  // namespace

namespace {

// `tool args...` (in `dir`) with its standard output a pipe whose reader has gone (`| head -1`
// once head has its line): the tool starts after the reader exited. Its exit code, as the shell
// saw it (141 for a death by SIGPIPE), is the last line of `err`: "exit N".
Ran ToAClosedPipe(const std::filesystem::path& dir, const std::string& tool, const std::string& args) {
  return test_support::RunProgram(
      {.program = "/bin/sh",
       .args = {"-c", "(sleep 0.3; \"$0\" " + args + "; echo \"exit $?\" >&2) | true", tool},
       .cwd = dir});
}

// A reader that went away is a write that failed (EPIPE, in Windows' words 232): said, and exit 2
// where nothing changed, the run's own code after a change; never a silent death by SIGPIPE, and
// a report file asked for is still written.
TEST_F(StandardOutputE2e, AReaderThatWentAwayIsAWriteThatFailed) {
  const Ran shown = ToAClosedPipe(dir_.path(), FIXUP_SIM_BIN, "show m.yaml");
  EXPECT_NE(shown.err.find("fixup-sim show: standard output: cannot write: Broken pipe\nexit 2\n"), std::string::npos)
      << shown.err;
  const Ran run = ToAClosedPipe(
      dir_.path(), FIXUP_SIM_BIN,
      "run " + std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml --junit r.xml");
  EXPECT_NE(run.err.find("exit 2\n"), std::string::npos) << run.err;
  EXPECT_TRUE(std::filesystem::exists(dir_.path() / "r.xml")) << run.err;
  const Ran diagnosed = ToAClosedPipe(dir_.path(), ASPNET_FIXER_BIN, "diagnose --machine m.yaml");
  EXPECT_NE(diagnosed.err.find("aspnet-fixer diagnose: standard output: cannot write: 232: The pipe is being "
                               "closed.\nexit 2\n"),
            std::string::npos)
      << diagnosed.err;
  dir_.Write("affected.yaml", test_support::kAffectedMachine);
  const Ran applied = ToAClosedPipe(dir_.path(), ASPNET_FIXER_BIN, "apply --machine affected.yaml");
  EXPECT_NE(applied.err.find("aspnet-fixer apply: standard output: cannot write: 232: "), std::string::npos)
      << applied.err;
  EXPECT_NE(applied.err.find("exit 0\n"), std::string::npos) << "the repair is done: " << applied.err;
}

}  // namespace
