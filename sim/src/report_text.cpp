// The readable report of a scenario run: one block per scenario, one line per step, then what
// the step changed (before -> after) and each check; a failed check shows expected and actual
// and where it was written.
#include <sstream>

#include "sim/choices_report.h"
#include "sim/report.h"

namespace sim {
namespace {

constexpr size_t kMaxChangesShown = 40;  // a fresh install is hundreds of lines; say how many

std::string Indent(const std::string& text, const std::string& pad) {
  std::ostringstream out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out << pad << line << "\n";
  return out.str();
}

std::string StepTitle(const StepResult& s) {
  std::string title = s.step.kind;
  if (!s.report.summary.empty()) title += ": " + s.report.summary;
  return title;
}

}  // namespace

std::string RenderText(const ScenarioResult& r, bool verbose) {
  std::ostringstream out;
  out << (r.passed ? "PASS " : "FAIL ") << r.file;
  if (!r.summary.empty()) out << " - " << r.summary;
  out << "\n";
  int n = 0;
  for (const StepResult& s : r.steps) {
    out << "  " << ++n << ". " << StepTitle(s) << "  [line " << s.step.pos.line << "]\n";
    if (!s.report.ran) out << "     cannot run: " << s.report.error << "\n";
    if (verbose && !s.report.output.empty()) out << Indent(s.report.output, "     | ");
    size_t shown = 0;
    for (const Change& c : s.changes) {
      if (shown++ == kMaxChangesShown) {
        out << "     ~ ... and " << (s.changes.size() - kMaxChangesShown) << " more changes\n";
        break;
      }
      out << "     ~ " << c.path << ": " << c.before << " -> " << c.after << "\n";
    }
    for (const CheckResult& c : s.checks) {
      if (c.passed) {
        if (verbose) out << "     ok   " << c.what << "\n";
        continue;
      }
      out << "     FAIL " << c.what << ": expected " << c.expected << ", got " << c.actual;
      if (c.pos.line > 0) out << "  (" << c.pos.ToString() << ")";
      out << "\n";
    }
  }
  if (!r.error.empty()) out << "  error: " << r.error << "\n";
  if (verbose) out << RenderChoices(r.modelling_choices, "  ");
  return out.str();
}

std::string RenderSummary(const std::vector<ScenarioResult>& results) {
  std::ostringstream out;
  size_t passed = 0;
  double seconds = 0;
  for (const ScenarioResult& r : results) {
    passed += r.passed ? 1 : 0;
    seconds += r.seconds;
  }
  for (const ScenarioResult& r : results)
    if (!r.passed) out << "failed: " << r.file << "\n";
  char time[32];
  std::snprintf(time, sizeof time, "%.2f", seconds);
  out << "scenarios: " << passed << " passed, " << (results.size() - passed) << " failed (" << time
      << " s)\n";
  return out.str();
}

}  // namespace sim
