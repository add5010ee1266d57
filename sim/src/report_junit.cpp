// Scenario runs as JUnit XML: one <testcase> per scenario, its failed checks in <failure>.
#include <cstdio>
#include <sstream>

#include "fakes/atomic_file.h"
#include "fixer/utf8.h"
#include "sim/report.h"

namespace sim {
namespace {

// XML text of `s`; a byte that is not UTF-8 (a Latin-1 file name) or a character XML 1.0 has no
// place for (an ESC a batch file printed, U+FFFE) as \xNN, so the XML stays well-formed.
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

// An attribute's value: a parser reads a raw line end or tab there as a space, so they are
// written as character references and the reader gets the text as it was.
std::string EscapeAttribute(const std::string& s) {
  std::string out;
  for (char c : Escape(s)) out += c == '\n' ? "&#10;" : c == '\t' ? "&#9;" : std::string(1, c);
  return out;
}

// A time attribute: a plain decimal with six places ("0.000055"), never the stream's scientific
// notation ("5.5425e-05"), which JUnit's schema (xs:decimal) and some CI parsers refuse.
std::string Time(double seconds) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", seconds);
  return buf;
}

// Why it failed, then the command that runs it again (the CI reader's next step).
std::string FailureText(const ScenarioResult& r, uint64_t seed) {
  std::ostringstream out;
  if (!r.error.empty()) out << r.error << "\n";
  for (const StepResult& s : r.steps)
    for (const CheckResult& c : s.checks)
      if (!c.passed)
        out << c.pos.ToString() << ": " << c.what << ": expected " << c.expected << ", got " << c.actual << "\n";
  out << "rerun: " << RerunCommand(r, seed) << "\n";
  return out.str();
}

}  // namespace

std::string JUnitXml(const std::vector<ScenarioResult>& results, uint64_t seed) {
  const RunTotals totals = TotalsOf(results);
  // The same counts on both levels: some readers sum <testsuites>, others each <testsuite>.
  const std::string counts = "tests=\"" + std::to_string(results.size()) + "\" failures=\"" +
                             std::to_string(totals.failed) + "\" errors=\"0\" skipped=\"0\" time=\"" +
                             Time(totals.seconds) + "\"";
  std::ostringstream out;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"fixup-sim\" " << counts << ">\n<testsuite name=\"fixup-sim\" " << counts << ">\n";
  for (const ScenarioResult& r : results) {
    // The scenario's name (`name:`, else its file's name) names the test; its file stays beside it.
    out << "  <testcase classname=\"scenarios\" name=\"" << EscapeAttribute(r.name) << "\" file=\""
        << EscapeAttribute(r.file) << "\" time=\"" << Time(r.seconds) << "\"";
    if (r.passed) {
      out << "/>\n";
      continue;
    }
    // A file that did not load is a failure too, typed so a CI can tell it from a failed check.
    const std::string type = r.load_error ? " type=\"load-error\"" : "";
    const std::string message = r.load_error ? r.error.substr(0, r.error.find('\n')) : r.summary;
    out << ">\n    <failure" << type << " message=\"" << EscapeAttribute(message) << "\">"
        << Escape(FailureText(r, seed)) << "</failure>\n    <system-out>" << Escape(RenderText(r))
        << "</system-out>\n  </testcase>\n";
  }
  out << "</testsuite>\n</testsuites>\n";
  return out.str();
}

fixer::Status WriteJUnit(const std::vector<ScenarioResult>& results, const std::string& path, uint64_t seed) {
  return fakes::WriteFileAtomicallySaying(path, JUnitXml(results, seed));
}

}  // namespace sim
