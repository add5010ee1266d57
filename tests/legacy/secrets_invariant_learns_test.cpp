// The `secrets` invariant learns every password a batch of the scenario gave net user (on its
// line or in a variable), whichever account holds it at the end: one printed where the console
// does not mask it (a variable's value echoed before its `set`, a program's message: runas's
// prompt names the user it was given), in that step or a later one, fails it; the same scenario
// without the print passes. (An `echo` of a password written on a net user line, before that line
// or in a later step's console, is masked: batch_passwords_test.cpp.)
#include <algorithm>

#include "legacy_fixture.h"
#include "sim/runner.h"
#include "support/temp_folder.h"

namespace legacy_test {
namespace {

const std::string kScenarioHead = "summary: s\nmachine:\n  os: windows-xp-professional\n  frameworks: [1.0]\nsteps:\n";

// Whether the scenario in `dir` with these steps held the `secrets` invariant at each step (true
// for a step that does not check it).
std::vector<bool> SecretsHeldAt(const test_support::TempFolder& dir, const std::string& steps) {
  auto loaded = sim::LoadScenarioText(kScenarioHead + steps, (dir / "s.yaml").string());
  if (!loaded.ok()) throw std::runtime_error(loaded.error->ToString());
  const sim::ScenarioResult r = sim::RunScenario(*loaded.value, {});
  if (!r.error.empty()) throw std::runtime_error(r.error);
  std::vector<bool> held;
  for (const sim::StepResult& step : r.steps)
    held.push_back(std::none_of(step.checks.begin(), step.checks.end(), [](const sim::CheckResult& c) {
      return c.what == "no password in output, journal or events" && !c.passed;
    }));
  return held;
}

bool SecretsHeld(const test_support::TempFolder& dir, const std::string& steps) {
  const std::vector<bool> held = SecretsHeldAt(dir, steps);
  return std::all_of(held.begin(), held.end(), [](bool b) { return b; });
}

// Printed before its variable was set (nothing to mask it by yet) and given for an account that
// does not exist: no account ever holds it, so only what the batch gave net user names it.
TEST(SecretsInvariantLearns, APasswordPrintedBeforeItsVariableWasSet) {
  const test_support::TempFolder dir("secrets_invariant_learns");
  dir.Write("early.cmd", "@echo off\r\necho Early#Pass2003\r\nset PW=Early#Pass2003\r\nnet user nobody %PW%\r\n");
  dir.Write("quiet.cmd", "@echo off\r\necho Early#Pass\r\nset PW=Early#Pass2003\r\nnet user nobody %PW%\r\n");
  EXPECT_FALSE(SecretsHeld(dir, "  - legacy: {script: early.cmd}\n"));
  EXPECT_TRUE(SecretsHeld(dir, "  - legacy: {script: quiet.cmd}\n"));
}

// Set through a variable and replaced before the step ends: a program of a later step's console
// names it in its message (runas's prompt, which no console masks).
TEST(SecretsInvariantLearns, APasswordALaterStepsProgramPrints) {
  const test_support::TempFolder dir("secrets_invariant_learns");
  dir.Write("set.cmd",
            "@echo off\r\nset PW=Gone#Pass2003\r\nnet user ASPNET %PW%\r\nnet user ASPNET Kept#Pass2004\r\n");
  dir.Write("later.cmd", "@runas /user:Gone#Pass2003 cmd.exe\r\n");
  dir.Write("other.cmd", "@runas /user:Gone#Pass2004 cmd.exe\r\n");
  EXPECT_FALSE(SecretsHeld(dir, "  - legacy: {script: set.cmd}\n  - legacy: {script: later.cmd}\n"));
  EXPECT_FALSE(SecretsHeld(dir,
                           "  - command: {line: net user ASPNET Gone#Pass2003}\n"
                           "  - command: {line: net user ASPNET Kept#Pass2004}\n"
                           "  - legacy: {script: later.cmd}\n"));
  EXPECT_TRUE(SecretsHeld(dir, "  - legacy: {script: set.cmd}\n  - legacy: {script: other.cmd}\n"));
}

// A fixer run after the batch looks for them too, in all the scenario's output so far.
TEST(SecretsInvariantLearns, AFixerRunAfterTheBatchLooksForThemToo) {
  const test_support::TempFolder dir("secrets_invariant_learns");
  dir.Write("early.cmd", "@echo off\r\necho Early#Pass2003\r\nset PW=Early#Pass2003\r\nnet user nobody %PW%\r\n");
  EXPECT_EQ(SecretsHeldAt(dir, "  - legacy: {script: early.cmd}\n  - fixer: diagnose\n"),
            (std::vector<bool>{false, false}));
}

}  // namespace
}  // namespace legacy_test
