// The process's own memory figures from /proc/self/status (proc(5)), for the benchmarks that
// report a peak: VmRSS is resident memory now, VmHWM the peak since start or the last reset; and
// its minor page faults so far (getrusage(2)), each a page the kernel had to map on first touch.
//
//   bench::ResetPeakMemory();
//   const long peak_kb = bench::ProcStatusKb("VmHWM:");   // -1 if unreadable
//   const long faults = bench::MinorFaults();
#pragma once

#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

namespace bench {

// A field of /proc/self/status in kB ("VmRSS:", "VmHWM:"); -1 if unreadable.
inline long ProcStatusKb(std::string_view field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind(field, 0) == 0) return std::strtol(line.c_str() + field.size(), nullptr, 10);
  }
  return -1;
}

// Writing 5 to clear_refs resets VmHWM to the current resident size (Linux 4.0, proc(5)).
inline void ResetPeakMemory() { std::ofstream("/proc/self/clear_refs") << "5"; }

// Minor page faults of the process since it started; -1 if unreadable.
inline long MinorFaults() {
  rusage usage{};
  return getrusage(RUSAGE_SELF, &usage) == 0 ? usage.ru_minflt : -1;
}

}  // namespace bench
