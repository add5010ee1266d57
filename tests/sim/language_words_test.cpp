// The words of scenarios/language/: any_of, not, output_matches, crash_after, set_start_type,
// logon_result and errorlevel. Each is checked both ways (passes when it holds, fails when it
// does not), rejected at FILE:LINE:COL when misused, and each scenario of scenarios/language/
// passes as written and fails when the behaviour it shows is taken away.
#include <filesystem>
#include <functional>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fakes/hotfix_catalog.h"
#include "sim/fixer_session.h"
#include "sim/machine_diff.h"
#include "sim/report.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "sim/steps.h"
#include "sim/text_match.h"
#include "support/source_tree.h"
#include "support/valid_scenario_head.h"

namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

using test_support::ScenariosFolder;

using test_support::kValidScenarioHead;

sim::ScenarioResult RunSteps(const std::string& steps, const std::string& file = "s.yaml") {
  auto loaded = sim::LoadScenarioText(kValidScenarioHead + steps, file);
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  if (!loaded.ok()) return {};
  return sim::RunScenario(*loaded.value, {});
}

// The checks of the last step's expectations, in order (not the runner's invariants).
std::vector<sim::CheckResult> Checks(const std::string& steps) {
  auto r = RunSteps(steps);
  if (r.steps.empty()) return {};
  EXPECT_TRUE(r.error.empty()) << r.error;
  std::vector<sim::CheckResult> out;
  for (const sim::CheckResult& c : r.steps.back().checks)
    if (c.kind != "invariant") out.push_back(c);
  return out;
}

bool Passes(const std::string& steps) {
  const auto checks = Checks(steps);
  EXPECT_FALSE(checks.empty());
  for (const auto& c : checks)
    if (!c.passed) return false;
  return true;
}

fakes::LoadError LoadError(const std::string& steps) {
  auto loaded = sim::LoadScenarioText(kValidScenarioHead + steps, "s.yaml");
  EXPECT_FALSE(loaded.ok()) << steps;
  return loaded.error.value_or(fakes::LoadError{});
}

// ---- not / any_of --------------------------------------------------------------------------

TEST(NotWord, NegatesAnyCheck) {
  EXPECT_TRUE(Passes("  - request: /LM/W3SVC/1/ROOT/shop\n    expect: {not: {status: 503}}\n"));
  EXPECT_FALSE(Passes("  - request: /LM/W3SVC/1/ROOT/shop\n    expect: {not: {status: 200}}\n"));
  // A block of several checks: `not` passes when one of them fails.
  EXPECT_TRUE(
      Passes("  - request: /LM/W3SVC/1/ROOT/shop\n"
             "    expect: {not: {status: 200, page_contains: no such text}}\n"));
  // A list: several `not`s, each must pass.
  EXPECT_FALSE(
      Passes("  - request: /LM/W3SVC/1/ROOT/shop\n"
             "    expect: {not: [{status: 500}, {status: 200}]}\n"));
}

TEST(NotWord, NeverTurnsACheckThatCannotBeEvaluatedIntoAPass) {
  const auto checks = Checks("  - expect: {not: {status: 200}}\n");  // no request yet
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_FALSE(checks[0].passed);
  EXPECT_FALSE(checks[0].evaluated);
  EXPECT_THAT(checks[0].actual, HasSubstr("no request has been made yet"));
}

TEST(AnyOfWord, PassesWhenOneBlockPasses) {
  EXPECT_TRUE(
      Passes("  - request: /LM/W3SVC/1/ROOT/shop\n"
             "    expect: {any_of: [{status: 503}, {status: 200}]}\n"));
  const auto checks = Checks(
      "  - request: /LM/W3SVC/1/ROOT/shop\n"
      "    expect: {any_of: [{status: 503}, {status: 500}]}\n");
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_FALSE(checks[0].passed);
  EXPECT_THAT(checks[0].actual, HasSubstr("block 1: status of /LM/W3SVC/1/ROOT/shop: expected 503, got 200"));
  EXPECT_THAT(checks[0].actual, HasSubstr("block 2:"));
}

// A block holding a check that cannot be evaluated (an `outcome` before any fixer run) does not
// pass, whatever its place: the any_of passes by another block, in either order, and fails as
// one that cannot be evaluated when no block passes.
TEST(AnyOfWord, ABlockThatCannotBeEvaluatedFailsInEitherOrder) {
  const std::string request = "  - request: /LM/W3SVC/1/ROOT/shop\n";
  EXPECT_TRUE(Passes(request + "    expect: {any_of: [{status: 200}, {outcome: fixed}]}\n"));  // it answers 200
  EXPECT_TRUE(Passes(request + "    expect: {any_of: [{outcome: fixed}, {status: 200}]}\n"));
  for (const std::string blocks : {"[{outcome: fixed}, {status: 503}]", "[{status: 503}, {outcome: fixed}]"}) {
    const auto checks = Checks(request + "    expect: {any_of: " + blocks + "}\n");
    ASSERT_EQ(checks.size(), 1u) << blocks;
    EXPECT_FALSE(checks[0].passed) << blocks;
    EXPECT_FALSE(checks[0].evaluated) << blocks;
    EXPECT_THAT(checks[0].actual, HasSubstr("the fixer has not run yet")) << blocks;
  }
}

TEST(AnyOfWord, EveryCheckOfABlockMustPass) {
  EXPECT_FALSE(
      Passes("  - request: /LM/W3SVC/1/ROOT/shop\n"
             "    expect: {any_of: [{status: 200, page_contains: no such text}]}\n"));
}

TEST(AnyOfWord, NestsWithNot) {
  EXPECT_TRUE(
      Passes("  - request: /LM/W3SVC/1/ROOT/shop\n"
             "    expect: {not: {any_of: [{status: 503}, {status: 500}]}}\n"));
}

// ---- output_matches -------------------------------------------------------------------------

TEST(OutputMatchesWord, ARegularExpressionOnALine) {
  const std::string cmd = "  - command: net start W3SVC\n    expect:\n";
  EXPECT_TRUE(Passes(cmd + "      output_matches: '^The requested service has already been started\\.$'\n"));
  EXPECT_FALSE(Passes(cmd + "      output_matches: '^the requested service'\n"));  // case matters
  EXPECT_TRUE(Passes(cmd + "      output_matches: {pattern: '^the requested service', ignore_case: true}\n"));
  EXPECT_FALSE(Passes(cmd + "      output_matches: 'started\\.$ More'\n"));  // one line at a time
}

TEST(OutputMatchesWord, ABadPatternIsALoadError) {
  auto e = LoadError("  - command: net start W3SVC\n    expect: {output_matches: 'a(b'}\n");
  EXPECT_EQ(e.line, 8);
  EXPECT_EQ(e.column, 30);
  EXPECT_THAT(e.message, HasSubstr("expect 'output_matches' key 'pattern': not a regular expression"));
  auto flag =
      LoadError("  - command: net start W3SVC\n    expect: {output_matches: {pattern: x, ignore_case: maybe}}\n");
  EXPECT_THAT(flag.message, HasSubstr("key 'ignore_case': expected true or false (yes / no), got 'maybe'"));
  auto longer = LoadError("  - command: x\n    expect: {output_matches: '" + std::string(600, 'a') + "'}\n");
  EXPECT_THAT(longer.message, HasSubstr("longer than 500 characters"));
}

// RE2 matches in linear time without recursion: a 40,000-character line crashed std::regex (its
// recursion overflowed the stack) and a nested repeat on a 30-character line took half a minute.
TEST(OutputMatchesWord, HostilePatternsAndLongLinesEndAtOnce) {
  const std::string line(40000, 'a');
  EXPECT_TRUE(sim::SomeLineMatches("x\n" + line + "b\n", "^(a|b)*$", false));
  EXPECT_FALSE(sim::SomeLineMatches(std::string(30, 'a') + "!", "^(a+)+$", false));
  EXPECT_FALSE(sim::RegexProblem("(ab{2,100}){10}").has_value());
  EXPECT_THAT(sim::RegexProblem("a{1001}").value_or(""), HasSubstr("invalid repetition size"));
  EXPECT_THAT(sim::RegexProblem("(a)\\1").value_or(""), HasSubstr("invalid escape sequence"));  // no backreferences
}

// ---- command: the passwords its console was given -------------------------------------------

// Each `command` step added every password its console was given to the ones the secret scan
// looks for, again each time: a scenario that set the same password in ten steps kept ten copies,
// each looked for in all the output after it. Each is kept once now.
TEST(CommandWord, KeepsEachPasswordItsConsoleWasGivenOnce) {
  auto loaded = sim::LoadScenarioText(kValidScenarioHead +
                                          "  - command: net user ASPNET Same#Pass2003\n"
                                          "  - command: net user ASPNET Same#Pass2003\n"
                                          "  - command: net user ASPNET Other#Pass2003\n",
                                      "s.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  sim::RunContext ctx(loaded.value->machine);
  for (const sim::Step& step : loaded.value->steps) ASSERT_TRUE(sim::ExecuteStep(ctx, step).ran);
  EXPECT_EQ(ctx.batch_passwords, (std::set<std::string>{"Other#Pass2003", "Same#Pass2003"}));
}

// ---- crash_after ----------------------------------------------------------------------------

TEST(CrashAfterWord, KeepsTheChangeACrashBeforeItLoses) {
  const std::string base = "  - install_hotfix: MS03-032\n";
  auto before = RunSteps(base + "  - fixer: {command: apply, crash_at: 1}\n    expect: {machine_unchanged: }\n");
  EXPECT_TRUE(before.passed);
  auto after = RunSteps(base + "  - fixer: {command: apply, crash_after: 1}\n    expect: {machine_unchanged: }\n");
  EXPECT_FALSE(after.passed);
  ASSERT_EQ(after.steps.size(), 2u);
  EXPECT_THAT(after.steps[1].report.output, HasSubstr("power loss right after mutating call 1"));
}

TEST(CrashAfterWord, OnTheRunsLastChangeStillEndsTheRunInterrupted) {
  auto loaded = sim::LoadScenarioText(kValidScenarioHead + "  - request: /LM/W3SVC/1/ROOT/shop\n", "s.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  fakes::Machine clean(loaded.value->machine);
  ASSERT_TRUE(fakes::InstallHotfix(clean, "MS03-032").ok());
  fakes::Machine cut(clean.state());
  const sim::FixerRun whole = sim::RunFixer(clean, "apply", {}, {});
  ASSERT_EQ(whole.outcome, "fixed");
  fakes::FaultPlan plan;
  plan.Add({.nth = whole.mutations, .kind = fakes::FaultKind::kCrashAfter});
  const sim::FixerRun run = sim::RunFixer(cut, "apply", {}, plan);
  EXPECT_TRUE(run.crashed);
  EXPECT_EQ(run.exit_code, fixer::ExitCode::kNotRestored);
  EXPECT_EQ(run.outcome, "interrupted");
  EXPECT_FALSE(run.result.has_value());
  EXPECT_EQ(run.mutations, whole.mutations);
  EXPECT_TRUE(sim::DiffMachines(clean.state(), cut.state()).empty()) << "every change was made before the power went";
}

TEST(CrashAfterWord, CannotBeGivenWithCrashAt) {
  auto e = LoadError("  - fixer: {command: apply, crash_at: 1, crash_after: 2}\n");
  EXPECT_EQ(e.line, 7);
  EXPECT_EQ(e.column, 55);
  EXPECT_EQ(e.message, "step 'fixer': give 'crash_at' or 'crash_after', not both");
}

// ---- set_start_type -------------------------------------------------------------------------

TEST(SetStartTypeWord, ADisabledServiceRefusesToStart) {
  auto r = RunSteps(
      "  - set_start_type: {name: aspnet_state, start_type: disabled}\n"
      "  - start_service: aspnet_state\n"
      "    expect: {service: {name: aspnet_state, state: stopped, start_type: disabled}}\n");
  EXPECT_TRUE(r.passed);
  ASSERT_EQ(r.steps.size(), 2u);
  EXPECT_THAT(r.steps[1].report.summary, HasSubstr("1058"));
}

TEST(SetStartTypeWord, ValuesAreTheStartTypesOfTheFixersPorts) {
  auto e = LoadError("  - set_start_type: {name: W3SVC, start_type: automatic}\n");
  EXPECT_EQ(e.column, 47);
  EXPECT_EQ(e.message,
            "step 'set_start_type' key 'start_type': unknown value 'automatic' (expected one of: boot, system, auto, "
            "manual, disabled)");
  auto missing = LoadError("  - set_start_type: {name: W3SVC}\n");
  EXPECT_EQ(missing.message, "step 'set_start_type': missing 'start_type'");
  auto unknown = RunSteps("  - set_start_type: {name: NoSuchService, start_type: manual}\n");
  EXPECT_THAT(unknown.steps[0].report.summary, HasSubstr("1060"));
}

// ---- logon_result ---------------------------------------------------------------------------

TEST(LogonResultWord, TheAnswerOfTheLastLogon) {
  const std::string create = "  - create_account: {name: carol, password: 'Tulip#2003pass'}\n";
  EXPECT_TRUE(Passes(create + "  - logon: {user: carol, password: 'Tulip#2003pass'}\n    expect: {logon_result: 0}\n"));
  EXPECT_TRUE(Passes(create + "  - logon: {user: carol, password: x}\n    expect: {logon_result: 1326}\n"));
  const auto wrong = Checks(create + "  - logon: {user: carol, password: x}\n    expect: {logon_result: 0}\n");
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_FALSE(wrong[0].passed);
  EXPECT_THAT(wrong[0].actual, HasSubstr("1326"));
  EXPECT_THAT(wrong[0].actual, HasSubstr("bad password"));
}

TEST(LogonResultWord, BeforeAnyLogonItCannotBeEvaluated) {
  const auto checks = Checks("  - expect: {logon_result: 0}\n");
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_FALSE(checks[0].evaluated);
  auto e = LoadError("  - expect: {logon_result: denied}\n");
  EXPECT_THAT(e.message, HasSubstr("key 'error': expected a whole number, got 'denied'"));
}

// ---- errorlevel -----------------------------------------------------------------------------

TEST(ErrorlevelWord, EachProgramOfTheBatch) {
  const std::string legacy = "  - install_hotfix: MS03-032\n  - legacy: {answer: 1pass@word}\n    expect:\n";
  EXPECT_TRUE(Passes(legacy + "      errorlevel: {program: net stop, code: 2}\n"));
  EXPECT_TRUE(Passes(legacy + "      errorlevel: {program: NET USER, nth: 2, code: 0}\n"));
  EXPECT_FALSE(Passes(legacy + "      errorlevel: {program: net stop, code: 0}\n"));
  const auto absent = Checks(legacy + "      errorlevel: {program: net helpmsg, code: 0}\n");
  ASSERT_EQ(absent.size(), 1u);
  EXPECT_FALSE(absent[0].passed);
  EXPECT_THAT(absent[0].actual, HasSubstr("it did not run (ran: iisreset@"));
  EXPECT_FALSE(Passes(legacy + "      errorlevel: {program: net user, nth: 3, code: 0}\n"));
  // A program the simulator never runs, or a misspelt subcommand, could never match: a load error.
  EXPECT_THAT(LoadError("  - expect: {errorlevel: {program: cacls, code: 0}}\n").message,
              HasSubstr("no modelled program is named 'cacls'"));
  EXPECT_THAT(LoadError("  - expect: {errorlevel: {program: net usr, code: 0}}\n").message,
              HasSubstr("no modelled program is named 'net usr'"));
}

TEST(ErrorlevelWord, NamesAProgramOrALine) {
  auto e = LoadError("  - legacy: {answer: x}\n    expect: {errorlevel: {code: 0}}\n");
  EXPECT_EQ(e.line, 8);
  EXPECT_EQ(e.message, "expect 'errorlevel': needs one of: program, line");
  auto code = LoadError("  - legacy: {answer: x}\n    expect: {errorlevel: {line: 3}}\n");
  EXPECT_EQ(code.message, "expect 'errorlevel': missing 'code'");
}

// ---- checks that check nothing ---------------------------------------------------------------

// An expectation that checks nothing is a test that asserts nothing: an empty block (which would
// always pass, or under `not` always fail), an empty list of a check, and `right` with neither
// `has` nor `lacks` are load errors at their place.
TEST(EmptyChecks, AreLoadErrors) {
  struct Case {
    const char* steps;
    int line;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"  - fixer: apply\n    expect: {}\n", 8, "expect: no checks in this block (e.g. status: 200)"},
      {"  - expect: {any_of: [{status: 200}, {}]}\n", 7, "expect: no checks in this block (e.g. status: 200)"},
      {"  - expect: {not: {}}\n", 7, "expect: no checks in this block (e.g. status: 200)"},
      {"  - expect: {not: []}\n", 7, "expect 'not': an empty list checks nothing"},
      {"  - fixer: apply\n    expect: {ace: []}\n", 8, "expect 'ace': an empty list checks nothing"},
      {"  - fixer: apply\n    expect: {right: {principal: ASPNET}}\n", 8, "expect 'right': needs one of: has, lacks"},
  };
  for (const Case& c : cases) {
    auto e = LoadError(c.steps);
    EXPECT_EQ(e.line, c.line) << c.steps;
    EXPECT_EQ(e.message, c.message) << c.steps;
  }
  EXPECT_TRUE(Passes("  - expect: {right: {principal: ASPNET, lacks: SeDebugPrivilege}}\n"));
}

// ---- scenarios/language: pass as written, fail with the behaviour taken away -----------------

struct TakenAway {
  const char* file;
  const char* what;
  std::function<void(sim::Scenario&)> take_away;
};

class LanguageScenario : public ::testing::TestWithParam<TakenAway> {};

TEST_P(LanguageScenario, PassesAndFailsWithTheBehaviourTakenAway) {
  auto loaded = sim::LoadScenarioFile((ScenariosFolder() / "language" / GetParam().file).string());
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  const sim::ScenarioResult real = sim::RunScenario(*loaded.value, {});
  EXPECT_TRUE(real.passed) << sim::RenderText(real);
  sim::Scenario broken = *loaded.value;
  GetParam().take_away(broken);
  EXPECT_FALSE(sim::RunScenario(broken, {}).passed) << "still passes with " << GetParam().what;
}

sim::Step* FindStep(sim::Scenario& s, const std::string& kind) {
  for (auto& step : s.steps)
    if (step.kind == kind) return &step;
  ADD_FAILURE() << "no step " << kind;
  return &s.steps.front();
}

INSTANTIATE_TEST_SUITE_P(
    Words, LanguageScenario,
    ::testing::Values(TakenAway{"fixup-cmd-errorlevels.yaml", "the state service running, so net stop succeeds",
                                [](sim::Scenario& s) {
                                  sim::Step start{"start_service", {{"name", "aspnet_state"}}, {}, s.steps[0].pos};
                                  s.steps.insert(s.steps.begin(), start);
                                }},
                      TakenAway{"fixup-cmd-runas-fails-quietly.yaml", "the password typed at runas's prompt",
                                [](sim::Scenario& s) {
                                  auto* legacy = FindStep(s, "legacy");
                                  legacy->args.erase("no_answer");
                                  legacy->args["answer"] = "1pass@word";
                                }},
                      TakenAway{"crash-after-versus-before.yaml", "crash_after taken as crash_at",
                                [](sim::Scenario& s) {
                                  for (auto& step : s.steps) {
                                    if (!step.args.count("crash_after")) continue;
                                    step.args["crash_at"] = step.args["crash_after"];
                                    step.args.erase("crash_after");
                                  }
                                }},
                      TakenAway{"start-type-and-logon-results.yaml", "the start type left as it was",
                                [](sim::Scenario& s) { FindStep(s, "set_start_type")->args["start_type"] = "manual"; }},
                      TakenAway{"start-type-and-logon-results.yaml", "the account left enabled",
                                [](sim::Scenario& s) { FindStep(s, "disable_account")->kind = "enable_account"; }}),
    [](const auto& info) {
      std::string name = fs::path(info.param.file).stem().string() + "_" + std::to_string(info.index);
      for (char& c : name)
        if (c == '-') c = '_';
      return name;
    });

// ---- a scenario that does not load is a failed test in every report -------------------------

TEST(NotLoaded, IsAFailedTestInJUnitAndJson) {
  auto loaded = sim::LoadScenarioText(kValidScenarioHead + "  - reboot: now\n", "bad.yaml");
  ASSERT_FALSE(loaded.ok());
  const sim::ScenarioResult r = sim::NotLoaded("scenarios/bad.yaml", *loaded.error);
  EXPECT_FALSE(r.passed);
  const std::string xml = sim::JUnitXml({r});
  EXPECT_THAT(xml, HasSubstr("tests=\"1\" failures=\"1\""));
  EXPECT_THAT(xml, HasSubstr("<testcase classname=\"scenarios\" name=\"bad\" file=\"scenarios/bad.yaml\""));
  EXPECT_THAT(xml,
              HasSubstr("<failure type=\"load-error\" message=\"bad.yaml:7:5: steps: unknown step &apos;reboot&apos;"));
  const nlohmann::json j = sim::ToJson(std::vector<sim::ScenarioResult>{r});
  EXPECT_EQ(j["failed"], 1);
  EXPECT_EQ(j["scenarios"][0]["passed"], false);
  EXPECT_EQ(j["scenarios"][0]["load_error"]["line"], 7);
  EXPECT_EQ(j["scenarios"][0]["load_error"]["column"], 5);
  EXPECT_THAT(j["scenarios"][0]["error"].get<std::string>(), HasSubstr("bad.yaml:7:5: steps: unknown step"));
}

}  // namespace
