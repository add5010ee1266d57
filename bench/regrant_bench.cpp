// The recreate strategy's grant re-mapping: a machine with `files` files holding 10 explicit
// ACEs each that name ASPNET (1,000,000 ACEs at 100,000 files). Measured: the whole
// `aspnet-fixer apply --strategy recreate` (diagnose finds every ACE, record-grants journals
// them, the account is deleted and recreated, regrant-aces grants each to the new SID). Reported
// as ACEs per second, with a complexity fit over the sizes: the aim is O(N) in ACEs.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "fakes/machine.h"
#include "fixer_runs.h"
#include "machines.h"
#include "sim/fixer_session.h"

namespace {

constexpr size_t kAcesPerFile = 10;

// Built once per size (building a million ACEs is not what is measured).
const fakes::MachineState& MachineOfSize(size_t files) {
  static std::map<size_t, std::unique_ptr<fakes::MachineState>> cache;
  auto& slot = cache[files];
  if (!slot) slot = std::make_unique<fakes::MachineState>(bench::MachineWithAspnetAces(files, kAcesPerFile));
  return *slot;
}

void BM_RecreateRegrant(benchmark::State& state) {
  const size_t files = static_cast<size_t>(state.range(0));
  const size_t aces = files * kAcesPerFile;
  const fakes::MachineState& base = MachineOfSize(files);
  const fixer::Options options = bench::RecreateOptions();
  for (auto _ : state) {
    state.PauseTiming();
    auto machine = std::make_unique<fakes::Machine>(base);
    state.ResumeTiming();
    sim::FixerRun run = sim::RunFixer(*machine, "apply", options, fakes::FaultPlan{});
    state.PauseTiming();
    // One item per object: its ACEs are written back in one call.
    if (bench::SkipUnlessFixed(state, run, "recreate") && run.result->regranted.size() < files) {
      state.SkipWithError("recreate re-granted fewer objects than the machine holds");
    }
    run = {};
    machine.reset();  // freeing a million ACEs is not the re-mapping either
    state.ResumeTiming();
  }
  state.SetComplexityN(static_cast<int64_t>(aces));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * aces));
  state.counters["aces"] = static_cast<double>(aces);
}
BENCHMARK(BM_RecreateRegrant)
    ->Arg(10'000)
    ->Arg(30'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2)
    ->Complexity(benchmark::oN);

}  // namespace

namespace {

// `aspnet-fixer resume` after a power loss half-way through regrant-aces (at the (N/2)th
// object's DACL write): half the grants are already held by the new SID, and each remaining one is checked against them
// first. Timed: the resume only. Linear too (the check was a linear search per grant, so quadratic, before).
void BM_RecreateResumeHalfwayThroughRegrant(benchmark::State& state) {
  const size_t files = static_cast<size_t>(state.range(0));
  const size_t aces = files * kAcesPerFile;
  const fakes::MachineState& base = MachineOfSize(files);
  const fixer::Options options = bench::RecreateOptions();
  for (auto _ : state) {
    state.PauseTiming();
    auto machine = std::make_unique<fakes::Machine>(base);
    fakes::FaultPlan crash;
    crash.Add({.op = "acl.set_dacl", .nth = files / 2, .kind = fakes::FaultKind::kCrash});
    sim::FixerRun first = sim::RunFixer(*machine, "apply", options, std::move(crash));
    if (!first.crashed) state.SkipWithError("the apply did not crash half-way");
    first = {};
    state.ResumeTiming();
    sim::FixerRun run = sim::RunFixer(*machine, "resume", options, fakes::FaultPlan{});
    state.PauseTiming();
    bench::SkipUnlessFixed(state, run, "resume");
    run = {};
    machine.reset();
    state.ResumeTiming();
  }
  state.SetComplexityN(static_cast<int64_t>(aces));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * aces));
}
BENCHMARK(BM_RecreateResumeHalfwayThroughRegrant)
    ->Arg(1'000)
    ->Arg(3'000)
    ->Arg(10'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2)
    ->Complexity(benchmark::oN);

}  // namespace
