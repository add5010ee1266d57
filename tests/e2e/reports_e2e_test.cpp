// fixup-sim's reports as a user meets them, as real processes: a green run is one line per
// scenario and the summary; colour only when asked (or on a terminal without NO_COLOR);
// --version; `show --format yaml|json` loads back; `compare` and `legacy` from a folder outside
// the repository (the built-in fixup.cmd); --html pages written whole.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fakes/machine_yaml.h"
#include "sim/scenario.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/source_tree.h"
#include "support/temp_folder.h"

namespace {

using test_support::Ran;

namespace fs = std::filesystem;

class ReportsE2e : public ::testing::Test {
 protected:
  Ran Sim(const std::vector<std::string>& args, const fs::path& cwd, bool no_color_env = false) {
    if (no_color_env)
      return test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .cwd = cwd, .set = {{"NO_COLOR", "1"}}});
    return test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = args, .cwd = cwd, .unset = {"NO_COLOR"}});
  }

  // A fresh folder under the system's temporary directory: outside the repository.
  const test_support::TempFolder dir_{"reports_e2e"};
};

constexpr const char* kCustomerWithAlice =
    "# as the customer told it: XP Pro SP1, ASP.NET 1.0, MS03-032 installed yesterday\n"
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "accounts:\n"
    "  alice: {password: Wonder1and!, groups: [Administrators]}\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/orders\n";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

TEST_F(ReportsE2e, AGreenRunIsOneLinePerScenarioAndTheSummary) {
  const fs::path scenarios = test_support::ScenariosFolder();
  const size_t files = sim::FindScenarioFiles({scenarios.string()}).size();
  Ran r = Sim({"run", scenarios.string()}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), files + 1) << r.out;
  for (size_t i = 0; i < files; ++i) EXPECT_EQ(lines[i].rfind("PASS ", 0), 0u) << lines[i];
  EXPECT_EQ(lines.back().rfind("scenarios: " + std::to_string(files) + " passed, 0 failed (", 0), 0u) << lines.back();
  EXPECT_EQ(r.out.find('\033'), std::string::npos) << "no colour when standard output is not a terminal";
}

TEST_F(ReportsE2e, AFailingScenarioShowsItsStepsTheCheckWithItsPlaceAndTheStepsChanges) {
  dir_.Write("broken.yaml",
             "summary: a check that cannot hold\n"
             "machine:\n"
             "  frameworks: [\"1.0\"]\n"
             "  applications:\n"
             "    - path: /LM/W3SVC/1/ROOT/app\n"
             "steps:\n"
             "  - request: /LM/W3SVC/1/ROOT/app\n"
             "    expect: {status: 200}\n"
             "  - install_hotfix: MS03-032\n"
             "    expect: {machine_unchanged: {}}\n");
  Ran r = Sim({"run", "broken.yaml", "--color=never"}, dir_.path());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL broken.yaml - a check that cannot hold"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  1. request"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  2. install_hotfix"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FAIL broken.yaml:10:"), std::string::npos) << "the check's FILE:LINE:COL\n" << r.out;
  EXPECT_NE(r.out.find("+ hotfixes[MS03-032]"), std::string::npos) << "the failing step's changes\n" << r.out;
  EXPECT_NE(r.out.find("    kb: KB822925"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("failed: broken.yaml"), std::string::npos) << r.out;
}

TEST_F(ReportsE2e, ColourOnlyWhenAskedAndNeverWithNoColorOnAuto) {
  const std::string scenario =
      (fs::path(FIXUP_SOURCE_DIR) / "scenarios/fixer/keep-sid-fixes-affected-xp.yaml").string();
  Ran always = Sim({"run", scenario, "--color=always"}, dir_.path());
  EXPECT_NE(always.out.find("\033[32mPASS\033[0m"), std::string::npos) << always.out;
  Ran never = Sim({"run", scenario, "--color=never"}, dir_.path());
  EXPECT_EQ(never.out.find('\033'), std::string::npos) << never.out;
  Ran env = Sim({"run", scenario, "--color=auto"}, dir_.path(), /*no_color_env=*/true);
  EXPECT_EQ(env.out.find('\033'), std::string::npos) << env.out;
  Ran bad = Sim({"run", scenario, "--color=sometimes"}, dir_.path());
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(ReportsE2e, VersionNamesTheProjectVersionAndTheCommit) {
  Ran r = Sim({"--version"}, dir_.path());
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("fixup-sim 0.", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("(commit "), std::string::npos) << r.out;
}

TEST_F(ReportsE2e, ShowInYamlOrJsonLoadsBackAsTheSameMachine) {
  dir_.Write("customer.yaml", kCustomerWithAlice);
  auto original = fakes::LoadMachineFile((dir_ / "customer.yaml").string());
  ASSERT_TRUE(original.ok()) << original.error->ToString();
  for (const std::string format : {"yaml", "json"}) {
    Ran r = Sim({"show", "customer.yaml", "--format", format}, dir_.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto back = fakes::LoadMachineText(r.out, "shown." + format);
    ASSERT_TRUE(back.ok()) << format << ": " << back.error->ToString() << "\n" << r.out.substr(0, 2000);
    EXPECT_TRUE(*back.value == *original.value) << format << " does not round-trip";
  }
}

// A hotfix from the catalogue shows its KB article; one a capture recorded by its KB number alone
// (no article beside it) shows just that, not an empty "()".
TEST_F(ReportsE2e, ShowNamesEachHotfixWithItsKbArticleOnlyWhenItHasOne) {
  dir_.Write("hotfixes.yaml", "hotfixes:\n  - MS03-032\n  - {id: KB246009}\n");
  Ran r = Sim({"show", "hotfixes.yaml"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Hotfixes: MS03-032 (KB822925) KB246009\n"), std::string::npos) << r.out;
  dir_.Write("bare.yaml", "web_server: none\n");
  Ran bare = Sim({"show", "bare.yaml"}, dir_.path());
  ASSERT_EQ(bare.exit_code, 0) << bare.err;
  EXPECT_NE(bare.out.find(" SP1, no web server, machine SID "), std::string::npos) << bare.out;
  dir_.Write("empty.yaml", "base: empty\n");  // no account, no service: each empty list says so
  Ran empty = Sim({"show", "empty.yaml"}, dir_.path());
  ASSERT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_NE(empty.out.find("Accounts:\n  none\nGroups and their members:\n  none\nRights of groups, well-known "
                           "principals and SIDs of no account:\n  none\nLSA secrets:\n  none\nServices:\n  none\n"),
            std::string::npos)
      << empty.out;
}

TEST_F(ReportsE2e, CompareAndLegacyWorkFromAFolderOutsideTheRepository) {
  dir_.Write("customer.yaml", kCustomerWithAlice);
  Ran compare = Sim({"compare", "customer.yaml", "--html", "compare.html"}, dir_.path());
  ASSERT_EQ(compare.exit_code, 0) << compare.out << compare.err;
  EXPECT_NE(compare.out.find("fixup.cmd"), std::string::npos) << compare.out;
  const std::string html = dir_.Read("compare.html");
  EXPECT_NE(html.find("<table id=\"comparison\">"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  EXPECT_EQ(html.find("1pass@word\n"), std::string::npos);

  Ran legacy = Sim({"legacy", "customer.yaml", "--answer", "1pass@word"}, dir_.path());
  EXPECT_EQ(legacy.exit_code, 0) << legacy.out << legacy.err;
  EXPECT_NE(legacy.out.find("C:\\>c:\\fixup.cmd"), std::string::npos) << legacy.out;
  EXPECT_NE(legacy.out.find("/LM/W3SVC/1/ROOT/orders: 503 -> 200"), std::string::npos) << legacy.out;
}

TEST_F(ReportsE2e, AnHtmlReportIsOneWholeFileWithEveryScenario) {
  const fs::path scenarios = test_support::ScenariosFolder() / "support";
  Ran r = Sim({"run", scenarios.string(), "--html", "report.html"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string html = dir_.Read("report.html");
  size_t sections = 0;
  for (size_t at = html.find("<section class=\"scenario"); at != std::string::npos;
       at = html.find("<section class=\"scenario", at + 1))
    ++sections;
  EXPECT_EQ(sections, sim::FindScenarioFiles({scenarios.string()}).size());
  EXPECT_EQ(html.find("http://"), std::string::npos) << "no external asset";
  EXPECT_EQ(html.find("https://"), std::string::npos) << "no external asset";
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

// A replay command that names no case is a usage error, never "0 violations"; so is a negative
// step or seed.
TEST_F(ReportsE2e, ASweepReplayOfNoCaseIsAUsageError) {
  const std::string scenario = (fs::path(FIXUP_SOURCE_DIR) / "scenarios/support/second-apply-is-a-no-op.yaml").string();
  const Ran real = Sim({"sweep", scenario, "--step", "2", "--case", "crash@1"}, dir_.path());
  EXPECT_EQ(real.exit_code, 0) << real.out << real.err;
  EXPECT_NE(real.out.find(", 1 case, "), std::string::npos) << real.out;
  for (const std::vector<std::string>& replay : std::vector<std::vector<std::string>>{
           {"--step", "99", "--case", "crash@1"}, {"--step", "1", "--case", "crash@1"}}) {
    std::vector<std::string> args = {"sweep", scenario};
    args.insert(args.end(), replay.begin(), replay.end());
    const Ran r = Sim(args, dir_.path());
    EXPECT_EQ(r.exit_code, 2) << replay[1] << " " << replay[3] << ":\n" << r.out << r.err;
    EXPECT_NE(r.err.find("is no case of these scenarios"), std::string::npos) << r.err;
  }
  EXPECT_EQ(Sim({"sweep", scenario, "--step", "-1", "--case", "crash@1"}, dir_.path()).exit_code, 2);
  EXPECT_EQ(Sim({"sweep", scenario, "--seed", "-1"}, dir_.path()).exit_code, 2);
  EXPECT_EQ(Sim({"run", scenario, "--seed", "-1"}, dir_.path()).exit_code, 2);
  EXPECT_EQ(Sim({"matrix", "--seed", "-1"}, dir_.path()).exit_code, 2);
}

// A sweep of files none of which runs a fixer apply (an empty folder, scenarios that only
// diagnose) checks nothing: exit 2 and why, never "0 violations" and exit 0.
TEST_F(ReportsE2e, ASweepOfNothingIsAnInputError) {
  fs::create_directories(dir_ / "empty");
  {  // no file at all: said as `run` says it
    const std::string path = (dir_ / "empty").string();
    const Ran r = Sim({"sweep", path}, dir_.path());
    EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
    EXPECT_EQ(r.err, "fixup-sim sweep: no scenario files under " + path + "\n");
  }
  {
    const std::string path = (fs::path(FIXUP_SOURCE_DIR) / "scenarios/platforms").string();
    const Ran r = Sim({"sweep", path}, dir_.path());
    EXPECT_EQ(r.exit_code, 2) << path << ":\n" << r.out << r.err;
    EXPECT_NE(r.err.find("nothing to sweep: no scenario under " + path + " runs a fixer apply"), std::string::npos)
        << r.err;
  }
  // An apply with a fault of its own, whichever (crash_after too), is the scenario's own case: left
  // out, and said so, not "runs no fixer apply".
  for (const std::string fault : {"fail_at: 2", "fail_op: sam.set_password", "crash_at: 2", "crash_after: 2",
                                  "crash_op: profile.create", "dry_run: true"}) {
    std::ofstream(dir_ / "own-fault.yaml") << "summary: s\nmachine:\n  frameworks: [\"1.0\"]\n  hotfixes: [MS03-032]\n"
                                              "  applications:\n    - path: /LM/W3SVC/1/ROOT/app\n"
                                              "steps:\n  - fixer: {command: apply, " +
                                                  fault + "}\n";
    const Ran r = Sim({"sweep", (dir_ / "own-fault.yaml").string()}, dir_.path());
    EXPECT_EQ(r.exit_code, 2) << fault << ":\n" << r.out << r.err;
    EXPECT_NE(r.err.find("runs a fixer apply without faults of its own (fail_at, fail_op, crash_at, crash_after, "
                         "crash_op) that is not a dry run"),
              std::string::npos)
        << fault << ": " << r.err;
  }
  const std::string scenario = (fs::path(FIXUP_SOURCE_DIR) / "scenarios/support/second-apply-is-a-no-op.yaml").string();
  EXPECT_EQ(Sim({"sweep", scenario, "--step", "0", "--case", "crash@1"}, dir_.path()).exit_code, 2);
  // An apply that changes nothing (a machine not affected; one whose journal holds it back) makes
  // no call a fault could fail: 0 cases, which said "0 violations" and exit 0.
  std::ofstream(dir_ / "not-affected.yaml") << "summary: s\nmachine:\n  os: windows-xp-professional\n"
                                               "  frameworks: [\"1.0\"]\nsteps:\n  - fixer: apply\n";
  for (const std::string& path :
       {(dir_ / "not-affected.yaml").string(),
        (fs::path(FIXUP_SOURCE_DIR) / "scenarios/support/resume-after-crash.yaml").string()}) {
    const Ran r = Sim({"sweep", path}, dir_.path());
    EXPECT_EQ(r.exit_code, 2) << path << ":\n" << r.out << r.err;
    EXPECT_NE(r.err.find("nothing to sweep: the fixer applies under " + path + " make no change a fault could fail"),
              std::string::npos)
        << r.err;
  }
}

// A batch file's output may hold control characters (an ESC sequence, a bell): the text report,
// the HTML page and the JUnit XML show them as \xNN, never raw (a terminal command, a parse error).
TEST_F(ReportsE2e, ControlCharactersABatchFilePrintedAreShownNotSent) {
  std::ofstream(dir_ / "noisy.cmd", std::ios::binary) << "@echo off\r\necho \x1b[2J\x07 cleared\r\n";
  std::ofstream(dir_ / "noisy.yaml") << "summary: s\nmachine:\n  os: windows-xp-professional\nsteps:\n"
                                        "  - legacy: {script: noisy.cmd}\n    expect: {output_contains: never}\n";
  const Ran r = Sim({"run", "noisy.yaml", "-v", "--html", "r.html", "--junit", "r.xml"}, dir_.path());
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  for (const std::string& shown : {r.out, dir_.Read("r.html"), dir_.Read("r.xml")}) {
    EXPECT_EQ(shown.find('\x1b'), std::string::npos);
    EXPECT_EQ(shown.find('\x07'), std::string::npos);
  }
  for (const std::string& shown : {r.out, dir_.Read("r.html")})  // the console, as -v and the page show it
    EXPECT_NE(shown.find("\\x1b[2J\\x07 cleared"), std::string::npos) << shown;
}

// A command run with --json prints one JSON object on standard output whatever happens: a usage or
// input error is {"error": why, "exit_code": 2}, the message also on standard error.
TEST_F(ReportsE2e, WithJsonAnInputErrorIsOneJsonObject) {
  fs::create_directories(dir_ / "empty");
  std::ofstream(dir_ / "bad.yaml") << "os: [\n";
  std::ofstream(dir_ / "m.yaml") << "os: windows-xp-professional\n";
  const std::vector<std::vector<std::string>> errors = {
      {"run", "empty", "--json"},
      {"show", "bad.yaml", "--json"},
      {"compare", "bad.yaml", "--json"},
      {"compare", "m.yaml", "--json", "--script", "no-such.cmd"},
      {"compare", "m.yaml", "--json", "--strategy", "fast"},
      {"matrix", "--json", "--no-such-option"},
      {"explore", "--json", "--count", "0"},
      {"show", "m.yaml", "--json", "--format", "yaml"},  // two outputs asked for: say so, not one silently
  };
  for (const std::vector<std::string>& args : errors) {
    const Ran r = Sim(args, dir_.path());
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[1] << ":\n" << r.out << r.err;
    const nlohmann::json j = nlohmann::json::parse(r.out, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(j.is_object()) << args[0] << " " << args[1] << ": not one JSON object:\n" << r.out;
    EXPECT_EQ(j.value("exit_code", -1), 2) << r.out;
    EXPECT_FALSE(j.value("error", "").empty()) << r.out;
    EXPECT_NE(r.err.find(j.value("error", "?")), std::string::npos) << r.err;
  }
}

TEST_F(ReportsE2e, ASweepPageHasItsSummaryAndTheSummaryCountsTheCasesTheBarCounts) {
  const std::string scenario = (fs::path(FIXUP_SOURCE_DIR) / "scenarios/support/second-apply-is-a-no-op.yaml").string();
  Ran r = Sim({"sweep", scenario, "--html", "sweep.html"}, dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(" cases, "), std::string::npos) << r.out;
  const std::string html = dir_.Read("sweep.html");
  EXPECT_NE(html.find("<p class=\"totals\" id=\"totals\">1 scenario, "), std::string::npos) << html.substr(0, 3000);
  EXPECT_NE(html.find(">0 violations</span>"), std::string::npos);
}

}  // namespace
