// Reports of scenario runs: readable text (one line per passing scenario; a failing one with its
// steps, its failed checks and what the failing step changed), JSON for machines, JUnit XML for
// CI (one test case per scenario), and a self-contained HTML page (report_html.h). None of them
// can show a password: step output is what the fakes printed, and MachineDiff never shows a hash
// or an LSA secret.
//
//   std::vector<sim::ScenarioResult> results = ...;
//   std::cout << sim::RenderText(results[0]) << sim::RenderSummary(results);
//   sim::WriteJUnit(results, "report.xml");
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fixer/result.h"
#include "sim/runner.h"

namespace sim {

struct TextStyle {
  bool verbose = false;  // every step with its changes, output and passing checks
  bool color = false;    // ANSI colours (the caller decides: a terminal, --color, NO_COLOR)
  uint64_t seed = 1;     // the run's --seed, which a failing scenario's rerun command repeats
};

// What every report's totals line counts: scenarios passed and failed, and their run time.
struct RunTotals {
  size_t passed = 0;
  size_t failed = 0;
  double seconds = 0;
};
RunTotals TotalsOf(const std::vector<ScenarioResult>& results);

// One scenario. Passing: one line (file, time). Failing: its steps, each failed check with
// FILE:LINE:COL, and what the failing step changed. Verbose: everything.
std::string RenderText(const ScenarioResult& result, const TextStyle& style = {});
// The command that runs one scenario again as the run did, verbose, to see why it failed:
// `fixup-sim run 'my story.yaml' -v`, with `--seed N` when the run's seed was not 1 and
// `--no-invariants` when the run checked none (the file quoted for a POSIX shell: app/shell_words.h).
std::string RerunCommand(const ScenarioResult& result, uint64_t seed = 1);
// The failing files, each with its rerun command, then "scenarios: N passed, M failed (T s)".
std::string RenderSummary(const std::vector<ScenarioResult>& results, const TextStyle& style = {});

nlohmann::json ToJson(const ScenarioResult& result);
nlohmann::json ToJson(const std::vector<ScenarioResult>& results);

// <testsuites> holding one <testsuite> (the same counts and time on both), a <testcase> per
// scenario; a failed one holds <failure message> with each failed check and its rerun command
// (the run's `seed`), and <system-out> with its text report.
std::string JUnitXml(const std::vector<ScenarioResult>& results, uint64_t seed = 1);
// Atomic write of JUnitXml to `path`; on failure the message names the file, the step and the reason
// (fakes::WriteFileAtomicallySaying).
fixer::Status WriteJUnit(const std::vector<ScenarioResult>& results, const std::string& path, uint64_t seed = 1);

}  // namespace sim
