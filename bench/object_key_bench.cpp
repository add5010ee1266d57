// The lookup key of a file object (fakes/object_map.h): FoldedObjectKey, which every ObjectStore
// look-up builds, on 1,000 paths as the model meets them (normal already, 30 to 60 characters).
// Keys per second: the path's normalisation check and its case fold are the whole cost.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "fakes/object_map.h"

namespace {

std::vector<std::string> TypicalPaths() {
  std::vector<std::string> paths;
  for (int i = 0; i < 1000; ++i) {
    paths.push_back(i % 2 == 0 ? R"(C:\Inetpub\wwwroot\big\file)" + std::to_string(i) + ".aspx"
                               : R"(C:\WINDOWS\Microsoft.NET\Framework\v1.0.3705\Temporary ASP.NET Files\root\)" +
                                     std::to_string(i));
  }
  return paths;
}

void BM_FoldedObjectKey(benchmark::State& state) {
  const std::vector<std::string> paths = TypicalPaths();
  size_t total = 0;
  for (auto _ : state) {
    for (const std::string& p : paths) {
      const fakes::FoldedObjectKey key(fixer::ObjectNamespace::kFile, p);
      total += key.view().size();
    }
  }
  benchmark::DoNotOptimize(total);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * paths.size()));
}
BENCHMARK(BM_FoldedObjectKey);

}  // namespace
