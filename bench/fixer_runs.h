// What the fixer benchmarks share about a run: the recreate options, and the check that the
// timed run really fixed the machine (a benchmark of a failing run measures nothing).
//
//   sim::FixerRun run = sim::RunFixer(machine, "apply", bench::RecreateOptions(), {});
//   if (!bench::SkipUnlessFixed(state, run, "recreate")) ...   // reported as an error
#pragma once

#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "fixer/options.h"
#include "sim/fixer_session.h"

namespace bench {

inline fixer::Options RecreateOptions() {
  fixer::Options options;
  options.strategy = fixer::Strategy::kRecreate;
  return options;
}

// False, with the benchmark marked as failed, unless `run` ended with the machine fixed.
inline bool SkipUnlessFixed(benchmark::State& state, const sim::FixerRun& run, std::string_view what) {
  if (!run.crashed && run.result && run.outcome == "fixed") return true;
  state.SkipWithError((std::string(what) + " did not fix the machine: " + run.outcome + "\n" + run.log).c_str());
  return false;
}

}  // namespace bench
