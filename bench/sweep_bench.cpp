// The whole single-fault sweep of the scenario suite (`fixup-sim sweep scenarios/`): every
// fixer apply of every scenario, once per mutating call and Windows error or power loss,
// finished by resume and by rollback, invariants checked. One worker thread (one core).
// Aim (issue 15): under 0.3 s (docs/performance.md). And the pair sweep of one keep-sid repair
// (`fixup-sim sweep scenarios/fixer/keep-sid-fixes-affected-xp.yaml --faults 2`), the part of the
// suite's pair sweep a profile is taken of, with how many episodes were shared or reused.
#include <benchmark/benchmark.h>

#include <string>

#include "sim/scenario.h"
#include "sim/sweep.h"

namespace {

void BM_SingleFaultSweep(benchmark::State& state) {
  const std::vector<std::string> paths = {std::string(FIXUP_SOURCE_DIR) + "/scenarios"};
  sim::SweepOptions options;
  options.faults = 1;
  options.jobs = 1;
  sim::SweepReport report;
  for (auto _ : state) {
    report = sim::RunSweep(paths, options);
  }
  if (!report.errors.empty()) state.SkipWithError(("sweep could not run: " + report.errors.front()).c_str());
  state.counters["scenarios"] = static_cast<double>(report.scenarios);
  state.counters["runs"] = static_cast<double>(report.runs);
  state.counters["violations"] = static_cast<double>(report.violations.size());
  state.counters["runs_per_s"] = benchmark::Counter(
      static_cast<double>(report.runs) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SingleFaultSweep)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PairFaultSweepOfOneRepair(benchmark::State& state) {
  const std::vector<std::string> paths = {std::string(FIXUP_SOURCE_DIR) +
                                          "/scenarios/fixer/keep-sid-fixes-affected-xp.yaml"};
  sim::SweepOptions options;
  options.faults = 2;
  options.jobs = 1;
  sim::SweepReport report;
  for (auto _ : state) {
    report = sim::RunSweep(paths, options);
  }
  if (!report.errors.empty()) state.SkipWithError(("sweep could not run: " + report.errors.front()).c_str());
  state.counters["runs"] = static_cast<double>(report.runs);
  state.counters["shared"] = static_cast<double>(report.shared_runs);
  state.counters["reused"] = static_cast<double>(report.reused_recoveries);
  state.counters["violations"] = static_cast<double>(report.violations.size());
}
BENCHMARK(BM_PairFaultSweepOfOneRepair)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
