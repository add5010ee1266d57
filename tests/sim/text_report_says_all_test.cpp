// The text report says what a failing check got and what a step changed without hiding part of
// it: a page that failed `page_contains` shown escaped on its FAIL line and cut with the marker,
// whole in the result, and every change of a step with -v (audit 22 items 1 and 7).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "sim/report.h"
#include "sim/runner.h"
#include "sim/scenario.h"

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kAcmeMachine =
    "machine:\n  os: windows-xp-professional\n  service_pack: 1\n  frameworks: [\"1.0\"]\n"
    "  hotfixes: [MS03-032]\n  accounts:\n    alice: {password: Wonder1and!, groups: [Administrators]}\n"
    "  session: {caller: alice, interactive_user: alice}\n  applications:\n    - path: /LM/W3SVC/1/ROOT/orders\n";

sim::ScenarioResult RunSteps(const std::string& steps) {
  auto loaded = sim::LoadScenarioText(std::string("summary: s\n") + kAcmeMachine + "steps:\n" + steps, "t.yaml");
  if (!loaded.ok()) throw std::runtime_error(loaded.error->ToString());
  return sim::RunScenario(*loaded.value, {});
}

TEST(TextReport, APageThatFailedPageContainsIsShownEscapedAndCutWithTheMarker) {
  const sim::ScenarioResult r =
      RunSteps("  - request: /LM/W3SVC/1/ROOT/orders\n    expect: {page_contains: \"<i>&amp;\"}\n");
  ASSERT_EQ(r.steps.size(), 1u);
  ASSERT_EQ(r.steps[0].checks.size(), 1u);
  const sim::CheckResult& page = r.steps[0].checks[0];
  ASSERT_FALSE(page.passed);
  // The result holds the whole page (the JSON and HTML reports show it so).
  ASSERT_GT(page.actual.size(), 200u) << page.actual;
  EXPECT_THAT(page.actual, HasSubstr("Unavailable\n\n"));
  const std::string text = sim::RenderText(r);
  const size_t said = text.find("expected a page containing");
  ASSERT_NE(said, std::string::npos) << text;
  const size_t fail = text.rfind("FAIL ", said);
  const std::string line = text.substr(fail, text.find('\n', fail) - fail);
  EXPECT_THAT(line, HasSubstr("got Server Application Unavailable\\n\\nThe web")) << line;
  EXPECT_THAT(line, HasSubstr(" bytes shown)")) << line;
  EXPECT_THAT(text.substr(text.find('\n', fail)), Not(HasSubstr("currently unavail"))) << text;
}

TEST(TextReport, VerboseShowsEveryChangeOfAStepAndTheShortFormSaysWhereTheRestAre) {
  const sim::ScenarioResult r =
      RunSteps("  - fixer: {command: apply, strategy: recreate, crash_op: scm.start}\n    expect: {exit_code: 0}\n");
  ASSERT_FALSE(r.passed);
  ASSERT_EQ(r.steps.size(), 1u);
  const size_t changes = r.steps[0].changes.size();
  ASSERT_GT(changes, 40u);
  const std::string last = r.steps[0].changes.back().path;

  const std::string all = sim::RenderText(r, {.verbose = true});
  EXPECT_THAT(all, HasSubstr(last)) << all;
  EXPECT_THAT(all, Not(HasSubstr("more change"))) << all;

  const std::string short_form = sim::RenderText(r);
  EXPECT_THAT(short_form, HasSubstr("... and " + std::to_string(changes - 40) + " more change"));
  EXPECT_THAT(short_form, HasSubstr("(-v shows every one)"));
}

}  // namespace
