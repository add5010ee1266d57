// `fixup-sim run --html`: the scenarios table, then each scenario's timeline of steps with what
// each step changed.

#include "report_common.h"
#include "report_html_detail.h"
#include "sim/report.h"
#include "sim/report_html.h"

namespace sim {
namespace {

using report::Seconds;
using report::StepFailed;

std::string Badge(bool passed) {
  return passed ? "<span class=\"badge pass\">PASS</span>" : "<span class=\"badge fail\">FAIL</span>";
}

// The id of a scenario's section: its index, so any file name makes a valid fragment.
std::string Anchor(size_t i) { return "s" + std::to_string(i + 1); }

// The folder every scenario file shares, shown once above the table ("" when none).
std::string CommonFolder(const std::vector<ScenarioResult>& results) {
  if (results.empty()) return "";
  std::string prefix = results[0].file;
  for (const ScenarioResult& r : results) {
    size_t n = 0;
    while (n < prefix.size() && n < r.file.size() && prefix[n] == r.file[n]) ++n;
    prefix.resize(n);
  }
  const size_t slash = prefix.rfind('/');
  return slash == std::string::npos ? "" : prefix.substr(0, slash + 1);
}

// Failures first, each group in the run's order: the failures are what the reader came for.
std::vector<size_t> FailuresFirst(const std::vector<ScenarioResult>& results) {
  std::vector<size_t> order;
  for (const bool failed : {true, false})
    for (size_t i = 0; i < results.size(); ++i)
      if (results[i].passed != failed) order.push_back(i);
  return order;
}

std::string ChangesTable(const std::vector<Change>& changes) {
  if (changes.empty()) return "";
  std::string out =
      "<table class=\"changes\"><thead><tr><th></th><th>what</th><th>before</th><th>after</th></tr>"
      "</thead><tbody>\n";
  for (const Change& c : changes) {
    const char* kind = c.kind == Change::Kind::kAdded     ? "added"
                       : c.kind == Change::Kind::kRemoved ? "removed"
                                                          : "changed";
    const char* sign = c.kind == Change::Kind::kAdded ? "+" : c.kind == Change::Kind::kRemoved ? "&minus;" : "~";
    // A whole entry shows its fields on the side it exists on.
    std::string fields;
    for (const ChangeField& f : c.fields)
      fields += "<div>" + EscapeHtml(f.name) + ": " + EscapeHtml(f.value) + "</div>";
    std::string before = c.kind == Change::Kind::kRemoved && !fields.empty() ? fields : EscapeHtml(c.before);
    std::string after = c.kind == Change::Kind::kAdded && !fields.empty() ? fields : EscapeHtml(c.after);
    out += std::string("<tr class=\"") + kind + "\"><td class=\"kind\">" + sign + "</td><td class=\"path mono\">" +
           EscapeHtml(c.path) + "</td><td class=\"before mono\">" + before + "</td><td class=\"after mono\">" + after +
           "</td></tr>\n";
  }
  return out + "</tbody></table>\n";
}

std::string Checks(const std::vector<CheckResult>& checks) {
  if (checks.empty()) return "";
  std::string out = "<ul class=\"checks\">\n";
  for (const CheckResult& c : checks) {
    out += std::string("<li class=\"") + (c.passed ? "pass" : "fail") + "\">" + EscapeHtml(c.what);
    if (!c.passed) {
      out += ": expected <b>" + EscapeHtml(c.expected) + "</b>, got <b>" + EscapeHtml(c.actual) + "</b>";
      if (c.pos.line > 0) out += " <span class=\"mono\">(" + EscapeHtml(c.pos.ToString()) + ")</span>";
    }
    out += "</li>\n";
  }
  return out + "</ul>\n";
}

std::string Timeline(const ScenarioResult& r) {
  std::string out = "<ol class=\"timeline\">\n";
  int n = 0;
  for (const StepResult& s : r.steps) {
    const bool failed = StepFailed(s);
    out += std::string("<li class=\"step ") + (failed ? "fail" : "pass") + "\"><span class=\"step-title\">" +
           std::to_string(++n) + ". " + EscapeHtml(s.step.kind) + "</span>";
    if (!s.report.summary.empty()) out += ": " + EscapeHtml(s.report.summary);
    out += " <span class=\"step-line\">line " + std::to_string(s.step.pos.line) + "</span>\n";
    if (!s.report.ran) out += "<div class=\"error\">cannot run: " + EscapeHtml(s.report.error) + "</div>\n";
    out += Checks(s.checks);
    out += ChangesTable(s.changes);
    if (!s.report.output.empty())
      out += "<details><summary>output</summary><pre>" + EscapeHtml(s.report.output) + "</pre></details>\n";
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

}  // namespace

std::string RunReportHtml(const std::vector<ScenarioResult>& results, uint64_t seed) {
  const auto [passed, failed, seconds] = TotalsOf(results);
  std::string body = "<h1>fixup-sim run</h1>\n<p class=\"totals\" id=\"totals\"><span class=\"pass\">" +
                     std::to_string(passed) + " passed</span>, <span class=\"" + (failed ? "fail" : "") + "\">" +
                     std::to_string(failed) + " failed</span> of " + std::to_string(results.size()) + " scenarios (" +
                     Seconds(seconds) + ")</p>\n";
  const std::string folder = CommonFolder(results);
  if (!folder.empty())
    body += "<p class=\"meta\">scenario files under <span class=\"mono\">" + EscapeHtml(folder) + "</span></p>\n";
  body +=
      "<table id=\"scenarios\"><thead><tr><th class=\"narrow\">status</th><th>scenario</th><th>what it shows</th>"
      "<th class=\"narrow\">steps</th><th class=\"narrow\">time</th></tr></thead><tbody>\n";
  const std::vector<size_t> order = FailuresFirst(results);
  for (const size_t i : order) {
    const ScenarioResult& r = results[i];
    body += std::string("<tr class=\"") + (r.passed ? "pass" : "fail") + "\"><td class=\"narrow\">" + Badge(r.passed) +
            "</td><td><a href=\"#" + Anchor(i) + "\">" + EscapeHtml(r.name) + "</a><div class=\"mono\">" +
            EscapeHtml(r.file.substr(folder.size())) + "</div></td><td>" + EscapeHtml(r.summary) +
            "</td><td class=\"narrow\">" + std::to_string(r.steps.size()) + "</td><td class=\"narrow\">" +
            Seconds(r.seconds) + "</td></tr>\n";
  }
  body += "</tbody></table>\n";
  for (const size_t i : order) {
    const ScenarioResult& r = results[i];
    body += std::string("<section class=\"scenario ") + (r.passed ? "pass" : "fail") + "\" id=\"" + Anchor(i) +
            "\" data-file=\"" + EscapeHtml(r.file) + "\">\n<h2>" + Badge(r.passed) + " " + EscapeHtml(r.name) +
            "</h2>\n<p class=\"meta\"><span class=\"mono\">" + EscapeHtml(r.file) + "</span>";
    if (!r.summary.empty()) body += " &middot; " + EscapeHtml(r.summary);
    body += "</p>\n";
    if (!r.error.empty()) body += "<p class=\"error\"><b>error:</b> " + EscapeHtml(r.error) + "</p>\n";
    if (!r.passed) body += "<p class=\"rerun\">rerun: <code>" + EscapeHtml(RerunCommand(r, seed)) + "</code></p>\n";
    body += Timeline(r) + "</section>\n";
  }
  return html::Page("fixup-sim run: " + std::to_string(passed) + " passed, " + std::to_string(failed) + " failed",
                    body);
}

}  // namespace sim
