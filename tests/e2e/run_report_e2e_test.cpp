// `fixup-sim run` as a real process: a scenario file that does not load still exits 2, and is a
// failed test in the JUnit and JSON reports, next to the scenarios that ran.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/process_output.h"
#include "support/run_program.h"

namespace {

using test_support::Slurp;

namespace fs = std::filesystem;
using ::testing::HasSubstr;

TEST(RunReports, AScenarioThatDoesNotLoadIsAFailedTest) {
  const fs::path dir = fs::temp_directory_path() / ("run_report_e2e_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path bad = dir / "bad.yaml", xml = dir / "report.xml";
  {
    std::ofstream f(bad, std::ios::binary);
    f << "summary: s\nmachine:\nsteps:\n  - reboot: \"now\x01\"\n";
  }
  const std::string good = std::string(FIXUP_SOURCE_DIR) + "/scenarios/language/crash-after-versus-before.yaml";
  const test_support::Ran r = test_support::RunProgram(
      {.program = FIXUP_SIM_BIN, .args = {"run", good, bad.string(), "--json", "--junit", xml.string()}});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("bad.yaml:4:5: steps: unknown step 'reboot'"));
  EXPECT_THAT(r.err, HasSubstr("near: \"  - reboot: \\\"now\\x01\\\"\""));

  const std::string report = Slurp(xml);
  EXPECT_THAT(report, HasSubstr("tests=\"2\" failures=\"1\""));
  EXPECT_THAT(report,
              HasSubstr("<failure type=\"load-error\" message=\"" + bad.string() + ":4:5: steps: unknown step"));
  EXPECT_THAT(report, HasSubstr("name=\"" + good + "\" time="));

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
  fs::remove_all(dir);
}

}  // namespace
