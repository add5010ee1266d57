// Steps: what each scenario step does to the machine. One executor per step kind of the
// vocabulary (vocabulary.h); each returns what it printed and whether it could run at all.
//
//   sim::StepReport r = sim::ExecuteStep(ctx, step);
//   if (!r.ran) ... r.error names the bad parameter, with the step's file:line:col
#pragma once

#include <string>

#include "fixer/result.h"
#include "sim/run_context.h"
#include "sim/scenario.h"

namespace sim {

struct StepReport {
  bool ran = true;      // false: the step itself is wrong (unknown account, bad value ...)
  std::string error;    // why it could not run
  std::string summary;  // one line: what happened ("request /app -> 503")
  std::string output;   // console output / log of the step, if any
};

StepReport ExecuteStep(RunContext& ctx, const Step& step);

// Parameter helpers shared by the executors (bad values throw StepError).
struct StepError {
  std::string message;
};
std::string Arg(const Step& step, const std::string& key, const std::string& fallback = "");
std::string RequiredArg(const Step& step, const std::string& key);
long long IntArg(const Step& step, const std::string& key, long long fallback);
bool BoolArg(const Step& step, const std::string& key, bool fallback);
// Whether a `fixer` step injects faults of its own (`fail_at`, `fail_op`, `crash_at`,
// `crash_after`, `crash_op`): the sweep leaves such an apply alone, its faults being the point.
bool HasFaultsOfItsOwn(const Step& step);
// The step without its fault parameters (fail_at, fail_op, fail_error, crash_at, crash_after,
// crash_op): what a fault that never fired leaves of it.
Step WithoutFaults(Step step);
// A step's one line of output: "create_account alice: ok", or the call's error after the colon.
std::string StepDone(const fixer::Status& st, const std::string& what);

}  // namespace sim
