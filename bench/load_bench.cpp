// Loading and saving machine state files of growing size (issue 15: a 14 MB file under 1 s):
// the saved form of the typical affected machine plus N files with 10 ACEs each naming ASPNET
// (bench::MachineWithAspnetAces), about 515 bytes of text per file; N = 27,000 is about 14 MB.
// Bytes per second and an O(N) fit for each series. Peak memory: bench/load_peak.cpp.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

#include "fakes/machine_yaml.h"
#include "fakes/yaml_parse.h"
#include "machines.h"

namespace {

constexpr size_t kAcesPerFile = 10;

const std::string& SavedText(size_t files) {
  static std::map<size_t, std::string> cache;
  auto it = cache.find(files);
  if (it == cache.end()) {
    it = cache.emplace(files, fakes::MachineToText(bench::MachineWithAspnetAces(files, kAcesPerFile))).first;
  }
  return it->second;
}

void Report(benchmark::State& state, size_t bytes) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetComplexityN(state.range(0));
  state.counters["MB"] = static_cast<double>(bytes) / 1e6;
}

// fakes::LoadMachineText: parse, then build the MachineState (base: empty).
void BM_LoadMachineText(benchmark::State& state) {
  const std::string& text = SavedText(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto loaded = fakes::LoadMachineText(text, "big.yaml");
    if (!loaded.ok()) {
      state.SkipWithError(loaded.error->ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(loaded);
  }
  Report(state, text.size());
}

// The parser alone (fakes::yaml::ParseYaml): the share of loading that is YAML.
void BM_ParseYaml(benchmark::State& state) {
  const std::string& text = SavedText(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto parsed = fakes::yaml::ParseYaml(text);
    if (parsed.error) {
      state.SkipWithError(parsed.error->message.c_str());
      return;
    }
    benchmark::DoNotOptimize(parsed);
  }
  Report(state, text.size());
}

// fakes::MachineToText of the same machines.
void BM_SaveMachineText(benchmark::State& state) {
  const fakes::MachineState machine = bench::MachineWithAspnetAces(static_cast<size_t>(state.range(0)), kAcesPerFile);
  size_t bytes = 0;
  for (auto _ : state) {
    std::string text = fakes::MachineToText(machine);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  Report(state, bytes);
}

#define FIXUP_SIZES Arg(1000)->Arg(3000)->Arg(10000)->Arg(27000)->Complexity(benchmark::oN)
BENCHMARK(BM_LoadMachineText)->FIXUP_SIZES->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseYaml)->FIXUP_SIZES->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SaveMachineText)->FIXUP_SIZES->Unit(benchmark::kMillisecond);

}  // namespace
