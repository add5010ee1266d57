// What the text and HTML reports of a run say alike (private to sim/src): whether a step failed,
// and a duration as both print it.
#pragma once

#include <cstdio>
#include <string>

#include "sim/runner.h"

namespace sim::report {

// A step failed when it did not run or one of its checks failed.
inline bool StepFailed(const StepResult& s) {
  if (!s.report.ran) return true;
  for (const CheckResult& c : s.checks)
    if (!c.passed) return true;
  return false;
}

// "0.25 s"
inline std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

}  // namespace sim::report
