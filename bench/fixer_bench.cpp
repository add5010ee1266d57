// One fixer run on a typical affected machine, against the cost of copying that machine: the
// floor a sweep run cannot go under (every sweep case starts from a copy). Aim: a fixer run
// within 3x the copy (docs/performance.md).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "fakes/machine.h"
#include "fixer_runs.h"
#include "machines.h"
#include "sim/fixer_session.h"

namespace {

// The floor: copying the machine's state (what a sweep does before every case).
void BM_MachineCopy(benchmark::State& state) {
  const fakes::MachineState& base = bench::TypicalAffectedMachine();
  for (auto _ : state) {
    fakes::MachineState copy = base;
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_MachineCopy);

// Whether the run is handed the machine it starts from as the machine found, as a sweep case
// does (sim/src/sweep.cpp, RunOne), or keeps a copy of its own at its first change.
enum class Found { kKeptByTheRun, kHandedIn };

// Copy + `aspnet-fixer apply` with the given strategy: what one sweep case costs at least.
void FixerApply(benchmark::State& state, fixer::Strategy strategy, Found found = Found::kKeptByTheRun) {
  const auto base = std::make_shared<const fakes::MachineState>(bench::TypicalAffectedMachine());
  const auto handed_in = found == Found::kHandedIn ? base : nullptr;
  fixer::Options options;
  options.strategy = strategy;
  for (auto _ : state) {
    fakes::Machine machine(*base);
    sim::FixerRun run = sim::RunFixer(machine, "apply", options, fakes::FaultPlan{}, false, nullptr, handed_in);
    benchmark::DoNotOptimize(machine.state());
    if (state.iterations() == 0) bench::SkipUnlessFixed(state, run, "the fixer");
  }
}
void BM_FixerApplyKeepSid(benchmark::State& state) { FixerApply(state, fixer::Strategy::kKeepSid); }
void BM_FixerApplyRecreate(benchmark::State& state) { FixerApply(state, fixer::Strategy::kRecreate); }
BENCHMARK(BM_FixerApplyKeepSid);
BENCHMARK(BM_FixerApplyRecreate);

// A sweep case exactly: the case copies its machine from a snapshot it holds and hands that
// snapshot to the run as the machine found, so the run compares with it instead of copying it.
void BM_FixerApplyKeepSidAsSweepCase(benchmark::State& state) {
  FixerApply(state, fixer::Strategy::kKeepSid, Found::kHandedIn);
}
BENCHMARK(BM_FixerApplyKeepSidAsSweepCase);

// The fixer alone (the copy made outside the timing), to compare with the copy.
void BM_FixerApplyKeepSidNoCopy(benchmark::State& state) {
  const fakes::MachineState& base = bench::TypicalAffectedMachine();
  fixer::Options options;
  for (auto _ : state) {
    state.PauseTiming();
    fakes::Machine machine(base);
    state.ResumeTiming();
    sim::FixerRun run = sim::RunFixer(machine, "apply", options, fakes::FaultPlan{});
    benchmark::DoNotOptimize(machine.state());
    state.PauseTiming();
    if (state.iterations() == 0) bench::SkipUnlessFixed(state, run, "the fixer");
    run = {};
    machine = fakes::Machine();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_FixerApplyKeepSidNoCopy);

}  // namespace
