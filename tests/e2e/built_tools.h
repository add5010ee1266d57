// The built aspnet-fixer run as a user runs it, for the e2e tests (its path comes from
// tests/CMakeLists.txt): its exit code and output read back.
//
//   const test_support::Ran r = e2e::RunAspnetFixer({"plan", "--machine", "m.yaml"});
//   EXPECT_EQ(r.exit_code, 0) << r.err;
#pragma once

#include <string>
#include <vector>

#include "support/run_program.h"

namespace e2e {

inline test_support::Ran RunAspnetFixer(const std::vector<std::string>& args) {
  return test_support::RunProgram({.program = ASPNET_FIXER_BIN, .args = args});
}

}  // namespace e2e
