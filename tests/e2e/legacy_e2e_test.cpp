// `fixup-sim legacy` and `fixup-sim compare` as real processes: runas's prompt
// answered on standard input (right password, wrong password, closed input).
#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "fixer/exit_code.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;

namespace fs = std::filesystem;

// Runs fixup-sim with `args`; `stdin_text` is written to its standard input, which is then
// closed (nullopt: standard input is closed from the start).
Ran FixupSim(const std::vector<std::string>& args, const std::optional<std::string>& stdin_text) {
  if (!stdin_text) return test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .cwd = FIXUP_SOURCE_DIR});
  const test_support::TempFolder dir("legacy_e2e");
  const fs::path in = dir.Write("in.txt", *stdin_text);
  return test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .stdin_file = in, .cwd = FIXUP_SOURCE_DIR});
}

const std::string kScenario = "scenarios/legacy/fixes-default-policy.yaml";

TEST(LegacyE2e, RightPasswordOnStdinFixesTheSite) {
  Ran r = FixupSim({"legacy", kScenario}, std::string("1pass@word\n"));
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.err;
  EXPECT_NE(r.out.find("Enter the password for ASPNET: "), std::string::npos);
  EXPECT_NE(r.out.find("Attempting to start cmd.exe as user \"XPPRO\\ASPNET\" ..."), std::string::npos);
  EXPECT_EQ(r.out.find("RUNAS ERROR"), std::string::npos);
  EXPECT_NE(r.out.find("/LM/W3SVC/1/ROOT/shop: 503 -> 200"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Changes on the machine:"), std::string::npos);
  // What the run left: compare's rows for this run, its exit among them (docs/legacy-replay.md).
  EXPECT_NE(r.out.find("  exit:         ok   errorlevel 0 at the end; failed along the way: line 11 net stop (2)\n"),
            std::string::npos)
      << r.out;
}

// A CR LF line end (a Windows console, a file saved on Windows) ends the line: the CR is no
// character of the password, which would then be wrong (1326), as aspnet-fixer --temp-password -
// reads its line (app::ReadTypedLine, the one home of the rule).
TEST(LegacyE2e, ACrBeforeTheLineFeedIsNoPartOfThePassword) {
  Ran r = FixupSim({"legacy", kScenario}, std::string("1pass@word\r\n"));
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.err;
  EXPECT_EQ(r.out.find("RUNAS ERROR"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("/LM/W3SVC/1/ROOT/shop: 503 -> 200"), std::string::npos) << r.out;
}

TEST(LegacyE2e, WrongPasswordLeavesTheSiteBrokenAndIsNotEchoed) {
  Ran r = FixupSim({"legacy", kScenario}, std::string("not-the-password\n"));
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.err;
  EXPECT_NE(r.out.find("RUNAS ERROR: Unable to run - cmd.exe\n1326: Logon failure: unknown user name or bad password."),
            std::string::npos);
  EXPECT_EQ(r.out.find("not-the-password"), std::string::npos);
  EXPECT_NE(r.out.find("/LM/W3SVC/1/ROOT/shop: 503 -> 503"), std::string::npos) << r.out;
  // errorlevel 0 with the site still down: the exit row says BAD, as compare's does.
  EXPECT_NE(r.out.find("  exit:         BAD  errorlevel 0 at the end; failed along the way: line 11 net stop (2), "
                       "line 20 runas (1)\n"),
            std::string::npos)
      << r.out;
}

TEST(LegacyE2e, ClosedInputFailsAtRunas) {
  Ran r = FixupSim({"legacy", kScenario}, std::nullopt);
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.err;
  EXPECT_NE(r.out.find("1326: Logon failure"), std::string::npos);
  EXPECT_NE(r.out.find("/LM/W3SVC/1/ROOT/shop: 503 -> 503"), std::string::npos) << r.out;
}

TEST(LegacyE2e, AnswerOptionNeedsNoStdin) {
  Ran r = FixupSim({"legacy", kScenario, "--answer", "1pass@word"}, std::nullopt);
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.err;
  EXPECT_NE(r.out.find("503 -> 200"), std::string::npos);
}

TEST(LegacyE2e, MissingScenarioIsAnInputError) {
  Ran r = FixupSim({"legacy", "scenarios/legacy/no-such-file.yaml"}, std::nullopt);
  EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage));
}

// A scenario or batch file that cannot be read (missing, or a folder, which a stream reads as an
// empty file) is exit 2 with the reason, for `legacy` and `compare` alike: never a run of an empty
// script, nor a comparison table whose fixup.cmd column never ran.
TEST(LegacyE2e, AFileThatCannotBeReadIsAnInputErrorWithWhy) {
  struct Case {
    std::vector<std::string> args;
    const char* says;
  };
  const std::vector<Case> cases = {
      {{"legacy", "scenarios/legacy"}, "scenarios/legacy: cannot open the file: Is a directory"},
      {{"compare", "scenarios/legacy"}, "scenarios/legacy: cannot open the file: Is a directory"},
      {{"legacy", kScenario, "--answer", "x", "--script", "scenarios"},
       "scenarios: cannot open the file: Is a directory"},
      {{"compare", kScenario, "--script", "scenarios"}, "scenarios: cannot open the file: Is a directory"},
      {{"compare", kScenario, "--script", "no-such.cmd"},
       "no-such.cmd: cannot open the file: No such file or directory"},
  };
  for (const Case& c : cases) {
    Ran r = FixupSim(c.args, std::nullopt);
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << c.args[0] << " " << c.args.back() << ":\n"
                                                                  << r.out << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.err;
    EXPECT_EQ(r.out.find("site:"), std::string::npos) << "a comparison of a script that never ran:\n" << r.out;
  }
}

// A scenario whose `legacy` step names a batch file that cannot be opened is bad input, said at the
// `script` value's place by `run`, `legacy` and `compare` alike (exit 2): never a failed test of a
// run that never began, nor an error that does not say which file named the script (audit 6 item 11).
TEST(LegacyE2e, AScenarioNamingAMissingScriptIsAnInputErrorAtTheValue) {
  const test_support::TempFolder dir("legacy_missing_script_e2e");
  dir.Write("s.yaml",
            "summary: x\nmachine: {frameworks: [1.0]}\nsteps:\n  - legacy: {script: nope.cmd, no_answer: true}\n");
  const std::string says = "s.yaml:4:22: step 'legacy' key 'script': ";
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"run", "s.yaml"}, {"legacy", "s.yaml", "--answer", "x"}, {"compare", "s.yaml"}}) {
    const Ran r = test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .cwd = dir.path()});
    EXPECT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << args[0] << ":\n" << r.out << r.err;
    EXPECT_NE(r.err.find("fixup-sim " + args[0] + ": " + says), std::string::npos) << args[0] << ":\n" << r.err;
    EXPECT_NE(r.err.find("nope.cmd: cannot open the file: No such file or directory"), std::string::npos) << r.err;
  }
}

// Without --script, `legacy` and `compare` run the batch file the scenario's first `legacy` step
// names (its `script:`, from the scenario's folder), as `run` does; --script still names another,
// and a report is never written over that step's file. Without --answer, compare types that
// step's answer.
TEST(LegacyE2e, TheScriptTheScenariosLegacyStepNamesIsTheOneRun) {
  const std::string scenario = "scenarios/legacy/edited-copy-strict-policy.yaml";  // fixup-edited.cmd
  Ran edited = FixupSim({"legacy", scenario, "--answer", "Xp-Fixup#2003long"}, std::nullopt);
  EXPECT_EQ(edited.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << edited.err;
  EXPECT_NE(edited.out.find("C:\\>c:\\fixup-edited.cmd\n"), std::string::npos) << edited.out;
  EXPECT_NE(edited.out.find("Type the temporary password when runas asks for it"), std::string::npos) << edited.out;
  EXPECT_NE(edited.out.find("/LM/W3SVC/1/ROOT/shop: 503 -> 200"), std::string::npos) << edited.out;

  Ran published = FixupSim(
      {"legacy", scenario, "--answer", "Xp-Fixup#2003long", "--script", "scenarios/legacy/fixup.cmd"}, std::nullopt);
  EXPECT_NE(published.out.find("C:\\>c:\\fixup.cmd\n"), std::string::npos) << published.out;
  EXPECT_EQ(published.out.find("Type the temporary password"), std::string::npos) << published.out;

  // compare types the step's answer without --answer (1pass@word would fail this policy at runas).
  Ran compared = FixupSim({"compare", scenario, "--json"}, std::nullopt);
  EXPECT_EQ(compared.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << compared.err;
  EXPECT_NE(compared.out.find("\"legacy_ahead\": []"), std::string::npos) << compared.out;
  EXPECT_EQ(compared.out.find("\"value\": \"down"), std::string::npos) << compared.out;
  EXPECT_EQ(compared.out.find("Xp-Fixup#2003long"), std::string::npos) << compared.out;

  const test_support::TempFolder dir("legacy_e2e_step_script");
  fs::copy_file(FIXUP_SOURCE_DIR "/" + scenario, dir.path() / "s.yaml");
  fs::copy_file(FIXUP_SOURCE_DIR "/scenarios/legacy/fixup-edited.cmd", dir.path() / "fixup-edited.cmd");
  const std::string script = (dir.path() / "fixup-edited.cmd").string();
  const std::string before = test_support::Slurp(script);
  Ran over = FixupSim({"compare", (dir.path() / "s.yaml").string(), "--html", script}, std::nullopt);
  EXPECT_EQ(over.exit_code, fixer::ToInt(fixer::ExitCode::kUsage)) << over.out << over.err;
  EXPECT_NE(over.err.find("a file it reads"), std::string::npos) << over.err;
  EXPECT_EQ(test_support::Slurp(script), before);
}

// The user's three named cases: the fixer ahead of the batch file on each.
struct Named {
  const char* scenario;
  const char* row;  // a row on which the fixer must be ahead
};

class CompareE2e : public ::testing::TestWithParam<Named> {};

TEST_P(CompareE2e, FixerAhead) {
  Ran r = FixupSim({"compare", GetParam().scenario, "--json"}, std::nullopt);
  ASSERT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.err;
  EXPECT_NE(r.out.find("\"fixer_ahead\""), std::string::npos);
  const std::string ahead = r.out.substr(r.out.find("\"fixer_ahead\""));
  EXPECT_NE(ahead.substr(0, ahead.find(']')).find(std::string("\"") + GetParam().row + "\""), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("1pass@word\""), std::string::npos);
}

TEST(CompareTextE2e, SideBySideRowsAndVerdict) {
  Ran r = FixupSim({"compare", "scenarios/legacy/orphans-acls-and-sql-logins.yaml"}, std::nullopt);
  ASSERT_EQ(r.exit_code, fixer::ToInt(fixer::ExitCode::kOk)) << r.err;
  for (const char* row :
       {"site:\n", "account SID:\n", "profile:\n", "services:\n", "grants:\n", "secrets:\n", "exit:\n"})
    EXPECT_NE(r.out.find(row), std::string::npos) << row;
  EXPECT_NE(r.out.find("  fixup.cmd     BAD lost: ACE on C:\\Inetpub\\wwwroot\\shop\\App_Data; SQL login"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("fixer ahead on: account SID, grants"), std::string::npos) << r.out;
}

// A copy of fixup.cmd that stops at a line the interpreter does not understand: compare exited 0
// and judged the half-run batch's rows (all BAD, "ahead on: nothing") as fixup.cmd's result.
TEST(CompareStoppedE2e, ABatchThatStoppedIsSaidNotJudgedAndExitsOne) {
  const test_support::TempFolder dir("compare_stopped_e2e");
  std::string script = test_support::Slurp(fs::path(FIXUP_SOURCE_DIR) / "scenarios/legacy/fixup.cmd");
  const size_t at = script.find("net user ASPNET /delete");
  ASSERT_NE(at, std::string::npos);
  script.insert(at + std::string("net user ASPNET /delete").size(), " && echo ok");
  const int line = 1 + static_cast<int>(std::count(script.begin(), script.begin() + static_cast<long>(at), '\n'));
  const fs::path cmd = dir.Write("a.cmd", script);
  const fs::path machine =
      dir.Write("m.yaml", "frameworks: [1.0]\nhotfixes: [MS03-032]\napplications:\n  - path: /LM/W3SVC/1/ROOT/shop\n");
  const std::string stopped =
      "a.cmd did not run to its end: it stopped at line " + std::to_string(line) + ": not supported";

  Ran text = FixupSim({"compare", machine.string(), "--script", cmd.string()}, std::nullopt);
  EXPECT_EQ(text.exit_code, fixer::ToInt(fixer::ExitCode::kFailed)) << text.err;
  EXPECT_NE(text.out.find(stopped), std::string::npos) << text.out;
  EXPECT_NE(text.err.find(stopped), std::string::npos) << text.err;
  EXPECT_NE(text.out.find("a.cmd ahead on: not judged: it stopped at line " + std::to_string(line)), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("  a.cmd         --  down ("), std::string::npos) << text.out;

  const fs::path page = dir.path() / "c.html";
  Ran json = FixupSim({"compare", machine.string(), "--script", cmd.string(), "--json", "--html", page.string()},
                      std::nullopt);
  EXPECT_EQ(json.exit_code, fixer::ToInt(fixer::ExitCode::kFailed)) << json.err;
  EXPECT_NE(json.out.find("\"exit_code\": 1"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"legacy_stopped\": {"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find("\"judged\": false"), std::string::npos) << json.out;
  EXPECT_NE(dir.Read("c.html").find("id=\"stopped\">" + stopped), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(NamedCases, CompareE2e,
                         ::testing::Values(Named{"scenarios/legacy/policy-rejects-temp-password.yaml", "site"},
                                           Named{"scenarios/legacy/orphans-acls-and-sql-logins.yaml", "grants"},
                                           Named{"scenarios/legacy/custom-worker-account.yaml", "account SID"}));

}  // namespace
