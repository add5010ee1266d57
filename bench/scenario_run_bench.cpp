// `fixup-sim run` of one long scenario: N steps that each stop or start W3SVC on an affected
// XP machine, so every step changes the machine and its diff is computed and reported. The
// diff is structural and only for changed sections, so the run is linear in N (the complexity
// fit says so); aim: 1,000 steps under a second (docs/performance.md).
#include <benchmark/benchmark.h>

#include <string>

#include "sim/report.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace {

sim::Scenario LongScenario(int64_t steps) {
  std::string text =
      "summary: a service stopped and started again and again\n"
      "machine:\n"
      "  frameworks: [\"1.0\"]\n"
      "  hotfixes: [MS03-032]\n"
      "  applications:\n"
      "    - path: /LM/W3SVC/1/ROOT/app\n"
      "steps:\n";
  for (int64_t i = 0; i < steps; ++i) text += i % 2 == 0 ? "  - stop_service: W3SVC\n" : "  - start_service: W3SVC\n";
  sim::LoadedScenario loaded = sim::LoadScenarioText(text, "long.yaml");
  return loaded.ok() ? *loaded.value : sim::Scenario{};
}

void BM_RunLongScenario(benchmark::State& state) {
  const sim::Scenario scenario = LongScenario(state.range(0));
  if (scenario.steps.empty()) {
    state.SkipWithError("the generated scenario does not load");
    return;
  }
  size_t changes = 0;
  for (auto _ : state) {
    sim::ScenarioResult r = sim::RunScenario(scenario, {});
    benchmark::DoNotOptimize(sim::RenderText(r, {.verbose = true}));
    changes = 0;
    for (const auto& s : r.steps) changes += s.changes.size();
  }
  state.counters["changes"] = static_cast<double>(changes);
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_RunLongScenario)->RangeMultiplier(2)->Range(125, 1000)->Complexity()->Unit(benchmark::kMillisecond);

}  // namespace
