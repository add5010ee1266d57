// The one way the e2e and browser tests run a program as a real process: a Call names the
// program, its arguments, its standard input (a file, or none), its working directory and the
// environment changes; RunProgram runs it to the end and returns its exit code (or the signal
// that ended it) and everything it wrote to standard output and standard error.
//
//   test_support::Call call{.program = "/bin/sh", .args = {"-c", "echo hi; kill -9 $$"}};
//   call.set = {{"LANG", "C"}};
//   const test_support::Ran r = test_support::RunProgram(call);
//   // r.out == "hi\n", r.signaled, r.signal == SIGKILL
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "support/process_output.h"

namespace test_support {

struct Call {
  std::string program;  // a path, or a bare name looked up on the test's PATH
  std::vector<std::string> args;
  std::optional<std::filesystem::path> stdin_file;       // none: standard input reads end-of-file at once
  std::optional<std::filesystem::path> cwd;              // none: the test's working directory
  std::vector<std::string> unset;                        // variables removed from the environment
  std::vector<std::pair<std::string, std::string>> set;  // variables set (after the removals)
};

// Runs `call` and waits for it to end. Its output is read whole, however large.
Ran RunProgram(const Call& call);

}  // namespace test_support
