// The readable report of a scenario run, quiet like ctest and pytest: a passing scenario is one
// line; a failing one lists its steps, each failed check with where it was written, and what the
// failing step changed. Verbose shows every step's changes, output and checks.
#include <sstream>

#include "app/shell_words.h"
#include "fakes/load_result.h"
#include "fixer/quoted_value.h"
#include "fixer/text.h"
#include "fixer/utf8.h"
#include "report_common.h"
#include "sim/choices_report.h"
#include "sim/report.h"

namespace sim {
namespace {

using report::Seconds;
using report::StepFailed;

// A failing step's change log without -v: a fresh install is hundreds of lines; say how many more
// there are and where they are. -v shows every change, as the JSON and HTML reports do.
constexpr size_t kMaxChangesShown = 40;

// ANSI SGR colours, only when the style asks for them.
struct Paint {
  bool on;
  std::string operator()(const char* code, const std::string& text) const {
    return on ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
  }
};
constexpr const char* kGreen = "32";
constexpr const char* kRed = "1;31";
constexpr const char* kYellow = "33";
constexpr const char* kDim = "2";

// A batch file's console, each line shown escaped (its ESC is no terminal command) and cut as a
// line (a 10,000-character line printed is no 10,000-character line of the report).
std::string Indent(const std::string& text, const std::string& pad) {
  std::ostringstream out;
  std::istringstream in(fixer::EscapeForReader(text));
  for (std::string line; std::getline(in, line);)
    out << pad << fixer::CappedValue(line, fixer::kShownLineBytes) << "\n";
  return out.str();
}

// One line of the report that shows a text it was given (a file name, a check, a summary): its
// line ends, ESC, C1 controls and bytes that are not UTF-8 escaped (\n, \x1b, \xc2\x9b), so it
// can neither fake a line nor move the cursor.
std::string OneLine(const std::string& text) { return fakes::EscapeForMessage(text); }

// What a check asked or found, shown escaped, its line ends as \r and \n, and cut as a line (a
// 10,000-character page is no 10,000-character line, nor a page's line end a line of the report).
std::string CheckText(const std::string& text) { return fixer::CappedValue(OneLine(text), fixer::kShownLineBytes); }

std::string StepTitle(const StepResult& s) {
  std::string title = s.step.kind;
  if (!s.report.summary.empty()) title += ": " + s.report.summary;
  return OneLine(title);
}

void RenderChanges(std::ostringstream& out, const std::vector<Change>& changes, const Paint& paint, bool every) {
  size_t shown = 0;
  for (const Change& c : changes) {
    if (!every && shown++ == kMaxChangesShown) {
      out << paint(kDim, "     ... and " +
                             fixer::CountText(changes.size() - kMaxChangesShown, "more change", "more changes") +
                             " (-v shows every one)")
          << "\n";
      break;
    }
    const char* colour = c.kind == Change::Kind::kAdded ? kGreen : c.kind == Change::Kind::kRemoved ? kRed : kYellow;
    std::istringstream lines(FormatChange(c, "     "));
    bool first = true;
    for (std::string line; std::getline(lines, line); first = false)
      out << (first ? paint(colour, line) : line) << "\n";
  }
}

}  // namespace

std::string RenderText(const ScenarioResult& r, const TextStyle& style) {
  const Paint paint{style.color};
  std::ostringstream out;
  out << (r.passed ? paint(kGreen, "PASS") : paint(kRed, "FAIL")) << " " << OneLine(r.file);
  if (report::NamedApart(r)) out << " [" << OneLine(r.name) << "]";
  // The file, name and summary are one line each, but may hold a line end (a file name may, a
  // name in double quotes "...\n" too): escaped (\n, \x1b) as in a load error's message, they
  // cannot fake a line or move the cursor.
  if (!r.summary.empty() && (!r.passed || style.verbose)) out << " - " << OneLine(r.summary);
  out << "  " << paint(kDim, "(" + Seconds(r.seconds) + ")") << "\n";
  if (r.passed && !style.verbose) return out.str();
  int n = 0;
  for (const StepResult& s : r.steps) {
    const bool failed = StepFailed(s);
    const std::string title = std::to_string(++n) + ". " + StepTitle(s);
    const std::string line = "  [line " + std::to_string(s.step.pos.line) + "]";
    out << "  " << (failed ? paint(kRed, title) : title) << paint(kDim, line) << "\n";
    if (!s.report.ran) out << "     cannot run: " << fixer::EscapeForReader(s.report.error) << "\n";
    if (style.verbose && !s.report.output.empty()) out << Indent(s.report.output, "     | ");
    if (style.verbose || failed) RenderChanges(out, s.changes, paint, style.verbose);
    for (const CheckResult& c : s.checks) {
      if (c.passed) {
        // What held, not only what was asked: `account nobody exists: false`, `exit code: 0`.
        if (style.verbose)
          out << "     " << paint(kGreen, "ok") << "   "
              << fixer::CappedValue(OneLine(c.expected.empty() ? c.what : c.what + ": " + c.expected),
                                    fixer::kShownLineBytes)
              << "\n";
        continue;
      }
      out << "     " << paint(kRed, "FAIL") << " ";
      if (c.pos.line > 0) out << OneLine(c.pos.ToString()) << ": ";
      out << OneLine(c.what) << ": expected " << CheckText(c.expected) << ", got " << CheckText(c.actual) << "\n";
    }
  }
  if (!r.error.empty()) out << "  " << paint(kRed, "error:") << " " << fixer::EscapeForReader(r.error) << "\n";
  if (style.verbose) out << RenderChoices(r.modelling_choices, "  ");
  return out.str();
}

std::string RerunCommand(const ScenarioResult& r, uint64_t seed) {
  std::string command = app::ShellCommand({"fixup-sim", "run", app::FileArgument(r.file), "-v"});
  if (seed != 1) command += " --seed " + std::to_string(seed);
  if (!r.invariants_checked) command += " --no-invariants";  // it decides an `invariant:` expectation
  return command;
}

RunTotals TotalsOf(const std::vector<ScenarioResult>& results) {
  RunTotals t;
  for (const ScenarioResult& r : results) {
    (r.passed ? t.passed : t.failed) += 1;
    t.seconds += r.seconds;
  }
  return t;
}

std::string RenderSummary(const std::vector<ScenarioResult>& results, const TextStyle& style) {
  const Paint paint{style.color};
  std::ostringstream out;
  const RunTotals t = TotalsOf(results);
  for (const ScenarioResult& r : results)
    if (!r.passed)
      out << paint(kRed, "failed:") << " " << OneLine(r.file)
          << (report::NamedApart(r) ? " [" + OneLine(r.name) + "]" : "") << "\n  rerun: " << RerunCommand(r, style.seed)
          << "\n";  // shows every byte (app/shell_words.h)
  out << "scenarios: " << paint(kGreen, std::to_string(t.passed) + " passed") << ", "
      << (t.failed ? paint(kRed, std::to_string(t.failed) + " failed") : "0 failed") << " (" << Seconds(t.seconds)
      << ")\n";
  return out.str();
}

}  // namespace sim
