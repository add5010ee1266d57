// Loading a machine file grown in one section at a time (issue 15, "linear everywhere"; the
// machines: bench/grown_machines.h). Each section's entries are found by name as the file is read
// (a member, a login's account, a dependency, a secret), so a lookup that scans the section makes
// the load quadratic: the O(N) fit of each series shows it.
#include <benchmark/benchmark.h>

#include <string>

#include "fakes/machine_yaml.h"
#include "grown_machines.h"

namespace {

void BM_LoadGrownMachine(benchmark::State& state, const bench::GrownSection& section) {
  const std::string text = bench::GrownMachineText(section, static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto loaded = fakes::LoadMachineText(text, "grown.yaml");
    if (!loaded.ok()) {
      state.SkipWithError(loaded.error->ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(loaded);
  }
  state.SetComplexityN(state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

const bool kRegistered = [] {
  bench::RegisterGrownSeries("BM_LoadGrownMachine/", BM_LoadGrownMachine);
  return true;
}();

}  // namespace
