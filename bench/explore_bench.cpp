// `fixup-sim explore --count 1000 --seed 1` on one worker thread (one core): generating each
// machine and history, loading the machine, running its steps and the invariants after every
// fixer run. Aim: at least 1,000 explored machines per second (docs/performance.md).
#include <benchmark/benchmark.h>

#include "sim/explore.h"

namespace {

void BM_Explore(benchmark::State& state) {
  sim::ExploreOptions options;
  options.seed = 1;
  options.count = static_cast<uint64_t>(state.range(0));
  options.jobs = 1;
  sim::ExploreReport report;
  for (auto _ : state) {
    report = sim::RunExplore(options);
  }
  state.counters["violations"] = static_cast<double>(report.violations.size());
  state.counters["fixer_runs"] = static_cast<double>(report.fixer_runs);
  state.counters["machines_per_s"] = benchmark::Counter(
      static_cast<double>(report.cases) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Explore)->Arg(1000)->Unit(benchmark::kMillisecond)->UseRealTime();

// Generation alone: the machine features and steps of one case, without running it.
void BM_GenerateCase(benchmark::State& state) {
  uint64_t k = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sim::GenerateCase(1, k++));
}
BENCHMARK(BM_GenerateCase);

// Running one case whose machine and steps are already generated.
void BM_RunExploreCase(benchmark::State& state) {
  std::vector<sim::ExploreCase> cases;
  for (uint64_t k = 0; k < 200; ++k) cases.push_back(sim::GenerateCase(1, k));
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sim::RunExploreCase(cases[i++ % cases.size()]));
}
BENCHMARK(BM_RunExploreCase)->Unit(benchmark::kMicrosecond);

}  // namespace
