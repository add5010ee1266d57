// The HTML reports escape every piece of text they show (a scenario's summary, a check, a
// changed value, a compare row, a violation), and mark what failed where a test can find it.
#include <gtest/gtest.h>

#include "app/shell_words.h"
#include "sim/report_html.h"

namespace {

const std::string kHostile = "<script>alert('x')</script> & \"quoted\"";
const std::string kEscaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;";

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ReportHtml, EscapesEveryTextItShows) {
  EXPECT_EQ(sim::EscapeHtml(kHostile), kEscaped);
  sim::ScenarioResult r;
  r.file = "dir/" + kHostile + ".yaml";
  r.name = kHostile;
  r.summary = kHostile;
  r.passed = false;
  sim::StepResult step;
  step.step.kind = kHostile;
  step.report.summary = kHostile;
  step.report.output = kHostile;
  step.changes.push_back({kHostile, kHostile, kHostile});
  step.changes.push_back({"accounts[x]", "(none)", "(entry)", sim::Change::Kind::kAdded, {{kHostile, kHostile}}});
  step.checks.push_back({"status", kHostile, false, kHostile, kHostile, {}});
  r.steps.push_back(step);
  const std::string html = sim::RunReportHtml({r});
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_GE(Count(html, kEscaped), 9u);

  sim::Comparison c;
  c.rows.push_back({kHostile, kHostile, "ok", false, true});
  c.legacy_console = kHostile;
  EXPECT_EQ(sim::CompareReportHtml(c, kHostile, "keep-sid").find("<script"), std::string::npos);

  sim::SweepReport sweep;
  sweep.violations.push_back({kHostile, 0, "crash@1", "resume", kHostile, kHostile, kHostile, kHostile});
  const std::string page = sim::SweepReportHtml(sweep, {kHostile});
  EXPECT_EQ(page.find("<script"), std::string::npos);
  // The replay command quotes the file for a shell, then the page escapes it.
  EXPECT_NE(page.find("fixup-sim sweep " + sim::EscapeHtml(app::ShellQuote(kHostile)) + " --step 1 --case crash@1"),
            std::string::npos)
      << page;
}

TEST(ReportHtml, MarksFailuresAndTheRowsWhereTheToolsDiffer) {
  sim::ScenarioResult pass, fail;
  pass.file = "a.yaml";
  pass.passed = true;
  fail.file = "b.yaml";
  fail.passed = false;
  const std::string html = sim::RunReportHtml({pass, fail});
  EXPECT_EQ(Count(html, "<section class=\"scenario fail\""), 1u);
  EXPECT_EQ(Count(html, "<section class=\"scenario pass\""), 1u);
  EXPECT_LT(html.find("data-file=\"b.yaml\""), html.find("data-file=\"a.yaml\"")) << "failures first";

  sim::Comparison c;
  c.rows.push_back({"site", "up", "up", true, true});
  c.rows.push_back({"account SID", "changed", "kept", false, true});
  const std::string page = sim::CompareReportHtml(c, "m.yaml", "keep-sid");
  EXPECT_EQ(Count(page, "<tr class=\"differs\">"), 1u);
}

}  // namespace
