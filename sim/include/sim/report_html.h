// HtmlReport: one self-contained HTML page per report (inline CSS, no script, no external asset,
// no network), readable at 1280 px and printable: `fixup-sim run --html`, `compare --html` and
// `sweep --html`. Every piece of text is escaped; nothing a report shows can hold a password
// (step output is what the fakes printed, and MachineDiff never shows password material).
//
// The run report: a table of scenarios with their status, then per scenario a timeline of its
// steps (what each answered, the fixer's outcome, each check) with, per step, the before -> after
// table of what it changed. Elements carry stable ids and classes for tests: each scenario is
// `<section class="scenario pass|fail" data-file="...">`.
//
//   std::string html = sim::RunReportHtml(results);
//   if (auto st = sim::WriteHtml("report.html", html); !st.ok()) ...
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fixer/result.h"
#include "sim/legacy_compare.h"
#include "sim/runner.h"
#include "sim/sweep.h"

namespace sim {

// A failed scenario's section says the command that runs it again with the run's `seed`.
std::string RunReportHtml(const std::vector<ScenarioResult>& results, uint64_t seed = 1);
// Two columns, fixup.cmd | fixer, the rows where they differ highlighted.
std::string CompareReportHtml(const Comparison& comparison, const std::string& scenario, const std::string& strategy);
// The sweep's summary and each violation with the command that replays it.
std::string SweepReportHtml(const SweepReport& report, const std::vector<std::string>& paths);

// Atomic: a temporary file beside `path`, then renamed over it; on failure the message names the
// file, the step and the reason (fakes::WriteFileAtomicallySaying).
fixer::Status WriteHtml(const std::string& path, const std::string& html);

// "&lt;a href=&quot;x&quot;&gt;": text safe inside an element or a quoted attribute.
std::string EscapeHtml(std::string_view text);

}  // namespace sim
