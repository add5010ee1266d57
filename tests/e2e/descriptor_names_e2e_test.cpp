// A machine named as an open descriptor (`--machine /dev/stdin < m.yaml`, /dev/fd/0,
// /proc/self/fd/0) reaches the file the shell opened: a changing verb rewrote it, its comments
// lost, while a pipe in the same place is refused. Both are refused now, by every verb, before
// anything is read; the file is left byte-identical. And a standard output that is not open
// (`>&-`) is said as Windows' WriteFile says it: 6, "The handle is invalid." (EBADF is Wine's
// STATUS_INVALID_HANDLE), not 1920.
#include <filesystem>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;
using test_support::Slurp;
using ::testing::HasSubstr;

constexpr const char* kDescriptorMachine =
    "# the customer's notes\n"
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

}  // namespace

TEST(DescriptorNames, AMachineNamedAsADescriptorIsRefusedAndLeftAsItIs) {
  const test_support::TempFolder dir{"descriptor_names"};
  const std::filesystem::path machine = dir.Write("in.yaml", kDescriptorMachine);
  for (const std::string name : {"/dev/stdin", "/dev/fd/0", "/proc/self/fd/0"}) {
    for (const std::string verb : {"apply", "diagnose"}) {
      const Ran r = test_support::RunProgram(
          {.program = ASPNET_FIXER_BIN, .args = {verb, "--machine", name}, .stdin_file = machine});
      EXPECT_EQ(r.exit_code, 2) << verb << " " << name << ": " << r.out << r.err;
      EXPECT_THAT(r.err, HasSubstr(name + ": cannot read machine state file: 1920: The file cannot be accessed by the "
                                          "system. (not a regular file: a file descriptor"))
          << verb << " " << name;
      EXPECT_EQ(Slurp(machine), kDescriptorMachine) << verb << " " << name;
    }
  }
  // fixup-sim's show says it in the system's words.
  const Ran show =
      test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"show", "/dev/stdin"}, .stdin_file = machine});
  EXPECT_EQ(show.exit_code, 2) << show.out << show.err;
  EXPECT_THAT(show.err, HasSubstr("/dev/stdin: cannot read machine state file: not a regular file: a file descriptor"));
}

// The file itself, by its own name, is used as ever.
TEST(DescriptorNames, TheFileByItsOwnNameIsRepaired) {
  const test_support::TempFolder dir{"descriptor_names_own"};
  const std::filesystem::path machine = dir.Write("in.yaml", kDescriptorMachine);
  const Ran r =
      test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = {"apply", "--machine", machine.string()}});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(Slurp(machine), kDescriptorMachine);
}

TEST(ClosedStandardOutput, IsTheInvalidHandleError) {
  const test_support::TempFolder dir{"closed_stdout"};
  const std::filesystem::path machine = dir.Write("m.yaml", kDescriptorMachine);
  const Ran r = test_support::RunProgram(
      {.program = "/bin/sh",
       .args = {"-c", "exec \"$0\" diagnose --machine \"$1\" >&-", ASPNET_FIXER_BIN, machine.string()}});
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_THAT(r.err, HasSubstr("aspnet-fixer diagnose: standard output: cannot write: 6: The handle is invalid."));
}
