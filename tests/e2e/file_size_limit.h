// A command line that runs a program with its files limited in size (`ulimit -f`, in 512-byte
// blocks: a write past the limit fails with EFBIG, 223 in Windows' words, as a full disk fails one
// with 112), its standard output and standard error not limited: they go through FIFOs to `cat`s
// started before the limit (RunProgram writes them to files, which the limit would cut short).
//
//   test_support::RunProgram({.program = "/bin/sh", .args = e2e::WithFileSizeLimit(8, ASPNET_FIXER_BIN, {"apply"})});
#pragma once

#include <string>
#include <vector>

namespace e2e {

inline std::vector<std::string> WithFileSizeLimit(int blocks, const std::string& program,
                                                  const std::vector<std::string>& args) {
  std::vector<std::string> sh = {
      "-c",
      "d=$(mktemp -d) && mkfifo \"$d/o\" \"$d/e\" || exit 125; cat \"$d/o\" & cat \"$d/e\" >&2 & "
      "(trap '' XFSZ; ulimit -f " +
          std::to_string(blocks) + "; exec \"$0\" \"$@\" > \"$d/o\" 2> \"$d/e\"); rc=$?; wait; rm -r \"$d\"; exit $rc",
      program};
  sh.insert(sh.end(), args.begin(), args.end());
  return sh;
}

}  // namespace e2e
