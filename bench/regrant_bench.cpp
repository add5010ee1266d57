// The recreate strategy's grant re-mapping: a machine with `files` files holding 10 explicit
// ACEs each that name ASPNET (1,000,000 ACEs at 100,000 files). Measured: the whole
// `aspnet-fixer apply --strategy recreate` (diagnose finds every ACE, record-grants journals
// them, the account is deleted and recreated, regrant-aces grants each to the new SID). Reported
// as ACEs per second, with a complexity fit over the sizes: the aim is O(N) in ACEs. Counters
// `machine_MB` (resident memory with the machine built, before the run) and `peak_MB` (the
// process's peak resident memory during the run, that machine included) say what it costs in
// memory: each iteration builds its own machine, so nothing else of that size is resident.
// `faults_per_kace`: minor page faults in the timed run per 1,000 ACEs. The run's CPU time moves
// with them (docs/performance.md, the eleventh stop): whether the allocator still holds the pages
// the iteration before freed, or gave them back and faults them in again, changes the time of
// the same instructions by up to 3x.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>

#include "fakes/machine.h"
#include "fixer_runs.h"
#include "machines.h"
#include "proc_status.h"
#include "sim/fixer_session.h"

namespace {

constexpr size_t kAcesPerFile = 10;

// Built for each iteration, outside the timing (building a million ACEs is not what is
// measured); a cached copy would stay resident and count in every peak.
std::unique_ptr<fakes::Machine> MachineOfSize(size_t files) {
  return std::make_unique<fakes::Machine>(bench::MachineWithAspnetAces(files, kAcesPerFile));
}

// A field of /proc/self/status in MB; 0 if unreadable.
double StatusMb(std::string_view field) { return static_cast<double>(std::max(0L, bench::ProcStatusKb(field))) / 1e3; }

void BM_RecreateRegrant(benchmark::State& state) {
  const size_t files = static_cast<size_t>(state.range(0));
  const size_t aces = files * kAcesPerFile;
  const fixer::Options options = bench::RecreateOptions();
  double machine_mb = 0;
  double peak_mb = 0;
  long faults = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto machine = MachineOfSize(files);
    bench::ResetPeakMemory();
    machine_mb = std::max(machine_mb, StatusMb("VmRSS:"));
    const long faults_before = bench::MinorFaults();
    state.ResumeTiming();
    sim::FixerRun run = sim::RunFixer(*machine, "apply", options, fakes::FaultPlan{});
    state.PauseTiming();
    faults += bench::MinorFaults() - faults_before;
    peak_mb = std::max(peak_mb, StatusMb("VmHWM:"));
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
  state.counters["machine_MB"] = machine_mb;
  state.counters["peak_MB"] = peak_mb;
  state.counters["faults_per_kace"] =
      static_cast<double>(faults) * 1e3 / (static_cast<double>(state.iterations()) * static_cast<double>(aces));
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
  const fixer::Options options = bench::RecreateOptions();
  for (auto _ : state) {
    state.PauseTiming();
    auto machine = MachineOfSize(files);
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
