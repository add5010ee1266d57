// `fixup-sim compare --html` and `fixup-sim sweep --html`.
#include <cstdio>

#include "report_html_detail.h"
#include "sim/report_html.h"

namespace sim {
namespace {

// The batch's side of a row when it stopped before its end: shown, not judged.
std::string NotJudgedCell(const std::string& value) {
  return "<td class=\"stopped\">not judged &middot; " + EscapeHtml(value) + "</td>";
}

std::string Cell(const std::string& value, bool ok) {
  return std::string("<td class=\"") + (ok ? "ok" : "bad") + "\">" + (ok ? "ok &middot; " : "BAD &middot; ") +
         EscapeHtml(value) + "</td>";
}

std::string JoinOrNothing(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out.empty() ? "nothing" : out;
}

}  // namespace

std::string CompareReportHtml(const Comparison& c, const std::string& scenario, const std::string& strategy) {
  const std::string script = EscapeHtml(c.script_name);
  std::string body = "<h1>" + script + " compared with the fixer</h1>\n<p class=\"meta\"><span class=\"mono\">" +
                     EscapeHtml(scenario) + "</span> &middot; " + script +
                     " answered at runas; aspnet-fixer apply "
                     "--strategy " +
                     EscapeHtml(strategy) + "</p>\n";
  if (c.legacy_stopped)
    body += "<p class=\"error\" id=\"stopped\">" + EscapeHtml(c.LegacyStoppedText()) +
            ". Its side of each row is what it left there, not judged.</p>\n";
  body +=
      "<table id=\"comparison\"><thead><tr><th>what</th><th>" + script + "</th><th>fixer</th></tr></thead><tbody>\n";
  for (const CompareRow& r : c.rows) {
    const bool differs = r.legacy_judged && (r.legacy != r.fixer || r.legacy_ok != r.fixer_ok);
    body += std::string("<tr") + (differs ? " class=\"differs\"" : "") + "><th>" + EscapeHtml(r.name) + "</th>" +
            (r.legacy_judged ? Cell(r.legacy, r.legacy_ok) : NotJudgedCell(r.legacy)) + Cell(r.fixer, r.fixer_ok) +
            "</tr>\n";
  }
  body += "</tbody></table>\n<p>fixer ahead on: <b>" + EscapeHtml(JoinOrNothing(c.FixerAhead())) + "</b><br>" + script +
          " ahead on: <b>" +
          (c.legacy_stopped ? "not judged: it stopped at line " + std::to_string(c.legacy_stopped->line)
                            : EscapeHtml(JoinOrNothing(c.LegacyAhead()))) +
          "</b></p>\n";
  body += "<h2>" + script + "'s console</h2>\n<pre>" + EscapeHtml(c.legacy_console) + "</pre>\n";
  body += "<h2>The fixer's log</h2>\n<pre>" + EscapeHtml(c.fixer_log) + "</pre>\n";
  return html::Page("compare " + scenario, body);
}

std::string SweepReportHtml(const SweepReport& r, const std::vector<std::string>& paths) {
  std::string where;
  for (const std::string& p : paths) where += (where.empty() ? "" : " ") + p;
  char rate[96];
  std::snprintf(rate, sizeof rate, "%.0f runs/s, %.2f s", r.seconds > 0 ? r.runs / r.seconds : 0.0, r.seconds);
  std::string body = "<h1>fixup-sim sweep</h1>\n<p class=\"meta mono\">" + EscapeHtml(where) + "</p>\n";
  body += "<p class=\"totals\" id=\"totals\">" + EscapeHtml(r.Totals()) + ", <span class=\"" +
          (r.violations.empty() ? "pass" : "fail") + "\">" + r.ViolationsText() + "</span> (" + rate + ")</p>\n";
  for (const std::string& e : r.errors) body += "<p class=\"error\">" + EscapeHtml(e) + "</p>\n";
  if (!r.violations.empty()) {
    body +=
        "<table id=\"violations\"><thead><tr><th>scenario</th><th>step</th><th>faults</th><th>recovery</th>"
        "<th>what failed</th><th>replay</th></tr></thead><tbody>\n";
    for (const SweepViolation& v : r.violations) {
      const std::string replay = v.ReplayCommand();
      body += "<tr class=\"fail\"><td class=\"mono\">" + EscapeHtml(v.file) + "</td><td>" + std::to_string(v.step + 1) +
              "</td><td class=\"mono\">" + EscapeHtml(v.faults) + "<br>" + EscapeHtml(v.where) + "</td><td>" +
              EscapeHtml(v.recovery) + "</td><td>" + EscapeHtml(v.check) + ": expected " + EscapeHtml(v.expected) +
              ", got " + EscapeHtml(v.actual) + "</td><td><code>" + EscapeHtml(replay) + "</code></td></tr>\n";
    }
    body += "</tbody></table>\n";
  }
  return html::Page("fixup-sim sweep: " + r.ViolationsText(), body);
}

}  // namespace sim
