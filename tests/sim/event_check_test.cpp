// A failed `event` check says what the log holds: an entry of the id asked for whose text lacks the
// words is named with its text, not "none" (audit 12); and a step's change log shows a new entry's
// text whole, in the text report and in --json's change fields (it was cut at 60 bytes, "(entry)").
#include <gtest/gtest.h>

#include <string>

#include "sim/machine_diff.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "support/affected_machine.h"

namespace {

sim::ScenarioResult RunSteps(const std::string& steps) {
  auto loaded = sim::LoadScenarioText(test_support::ScenarioOnAffectedMachine("event check", steps), "s.yaml");
  EXPECT_TRUE(loaded.ok()) << (loaded.error ? loaded.error->ToString() : "");
  if (!loaded.ok()) return {};
  return sim::RunScenario(*loaded.value, {});
}

const sim::CheckResult* EventCheck(const sim::StepResult& step) {
  for (const sim::CheckResult& c : step.checks)
    if (c.kind == "event") return &c;
  return nullptr;
}

TEST(EventCheck, AnEntryOfTheIdWithoutTheWordsIsNamedWithItsText) {
  const sim::ScenarioResult r =
      RunSteps("  - request: /LM/W3SVC/1/ROOT/app\n    expect: {status: 503, event: {id: 1084, text_contains: zzz}}\n");
  ASSERT_EQ(r.steps.size(), 1u);
  const sim::CheckResult* c = EventCheck(r.steps[0]);
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->passed);
  EXPECT_NE(c->actual.rfind("none", 0), 0u) << c->actual;  // the entry's own text may say "none"
  EXPECT_NE(c->actual.find("no entry whose text contains 'zzz'"), std::string::npos) << c->actual;
  EXPECT_NE(c->actual.find("entry 1084 from ASP.NET 1.0.3705.0: aspnet_wp.exe could not be started"), std::string::npos)
      << c->actual;
}

TEST(EventCheck, NoEntryOfTheIdIsStillNone) {
  const sim::ScenarioResult r = RunSteps("  - request: /LM/W3SVC/1/ROOT/app\n    expect: {event: {id: 4242}}\n");
  ASSERT_EQ(r.steps.size(), 1u);
  const sim::CheckResult* c = EventCheck(r.steps[0]);
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->passed);
  EXPECT_EQ(c->actual.rfind("none (", 0), 0u) << c->actual;
}

TEST(EventCheck, TheChangeLogShowsANewEntrysTextWhole) {
  const sim::ScenarioResult r = RunSteps("  - request: /LM/W3SVC/1/ROOT/app\n");
  ASSERT_EQ(r.steps.size(), 1u);
  const sim::Change* added = nullptr;
  for (const sim::Change& c : r.steps[0].changes)
    if (c.path.starts_with("events[")) added = &c;
  ASSERT_NE(added, nullptr);
  std::string text;
  for (const sim::ChangeField& f : added->fields)
    if (f.name == "text") text = f.value;
  ASSERT_GT(text.size(), 60u);  // longer than a value the log cuts
  const std::string shown = sim::FormatChange(*added);
  EXPECT_EQ(shown.find("bytes shown"), std::string::npos) << shown;
  EXPECT_NE(shown.find(text.substr(text.size() - 20)), std::string::npos) << shown;
}

}  // namespace
