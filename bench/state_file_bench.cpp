// The real tool on a state file (issue 15): `aspnet-fixer apply --strategy recreate` through the
// command's own code path (fakes::StateFileBackend on a real file in a temp dir, app::RunVerb),
// on machines with N ACEs naming ASPNET, against loading and saving the same file once.
// Every change is logged (fakes/machine_log.h) and the run ends with one checkpoint.
// The directory is $FIXUP_BENCH_DIR, else the system's temp directory.
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>

#include "app/verbs.h"
#include "bench_dir.h"
#include "fakes/machine_yaml.h"
#include "fakes/state_file_backend.h"
#include "fixer_runs.h"
#include "machines.h"

namespace {

namespace fs = std::filesystem;

// The affected machine with `aces` folders, each holding one explicit ACE naming ASPNET.
std::string SavedMachine(const fs::path& dir, size_t aces) {
  const std::string file = (dir / "machine.yaml").string();
  if (!fakes::SaveMachineFile(bench::MachineWithAspnetAces(aces, 1), file).ok()) return {};
  return file;
}

void BM_ToolApplyRecreateOnStateFile(benchmark::State& state) {
  const size_t aces = static_cast<size_t>(state.range(0));
  const fs::path dir = bench::BenchDir("fixup_state_file_bench");
  const fakes::MachineState machine = bench::MachineWithAspnetAces(aces, 1);
  const std::string file = (dir / "machine.yaml").string();
  for (auto _ : state) {
    state.PauseTiming();
    if (!fakes::SaveMachineFile(machine, file).ok()) state.SkipWithError("cannot save the machine");
    state.ResumeTiming();
    auto opened = fakes::StateFileBackend::Open({.path = file});
    if (!opened.ok()) {
      state.SkipWithError(opened.error->ToString().c_str());
      break;
    }
    app::VerbRun run = app::RunVerb(**opened.value, app::Verb::kApply, bench::RecreateOptions());
    if (run.outcome != "fixed") {
      state.SkipWithError(("recreate did not fix the machine: " + run.outcome + "\n" + run.log).c_str());
      break;
    }
  }
  state.SetComplexityN(static_cast<int64_t>(aces));
  fs::remove_all(dir);
}
BENCHMARK(BM_ToolApplyRecreateOnStateFile)
    ->RangeMultiplier(2)
    ->Range(625, 10000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

// The floor the tool is measured against: loading the same file once and saving it once.
void BM_LoadAndSaveStateFile(benchmark::State& state) {
  const size_t aces = static_cast<size_t>(state.range(0));
  const fs::path dir = bench::BenchDir("fixup_state_file_bench");
  const std::string file = SavedMachine(dir, aces);
  for (auto _ : state) {
    auto loaded = fakes::LoadMachineFile(file);
    if (!loaded.ok() || !fakes::SaveMachineFile(*loaded.value, file).ok()) {
      state.SkipWithError("cannot load or save the machine");
      break;
    }
  }
  state.SetComplexityN(static_cast<int64_t>(aces));
  fs::remove_all(dir);
}
BENCHMARK(BM_LoadAndSaveStateFile)
    ->RangeMultiplier(2)
    ->Range(625, 10000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);

}  // namespace
