// One inheritable grant on a folder with N objects below it (fakes/acl_propagation.h): SetNamedSecurityInfo
// propagates it to each of them, so the fake walks them once. Timed: the AddAce, propagation included;
// a complexity fit over the sizes: the aim is O(N), a look-up per object and level, never a walk
// of all the objects per object. The folders nest 10 deep, each holding its share of the files.
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "fakes/acl_inheritance.h"
#include "fakes/machine.h"
#include "fakes/objects.h"
#include "machines.h"

namespace {

constexpr size_t kDepth = 10;
const fixer::Sid kBob = *fixer::Sid::Parse("S-1-5-21-1-2-3-1010");

// `objects` files and folders below C:\big, each made the Windows way (its parent's inheritable ACEs).
std::unique_ptr<fakes::Machine> FolderWithObjectsBelow(size_t objects) {
  auto machine = std::make_unique<fakes::Machine>(bench::TypicalAffectedMachine());
  fakes::ObjectStore store(*machine);
  auto make = [&](const std::string& path, bool container) {
    const fixer::ObjectRef ref{fixer::ObjectNamespace::kFile, path};
    const auto dacl = fakes::DaclForNewObject(machine->state(), ref, container, fixer::Sid::Administrators());
    (void)store.Create(ref.ns, path, container, fixer::Sid::Administrators(), dacl);
  };
  std::string folder = R"(C:\big)";
  make(folder, true);
  const size_t files_per_folder = objects / kDepth;
  for (size_t d = 0; d < kDepth; ++d) {
    folder += "\\d" + std::to_string(d);
    make(folder, true);
    for (size_t f = 1; f < files_per_folder; ++f) make(folder + "\\f" + std::to_string(f) + ".aspx", false);
  }
  return machine;
}

void BM_InheritableGrantPropagates(benchmark::State& state) {
  const size_t objects = static_cast<size_t>(state.range(0));
  const fixer::Ace grant{fixer::AceType::kAllow, kBob, fixer::kFileGenericRead,
                         fixer::kObjectInheritAce | fixer::kContainerInheritAce};
  for (auto _ : state) {
    state.PauseTiming();
    auto machine = FolderWithObjectsBelow(objects);
    fakes::ObjectStore store(*machine);
    state.ResumeTiming();
    if (!store.AddAce({fixer::ObjectNamespace::kFile, R"(C:\big)"}, grant).ok()) state.SkipWithError("grant failed");
    state.PauseTiming();
    machine.reset();
    state.ResumeTiming();
  }
  state.SetComplexityN(static_cast<int64_t>(objects));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * objects));
}
BENCHMARK(BM_InheritableGrantPropagates)
    ->Arg(10'000)
    ->Arg(30'000)
    ->Arg(100'000)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->Complexity(benchmark::oN);

}  // namespace
