// Expectations: the checks of a scenario's `expect` blocks, each answering passed / expected /
// actual, so a failing scenario says exactly what differed.
//
//   sim::CheckResult r = sim::CheckExpectation(ctx, e);
//   if (!r.passed) std::cout << r.pos.ToString() << ": " << r.what << ": expected " << r.expected
//                            << ", got " << r.actual;
#pragma once

#include <string>

#include "sim/run_context.h"
#include "sim/scenario.h"

namespace sim {

struct CheckResult {
  std::string kind;
  std::string what;  // "service W3SVC state", "status of /LM/W3SVC/1/ROOT/app"
  bool passed = false;
  std::string expected;
  std::string actual;
  SourcePos pos;
  bool evaluated = true;  // false: the check could not be evaluated (`actual` says why)
};

// Runs the checker of e.kind (vocabulary.h); a check that cannot be evaluated (a status before
// any request) fails with evaluated = false.
CheckResult CheckExpectation(RunContext& ctx, const Expectation& e);

}  // namespace sim
