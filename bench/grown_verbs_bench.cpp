// The tool's verbs on a machine grown in one section at a time (issue 15, "linear everywhere";
// the machines: bench/grown_machines.h), each through the command's own code path:
// `aspnet-fixer apply` (keep-sid) on a state file, `aspnet-fixer capture --machine`, and
// `fixup-sim show --json`. A verb that scans a section per entry it handles (the services stopped
// one by one, each checked for running dependents) is quadratic: the O(N) fit shows it.
// The directory is $FIXUP_BENCH_DIR, else the system's temp directory.
#include <filesystem>
#include <fstream>
#include <string>

#include <benchmark/benchmark.h>

#include "app/capture.h"
#include "app/verbs.h"
#include "bench_dir.h"
#include "fakes/machine_yaml.h"
#include "fakes/state_file_backend.h"
#include "grown_machines.h"
#include "sim/machine_view.h"

namespace {

namespace fs = std::filesystem;

bool Write(const std::string& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out.flush());
}

// `aspnet-fixer apply --machine FILE`: load, diagnose, repair keeping the SID, verify, save.
void BM_ApplyGrownMachine(benchmark::State& state, const bench::GrownSection& section) {
  const std::string text = bench::GrownMachineText(section, static_cast<size_t>(state.range(0)));
  const fs::path dir = bench::BenchDir("fixup_grown_verbs_bench");
  const std::string file = (dir / "machine.yaml").string();
  for (auto _ : state) {
    state.PauseTiming();
    if (!Write(file, text)) state.SkipWithError("cannot write the machine file");
    state.ResumeTiming();
    auto opened = fakes::StateFileBackend::Open({.path = file});
    if (!opened.ok()) {
      state.SkipWithError(opened.error->ToString().c_str());
      break;
    }
    const app::VerbRun run = app::RunVerb(**opened.value, app::Verb::kApply, fixer::Options{});
    if (run.outcome != "fixed") {
      state.SkipWithError(("apply did not fix the machine: " + run.outcome + "\n" + run.log).c_str());
      break;
    }
  }
  state.SetComplexityN(state.range(0));
  fs::remove_all(dir);
}

// `aspnet-fixer capture --machine FILE`: every read a support engineer's capture makes.
void BM_CaptureGrownMachine(benchmark::State& state, const bench::GrownSection& section) {
  const std::string text = bench::GrownMachineText(section, static_cast<size_t>(state.range(0)));
  const fs::path dir = bench::BenchDir("fixup_grown_verbs_bench");
  const std::string file = (dir / "machine.yaml").string();
  if (!Write(file, text)) state.SkipWithError("cannot write the machine file");
  for (auto _ : state) {
    auto opened = fakes::StateFileBackend::Open({.path = file});
    if (!opened.ok()) {
      state.SkipWithError(opened.error->ToString().c_str());
      break;
    }
    const app::Capture capture = app::CaptureMachine((*opened.value)->ports(), "bench");
    benchmark::DoNotOptimize(app::CaptureText(capture));
  }
  state.SetComplexityN(state.range(0));
  fs::remove_all(dir);
}

// `fixup-sim show FILE --json`: the machine as a machine file, with what each application answers.
void BM_ShowJsonGrownMachine(benchmark::State& state, const bench::GrownSection& section) {
  const std::string text = bench::GrownMachineText(section, static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    auto loaded = fakes::LoadMachineText(text, "grown.yaml");
    if (!loaded.ok()) {
      state.SkipWithError(loaded.error->ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(sim::MachineToJsonText(*loaded.value));
  }
  state.SetComplexityN(state.range(0));
}

const bool kRegistered = [] {
  bench::RegisterGrownSeries("BM_ApplyGrownMachine/", BM_ApplyGrownMachine);
  bench::RegisterGrownSeries("BM_CaptureGrownMachine/", BM_CaptureGrownMachine);
  bench::RegisterGrownSeries("BM_ShowJsonGrownMachine/", BM_ShowJsonGrownMachine);
  return true;
}();

}  // namespace
