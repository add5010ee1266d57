// Scenario runs as JUnit XML: one <testcase> per scenario, its failed checks in <failure>.
#include <cstdio>
#include <sstream>

#include "fakes/atomic_file.h"
#include "fixer/utf8.h"
#include "sim/report.h"

namespace sim {
namespace {

// XML text of `s`; a byte that is not UTF-8 (a Latin-1 file name) or a control character XML 1.0
// has no place for (an ESC a batch file printed) as \xNN, so the XML stays well-formed.
std::string Escape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : fixer::EscapeForReader(s)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

// A time attribute: a plain decimal with six places ("0.000055"), never the stream's scientific
// notation ("5.5425e-05"), which JUnit's schema (xs:decimal) and some CI parsers refuse.
std::string Time(double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", seconds);
  return buf;
}

std::string FailureText(const ScenarioResult& r) {
  std::ostringstream out;
  if (!r.error.empty()) out << r.error << "\n";
  for (const StepResult& s : r.steps)
    for (const CheckResult& c : s.checks)
      if (!c.passed)
        out << c.pos.ToString() << ": " << c.what << ": expected " << c.expected << ", got " << c.actual << "\n";
  return out.str();
}

}  // namespace

std::string JUnitXml(const std::vector<ScenarioResult>& results) {
  const RunTotals totals = TotalsOf(results);
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites>\n<testsuite name=\"fixup-sim\" tests=\"" << results.size() << "\" failures=\"" << totals.failed
      << "\" time=\"" << Time(totals.seconds) << "\">\n";
  for (const ScenarioResult& r : results) {
    // The scenario's name (`name:`, else its file's name) names the test; its file stays beside it.
    out << "  <testcase classname=\"scenarios\" name=\"" << Escape(r.name) << "\" file=\"" << Escape(r.file)
        << "\" time=\"" << Time(r.seconds) << "\"";
    if (r.passed) {
      out << "/>\n";
      continue;
    }
    // A file that did not load is a failure too, typed so a CI can tell it from a failed check.
    const std::string type = r.load_error ? " type=\"load-error\"" : "";
    const std::string message = r.load_error ? r.error.substr(0, r.error.find('\n')) : r.summary;
    out << ">\n    <failure" << type << " message=\"" << Escape(message) << "\">" << Escape(FailureText(r))
        << "</failure>\n    <system-out>" << Escape(RenderText(r)) << "</system-out>\n  </testcase>\n";
  }
  out << "</testsuite>\n</testsuites>\n";
  return out.str();
}

fixer::Status WriteJUnit(const std::vector<ScenarioResult>& results, const std::string& path) {
  return fakes::WriteFileAtomicallySaying(path, JUnitXml(results));
}

}  // namespace sim
