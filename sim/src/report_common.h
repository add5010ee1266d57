// What the text and HTML reports of a run say alike (private to sim/src): whether a step failed,
// a duration as both print it, and whether a scenario's name says more than its file.
#pragma once

#include <cstdio>
#include <filesystem>
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

// The scenario's `name:` differs from its file's name without `.yaml` (the default): the text
// report shows it beside the file then, where it would repeat the file's name otherwise.
inline bool NamedApart(const ScenarioResult& r) { return r.name != std::filesystem::path(r.file).stem().string(); }

// "0.25 s"
inline std::string Seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

}  // namespace sim::report
