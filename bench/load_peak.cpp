// Peak memory of loading one machine state file, in a process that does nothing else:
//   bench_load_peak write 25000 /tmp/big.yaml   # the bench/load_bench.cpp machine, N files
//   bench_load_peak load /tmp/big.yaml          # prints size, time, VmHWM and VmHWM / size
// VmHWM is the process's peak resident memory (/proc/self/status), so the file is written by
// one process and loaded by another.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include "fakes/machine_yaml.h"
#include "machines.h"
#include "proc_status.h"

namespace {

int Usage() {
  std::fprintf(stderr, "usage: bench_load_peak write FILES PATH | load PATH\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 4 && std::string(argv[1]) == "write") {
    const auto files = static_cast<size_t>(std::strtoull(argv[2], nullptr, 10));
    const fixer::Status st = fakes::SaveMachineFile(bench::MachineWithAspnetAces(files, 10), argv[3]);
    if (!st.ok()) std::fprintf(stderr, "bench_load_peak: %s\n", st.ToString().c_str());
    return st.ok() ? 0 : 1;
  }
  if (argc != 3 || std::string(argv[1]) != "load") return Usage();
  const long before_kb = bench::ProcStatusKb("VmHWM:");
  const auto start = std::chrono::steady_clock::now();
  const auto loaded = fakes::LoadMachineFile(argv[2]);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!loaded.ok()) {
    std::fprintf(stderr, "bench_load_peak: %s\n", loaded.error->ToString().c_str());
    return 1;
  }
  std::ifstream in(argv[2], std::ios::binary | std::ios::ate);
  const double size_mb = static_cast<double>(in.tellg()) / 1e6;
  const long peak_kb = bench::ProcStatusKb("VmHWM:");
  std::printf("file %.1f MB, %zu objects, load %.3f s, VmHWM %.1f MB (%.1f MB before loading), %.1fx the file\n",
              size_mb, loaded.value->objects.size(), seconds, peak_kb / 1e3, before_kb / 1e3,
              (peak_kb - before_kb) / 1e3 / size_mb);
  return 0;
}
