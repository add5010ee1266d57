// `fixup-sim run` as a real process: a scenario file that does not load still exits 2, and is a
// failed test in the JUnit and JSON reports, next to the scenarios that ran.
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Slurp;

namespace fs = std::filesystem;
using ::testing::HasSubstr;

TEST(RunReports, AScenarioThatDoesNotLoadIsAFailedTest) {
  const test_support::TempFolder dir("run_report_e2e");
  const fs::path bad = dir.Write("bad.yaml", "summary: s\nmachine:\nsteps:\n  - reboot: \"now\x01\"\n");
  const fs::path xml = dir / "report.xml";
  const std::string good = std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml";
  const test_support::Ran r = test_support::RunProgram(
      {.program = FIXUP_SIM_BIN, .args = {"run", good, bad.string(), "--json", "--junit", xml.string()}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.yaml:4:5: steps: unknown step 'reboot'"));
  // An unknown step's value is not quoted: what it holds is not known to be harmless.
  EXPECT_THAT(r.err, HasSubstr("near: \"  - reboot: ********\""));

  const std::string report = Slurp(xml);
  EXPECT_THAT(report, HasSubstr("tests=\"2\" failures=\"1\""));
  EXPECT_THAT(report,
              HasSubstr("<failure type=\"load-error\" message=\"" + bad.string() + ":4:5: steps: unknown step"));
  EXPECT_THAT(report, HasSubstr("name=\"crash-after-versus-before\" file=\"" + good + "\" time="));

  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["passed"], 1);
  EXPECT_EQ(j["failed"], 1);
  ASSERT_EQ(j["scenarios"].size(), 2u);
  const bool bad_first = j["scenarios"][0]["file"] == bad.string();  // the files are sorted
  const auto& failed = j["scenarios"][bad_first ? 0 : 1];
  EXPECT_EQ(failed["file"], bad.string());
  EXPECT_EQ(failed["passed"], false);
  EXPECT_EQ(failed["load_error"]["line"], 4);
  EXPECT_EQ(failed["load_error"]["column"], 5);
}

// The one load error without a place, as docs/scenario-format.md says: a file that cannot be
// opened is `FILE: cannot open the file: REASON`, line and column 0 in --json's load_error.
TEST(RunReports, AFileThatCannotBeOpenedHasNoLine) {
  const test_support::TempFolder dir("run_report_e2e");
  const std::string missing = (dir / "no_such_scenario.yaml").string();
  const test_support::Ran r = test_support::RunProgram({.program = FIXUP_SIM_BIN, .args = {"run", missing, "--json"}});
  EXPECT_EQ(r.exit_code, 2);
  const std::string said = missing + ": cannot open the file: No such file or directory";
  EXPECT_THAT(r.err, HasSubstr(said));
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["error"], said);  // the message alone: standard error's line adds `fixup-sim run: `
  EXPECT_THAT(r.err, HasSubstr("fixup-sim run: " + said));
  const auto& load_error = j["scenarios"][0]["load_error"];
  EXPECT_EQ(load_error["line"], 0);
  EXPECT_EQ(load_error["column"], 0);
  EXPECT_EQ(load_error["message"], "cannot open the file: No such file or directory");
}

// Scenario files named in Latin-1 (`caf\xe9.yaml`), one that runs and one that does not load: every
// report stays UTF-8 (JUnit XML a CI parses, the HTML page, the JSON), the byte shown as \xNN.
TEST(RunReports, AFileNameThatIsNotUtf8IsShownEscapedInEveryReport) {
  const test_support::TempFolder dir("run_report_e2e");
  fs::create_directories(dir / "s");
  fs::copy_file(std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml",
                dir / "s" / "caf\xe9.yaml");
  dir.Write("s/bad\xe9.yaml", "summary: s\nmachine: [\n");
  const fs::path xml = dir / "r.xml", html = dir / "r.html";
  const test_support::Ran r = test_support::RunProgram(
      {.program = FIXUP_SIM_BIN,
       .args = {"run", (dir / "s").string(), "--json", "--junit", xml.string(), "--html", html.string()}});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  for (const fs::path& report : {xml, html}) {
    const std::string text = Slurp(report);
    EXPECT_EQ(text.find('\xe9'), std::string::npos) << report << ": a byte that is not UTF-8";
    EXPECT_THAT(text, HasSubstr("caf\\xe9.yaml")) << report;
    EXPECT_THAT(text, HasSubstr("bad\\xe9.yaml")) << report;
  }
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["failed"], 1);
}

// `run --seed N` gives N to each machine without a `seed:` of its own: its SIDs (which the fixer's
// diagnosis prints) follow N; a machine with its own seed is the same whatever N.
TEST(RunReports, TheSeedChangesOnlyTheMachinesWithoutTheirOwn) {
  const test_support::TempFolder dir("run_report_e2e");
  const std::string steps = "steps:\n  - fixer: diagnose\n";
  dir.Write("default.yaml", "summary: s\nmachine:\n  frameworks: [1.0]\n" + steps);
  dir.Write("own.yaml", "summary: s\nmachine:\n  seed: 3\n  frameworks: [1.0]\n" + steps);
  auto verbose = [&](const char* file, const char* seed) {
    const test_support::Ran r = test_support::RunProgram(
        {.program = FIXUP_SIM_BIN, .args = {"run", (dir / file).string(), "-v", "--color", "never", "--seed", seed}});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    // Without the times (the scenario's line, the summary's): under load two runs differ there.
    return std::regex_replace(r.out, std::regex(R"(\(\d+\.\d+ s\))"), "(time)");
  };
  const std::string one = verbose("default.yaml", "1"), seven = verbose("default.yaml", "7");
  EXPECT_THAT(one, HasSubstr("ASPNET (machine), SID S-1-5-21-"));
  EXPECT_NE(one, seven);
  EXPECT_EQ(verbose("own.yaml", "1"), verbose("own.yaml", "7"));
}

}  // namespace
