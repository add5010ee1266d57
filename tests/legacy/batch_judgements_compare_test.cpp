// What compare, legacy and a `legacy` step judge of a batch file: a password the batch printed is
// exposed though the console shows it masked (the scan reads the console as cmd printed it), and
// a machine with no ASP.NET application is not affected, not a site that is down (audit 22 items
// 5 and 6).
#include <algorithm>
#include <filesystem>

#include <gmock/gmock.h>

#include "legacy_fixture.h"
#include "sim/legacy_compare.h"
#include "sim/legacy_run.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "support/temp_folder.h"

namespace legacy_test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A batch that gives net user two passwords and prints both as cmd would: bob's by `echo`, carl's
// in the echo of its own line (echo on).
const std::string kLeakingBatch =
    "@echo off\r\nset PW=Zebra#Pass77\r\nnet user bob %PW% /add\r\necho the pw is %PW%\r\necho on\r\n"
    "net user carl Other#Pass88 /add\r\n";
const std::string kAcme =
    "os: windows-xp-professional\nservice_pack: 1\nframeworks: [\"1.0\"]\nhotfixes: [MS03-032]\n"
    "accounts:\n  alice: {password: Wonder1and!, groups: [Administrators]}\n"
    "session: {caller: alice, interactive_user: alice}\napplications:\n  - path: /LM/W3SVC/1/ROOT/orders\n";

fakes::MachineState MachineOf(const std::string& text) {
  auto loaded = fakes::LoadMachineText(text, "m.yaml");
  if (!loaded.ok()) throw std::runtime_error(loaded.error->ToString());
  return *loaded.value;
}

const sim::OutcomeRow& RowNamed(const std::vector<sim::OutcomeRow>& rows, const std::string& name) {
  const auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& r) { return r.name == name; });
  if (it == rows.end()) throw std::runtime_error("no row " + name);
  return *it;
}

const sim::CompareRow& RowNamed(const sim::Comparison& c, const std::string& name) {
  const auto it = std::find_if(c.rows.begin(), c.rows.end(), [&](const auto& r) { return r.name == name; });
  if (it == c.rows.end()) throw std::runtime_error("no row " + name);
  return *it;
}

TEST(BatchSecrets, APasswordTheBatchPrintedIsExposedThoughTheConsoleShowsItMasked) {
  const test_support::TempFolder dir("batch_judgements");
  const std::string script = dir.Write("leak.cmd", kLeakingBatch).string();
  const fakes::MachineState state = MachineOf(kAcme);

  const sim::Comparison c = sim::CompareOnMachine(state, script, "1pass@word", fixer::Options{});
  const std::string text = sim::RenderComparisonText(c);
  EXPECT_THAT(c.legacy_console, HasSubstr("the pw is ********"));
  EXPECT_THAT(c.legacy_console, HasSubstr("net user carl ******** /add"));
  EXPECT_FALSE(RowNamed(c, "secrets").legacy_ok) << text;
  EXPECT_TRUE(RowNamed(c, "secrets").fixer_ok) << text;
  for (const char* password : {"Zebra#Pass77", "Other#Pass88"}) EXPECT_THAT(text, Not(HasSubstr(password)));

  // `fixup-sim legacy`'s rows.
  fakes::Machine machine(state);
  fakes::ClosedInput input;
  const sim::LegacyRun run = sim::RunLegacyScript(machine, script, input, {});
  const auto rows = sim::JudgeOutcome(state, machine.state(), run, sim::KnownPasswordsAfter(run, {}, {}));
  EXPECT_FALSE(RowNamed(rows, "secrets").ok) << RowNamed(rows, "secrets").value;
  EXPECT_THAT(RowNamed(rows, "secrets").value, Not(HasSubstr("Zebra#Pass77")));
}

// A scenario's invariant is of what the simulator shows, and the console masks the password
// (docs/windows-reference.md#choice-batch-masks-passwords): the same batch as a scenario's step
// passes it, its output masked, where compare's judgement of the script (above) fails it.
TEST(BatchSecrets, AScenariosLegacyStepShowsThePasswordMaskedAndPassesTheInvariant) {
  const test_support::TempFolder dir("batch_judgements_step");
  dir.Write("leak.cmd", kLeakingBatch);
  std::string machine;
  for (size_t at = 0; at < kAcme.size();) {
    const size_t end = kAcme.find('\n', at) + 1;
    machine += "  " + kAcme.substr(at, end - at);
    at = end;
  }
  auto loaded = sim::LoadScenarioText("summary: s\nmachine:\n" + machine + "steps:\n  - legacy: {script: leak.cmd}\n",
                                      (dir.path() / "leak.yaml").string());
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const sim::ScenarioResult r = sim::RunScenario(*loaded.value, {});
  ASSERT_EQ(r.steps.size(), 1u);
  for (const sim::CheckResult& check : r.steps[0].checks) EXPECT_TRUE(check.passed) << check.what;
  EXPECT_THAT(r.steps[0].report.output, Not(HasSubstr("Zebra#Pass77")));
  EXPECT_THAT(r.steps[0].report.output, HasSubstr("********"));
}

// fixup.cmd on a machine that serves no ASP.NET page: nothing is down, and its early exit (v1.1
// "you should not need to run this batch file") or its run tells the truth with errorlevel 0.
TEST(IdleMachine, AMachineWithNoAspNetApplicationIsNotAffected) {
  const std::string script = sim::DefaultLegacyScript(FIXUP_SOURCE_DIR);
  for (const std::string machine :
       {"os: windows-xp-professional\nservice_pack: 1\nframeworks: [\"1.0\", \"1.1\"]\nhotfixes: [MS03-032]\n",
        "os: windows-xp-professional\nservice_pack: 1\nframeworks: [\"1.0\"]\n"}) {
    const sim::Comparison c = sim::CompareOnMachine(MachineOf(machine), script, "1pass@word", fixer::Options{});
    const std::string text = sim::RenderComparisonText(c);
    EXPECT_EQ(RowNamed(c, "site").legacy, "not affected (no ASP.NET application)") << text;
    EXPECT_TRUE(RowNamed(c, "site").legacy_ok) << text;
    EXPECT_TRUE(RowNamed(c, "site").fixer_ok) << text;
    EXPECT_TRUE(RowNamed(c, "exit").legacy_ok) << text;
    EXPECT_TRUE(RowNamed(c, "exit").fixer_ok) << text;
  }
}

}  // namespace
}  // namespace legacy_test
