// One fixer run on a typical affected machine, against the cost of copying that machine: the
// floor a sweep run cannot go under (every sweep case starts from a copy). Aim: a keep-sid apply
// within 4x the copy (issue 15, docs/performance.md); the /N series grow the machine by N files
// with two ACEs naming ASPNET each, to tell the apply's fixed cost from its cost per object.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

#include "fakes/machine.h"
#include "fixer_runs.h"
#include "machines.h"
#include "sim/fixer_session.h"

namespace {

// Copying the machine's state, as a sweep does before every case: its objects shared, not copied.
void BM_MachineCopy(benchmark::State& state) {
  const fakes::MachineState& base = bench::TypicalAffectedMachine();
  for (auto _ : state) {
    fakes::MachineState copy = base;
    benchmark::DoNotOptimize(copy);
  }
}
BENCHMARK(BM_MachineCopy);

// A copy that owns all of its state: each of the copy's objects written once, so they are its own
// and no longer shared with the machine copied (object_map.h). What "one copy of the machine"
// cost before the objects were shared.
void OwnEveryObject(fakes::MachineState& copy) {
  copy.objects.ChangeWhere(
      [](const std::string&, const fakes::SecurableObject&) { return true; },
      [](const std::string&, fakes::SecurableObject& object) { benchmark::DoNotOptimize(object); });
}

void BM_MachineDeepCopy(benchmark::State& state) {
  const fakes::MachineState& base = bench::TypicalAffectedMachine();
  for (auto _ : state) {
    fakes::MachineState copy = base;
    OwnEveryObject(copy);
  }
}
BENCHMARK(BM_MachineDeepCopy);

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

// The machines of the /N series, built once per size.
const fakes::MachineState& MachineOfFiles(size_t files) {
  static std::map<size_t, fakes::MachineState> built;
  auto it = built.find(files);
  if (it == built.end()) it = built.emplace(files, bench::MachineWithAspnetAces(files, 2)).first;
  return it->second;
}

void BM_MachineCopyOfFiles(benchmark::State& state) {
  const fakes::MachineState& base = MachineOfFiles(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    fakes::MachineState copy = base;
    benchmark::DoNotOptimize(copy);
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_MachineCopyOfFiles)->RangeMultiplier(4)->Range(64, 4096)->Complexity(benchmark::oN);

// The copy that then owns its objects, as the apply's first write of them makes it.
void BM_MachineDeepCopyOfFiles(benchmark::State& state) {
  const fakes::MachineState& base = MachineOfFiles(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    fakes::MachineState copy = base;
    OwnEveryObject(copy);
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_MachineDeepCopyOfFiles)->RangeMultiplier(4)->Range(64, 4096)->Complexity(benchmark::oN);

void BM_FixerApplyKeepSidOfFiles(benchmark::State& state) {
  const fakes::MachineState& base = MachineOfFiles(static_cast<size_t>(state.range(0)));
  fixer::Options options;
  for (auto _ : state) {
    fakes::Machine machine(base);
    sim::FixerRun run = sim::RunFixer(machine, "apply", options, fakes::FaultPlan{});
    benchmark::DoNotOptimize(machine.state());
    if (state.iterations() == 0) bench::SkipUnlessFixed(state, run, "the fixer");
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_FixerApplyKeepSidOfFiles)->RangeMultiplier(4)->Range(64, 4096)->Complexity(benchmark::oN);

// The same apply failing as it starts the services again, after `aspnet_regiis -i`, so that every step
// done, the register step's ACE take-back among them, is undone: the undo must stay linear too.
void BM_FixerApplyKeepSidRolledBackOfFiles(benchmark::State& state) {
  const fakes::MachineState& base = MachineOfFiles(static_cast<size_t>(state.range(0)));
  fixer::Options options;
  fakes::FaultPlan plan;
  {
    fakes::Machine clean(base);
    const sim::FixerRun run = sim::RunFixer(clean, "apply", options, fakes::FaultPlan{});
    // The services are started after aspnet_regiis -i: failing the first start undoes it.
    const auto start = std::find_if(run.trace.begin(), run.trace.end(),
                                    [](const fakes::MutationEvent& e) { return e.op == "scm.start"; });
    if (start == run.trace.end()) {
      state.SkipWithError("the clean apply started no service");
      return;
    }
    plan.Add({.nth = start->call, .kind = fakes::FaultKind::kFail, .error = fixer::kErrorAccessDenied});
  }
  for (auto _ : state) {
    fakes::Machine machine(base);
    sim::FixerRun run = sim::RunFixer(machine, "apply", options, plan);
    benchmark::DoNotOptimize(machine.state());
    if (state.iterations() == 0 && run.outcome != "failed-restored")
      state.SkipWithError(("the apply was not rolled back: " + run.outcome + "\n" + run.log).c_str());
  }
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_FixerApplyKeepSidRolledBackOfFiles)->RangeMultiplier(4)->Range(64, 4096)->Complexity(benchmark::oN);

}  // namespace
