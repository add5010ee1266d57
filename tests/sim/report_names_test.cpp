// A scenario's `name:` is its name in every report (docs/scenario-format.md): the JUnit test's
// name, the HTML table's row and the text report's line, its file shown beside it; the text
// report's summary stays on its line; and the JUnit report's times are what its schema reads.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sim/report.h"
#include "sim/report_html.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

sim::ScenarioResult Named(const std::string& file, const std::string& name, bool passed) {
  sim::ScenarioResult r;
  r.file = file;
  r.name = name;
  r.summary = "what it shows";
  r.passed = passed;
  return r;
}

TEST(ReportNames, JUnitNamesTheTestByTheScenarioAndKeepsItsFile) {
  const std::string xml = sim::JUnitXml({Named("dir/story.yaml", "keep-sid-keeps-acl", true)});
  EXPECT_THAT(xml, HasSubstr("<testcase classname=\"scenarios\" name=\"keep-sid-keeps-acl\" file=\"dir/story.yaml\""));
}

TEST(ReportNames, TheHtmlTableShowsTheNameAndTheFile) {
  const std::string html = sim::RunReportHtml({Named("dir/story.yaml", "keep-sid-keeps-acl", true)});
  EXPECT_THAT(html, HasSubstr("<a href=\"#s1\">keep-sid-keeps-acl</a><div class=\"mono\">story.yaml</div>"));
}

TEST(ReportNames, TheTextShowsANameThatIsNotTheFilesOwn) {
  const std::string pass = sim::RenderText(Named("dir/story.yaml", "keep-sid-keeps-acl", true));
  EXPECT_EQ(pass.rfind("PASS dir/story.yaml [keep-sid-keeps-acl]  (", 0), 0u) << pass;
  const sim::ScenarioResult failed = Named("dir/story.yaml", "keep-sid-keeps-acl", false);
  EXPECT_THAT(sim::RenderSummary({failed}), HasSubstr("failed: dir/story.yaml [keep-sid-keeps-acl]\n"));
  // The default name is the file's: not said twice.
  EXPECT_THAT(sim::RenderText(Named("dir/story.yaml", "story", true)), Not(HasSubstr("[story]")));
}

// A summary or name holding a line end or a control character (YAML's "\n", "\e") stays on its
// line, escaped, in the text report: it cannot fake a PASS line or colour the terminal.
TEST(ReportText, TheSummaryCannotFakeALine) {
  sim::ScenarioResult r = Named("a.yaml", "a", false);
  r.summary = "one\nPASS other.yaml  (0.00 s)\x1b[32m";
  const std::string text = sim::RenderText(r);
  EXPECT_EQ(text.rfind("FAIL a.yaml - one\\nPASS other.yaml  (0.00 s)\\x1b[32m  (", 0), 0u) << text;
  EXPECT_THAT(text, Not(HasSubstr("\nPASS")));
  r.name = "x\nPASS y";
  EXPECT_THAT(sim::RenderText(r), HasSubstr("FAIL a.yaml [x\\nPASS y] - one"));
  EXPECT_THAT(sim::RenderSummary({r}), HasSubstr("failed: a.yaml [x\\nPASS y]\n"));
}

// A file name may hold any byte but '/' and NUL: a line end or an ESC in it is escaped too.
TEST(ReportText, TheFileNameCannotFakeALine) {
  sim::ScenarioResult r = Named("dir/a\nPASS b.yaml\x1b[2J.yaml", "a", false);
  r.error = "cannot read\x1b[2J";
  const std::string text = sim::RenderText(r), summary = sim::RenderSummary({r});
  EXPECT_EQ(text.rfind("FAIL dir/a\\nPASS b.yaml\\x1b[2J.yaml [a] - ", 0), 0u) << text;
  EXPECT_THAT(text, HasSubstr("cannot read\\x1b[2J"));
  EXPECT_THAT(summary, HasSubstr("failed: dir/a\\nPASS b.yaml\\x1b[2J.yaml [a]\n"));
  for (const std::string& shown : {text, summary}) EXPECT_EQ(shown.find('\x1b'), std::string::npos) << shown;
}

// JUnit's time is xs:decimal: a tiny duration is written as a plain decimal, never 5.5425e-05.
TEST(ReportJUnit, TimesArePlainDecimals) {
  sim::ScenarioResult quick = Named("a.yaml", "a", true), slow = Named("b.yaml", "b", true);
  quick.seconds = 5.5425e-05;
  slow.seconds = 12.5;
  const std::string xml = sim::JUnitXml({quick, slow});
  EXPECT_THAT(xml, HasSubstr("name=\"a\" file=\"a.yaml\" time=\"0.000055\""));
  EXPECT_THAT(xml, HasSubstr("name=\"b\" file=\"b.yaml\" time=\"12.500000\""));
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"fixup-sim\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"0\" "
                             "time=\"12.500055\">"));
  EXPECT_THAT(xml, Not(HasSubstr("e-")));
}

// Readers disagree on where the totals are: GitLab and some Jenkins plugins read <testsuites>,
// others each <testsuite>. Both carry the same counts, and a failure holds each failed check and
// the command that runs the scenario again with the run's seed.
TEST(ReportJUnit, BothLevelsCountAndAFailureSaysHowToRunItAgain) {
  sim::ScenarioResult pass = Named("a.yaml", "a", true), fail = Named("dir/b c.yaml", "b", false);
  pass.seconds = 1;
  fail.seconds = 2;
  sim::StepResult step;
  step.checks.push_back({.kind = "exit_code",
                         .what = "exit code",
                         .passed = false,
                         .expected = "0",
                         .actual = "3",
                         .pos = {.file = "dir/b c.yaml", .line = 7, .column = 9}});
  fail.steps.push_back(step);
  const std::string xml = sim::JUnitXml({pass, fail}, 7);
  EXPECT_THAT(xml, HasSubstr("<testsuites name=\"fixup-sim\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" "
                             "time=\"3.000000\">\n<testsuite name=\"fixup-sim\" tests=\"2\" failures=\"1\""));
  EXPECT_THAT(xml, HasSubstr("dir/b c.yaml:7:9: exit code: expected 0, got 3\nrerun: fixup-sim run &apos;dir/b "
                             "c.yaml&apos; -v --seed 7\n</failure>"));
}

// -v shows each passing check with what held, not only what was asked: `exists: false` passing
// is not "account nobody exists".
TEST(ReportText, AVerbosePassingCheckSaysWhatHeld) {
  sim::ScenarioResult r = Named("a.yaml", "a", true);
  sim::StepResult step;
  step.step.kind = "check";
  step.checks.push_back({.kind = "account", .what = "account nobody exists", .passed = true, .expected = "false"});
  step.checks.push_back({.kind = "exit_code", .what = "exit code", .passed = true, .expected = "0"});
  r.steps.push_back(step);
  const std::string text = sim::RenderText(r, {.verbose = true});
  EXPECT_THAT(text, HasSubstr("ok   account nobody exists: false\n"));
  EXPECT_THAT(text, HasSubstr("ok   exit code: 0\n"));
}

// Every text a failing check shows is one line, escaped: where it is written (its file's name),
// what it checks, the step's summary.
TEST(ReportText, AFailedChecksPlaceAndWordsAreEscaped) {
  sim::ScenarioResult r = Named("a\x1b[2J.yaml", "a", false);
  sim::StepResult step;
  step.step.kind = "legacy";
  step.report.summary =
      "ran \xc2\x9b"
      "2J";
  step.checks.push_back({.kind = "account",
                         .what = "account \xef\xbf\xbe",
                         .passed = false,
                         .expected = "true",
                         .actual = "false",
                         .pos = {.file = "a\x1b[2J.yaml", .line = 3, .column = 5}});
  r.steps.push_back(step);
  const std::string text = sim::RenderText(r, {.verbose = true});
  EXPECT_THAT(text, HasSubstr("1. legacy: ran \\xc2\\x9b2J"));
  EXPECT_THAT(text, HasSubstr("FAIL a\\x1b[2J.yaml:3:5: account \\xef\\xbf\\xbe: expected true, got false"));
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
}

// A parser reads a raw line end or tab in an attribute as a space: a name in double quotes
// ("two\nlines") reaches the JUnit reader as it was, through character references.
TEST(ReportJUnit, AnAttributeKeepsItsLineEnds) {
  const std::string xml = sim::JUnitXml({Named("a.yaml", "two\nlines\tand a tab", true)});
  EXPECT_THAT(xml, HasSubstr("name=\"two&#10;lines&#9;and a tab\""));
}

}  // namespace
