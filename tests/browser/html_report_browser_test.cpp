// The HTML report in a real browser: headless Chromium loads the report of the whole scenario
// suite plus one scenario that fails on purpose, the test reads the DOM Chromium built (every
// scenario present, the failure marked as one) and saves a screenshot under the build folder
// (build/reports/report.png) for a person or CI to look at. Skipped, saying why, where Chromium
// is not installed (scripts/setup.sh --browser installs it).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "sim/scenario.h"
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/source_tree.h"
#include "support/temp_folder.h"

namespace {

using test_support::Slurp;

namespace fs = std::filesystem;

std::optional<fs::path> FindChromium() {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');)
    for (const char* name : {"chromium", "chromium-browser"})
      if (fs::path p = fs::path(dir) / name; ::access(p.c_str(), X_OK) == 0) return p;
  return std::nullopt;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

class HtmlReportInChromium : public ::testing::Test {
 protected:
  void SetUp() override {
    chromium_ = FindChromium();
    if (!chromium_) GTEST_SKIP() << "chromium is not installed: run scripts/setup.sh --browser (Debian's chromium)";
    out_ = fs::path(FIXUP_BINARY_DIR) / "reports";
    fs::create_directories(out_);
    profile_.emplace("chromium_profile");
  }

  // Headless, offline, with a throw-away profile; `what` is --dump-dom or --screenshot=...; what
  // Chromium writes on standard output goes to the file `to`, if given.
  int Chromium(const std::vector<std::string>& what, const fs::path& page, const std::optional<fs::path>& to = {}) {
    std::vector<std::string> args = {"180",
                                     chromium_->string(),
                                     "--headless",
                                     "--no-sandbox",
                                     "--disable-gpu",
                                     "--disable-background-networking",
                                     "--disable-component-update",
                                     "--disable-sync",
                                     "--no-first-run",
                                     "--hide-scrollbars",
                                     "--user-data-dir=" + profile_->path().string()};
    args.insert(args.end(), what.begin(), what.end());
    args.push_back("file://" + page.string());
    const test_support::Ran r = test_support::RunProgram({.program = "timeout", .args = args});
    if (to) std::ofstream(*to, std::ios::binary) << r.out;
    return r.exit_code;
  }

  std::optional<fs::path> chromium_;
  fs::path out_;
  std::optional<test_support::TempFolder> profile_;  // made once Chromium is found
};

TEST_F(HtmlReportInChromium, EveryScenarioIsOnThePageAndTheFailureIsMarked) {
  const fs::path failing = out_ / "zz-fails-on-purpose.yaml";
  std::ofstream(failing) << "summary: fails on purpose, so the report shows a failure\n"
                            "machine:\n"
                            "  frameworks: [\"1.0\"]\n"
                            "  applications:\n"
                            "    - path: /LM/W3SVC/1/ROOT/app\n"
                            "steps:\n"
                            "  - install_hotfix: MS03-032\n"
                            "  - request: /LM/W3SVC/1/ROOT/app\n"
                            "    expect: {status: 200}\n";
  const std::string scenarios = test_support::ScenariosFolder().string();
  const fs::path report = out_ / "report.html";
  fs::remove(report);
  const test_support::Ran run = test_support::RunProgram(
      {.program = FIXUP_SIM_BIN, .args = {"run", failing.string(), scenarios, "--html", report.string()}});
  ASSERT_EQ(run.exit_code, 1) << "one scenario fails on purpose";
  ASSERT_TRUE(fs::exists(report));

  const fs::path dom_file = out_ / "report.dom.html";
  ASSERT_EQ(Chromium({"--dump-dom"}, report, dom_file), 0);
  const std::string dom = Slurp(dom_file);
  ASSERT_NE(dom.find("</html>"), std::string::npos) << "Chromium gave no DOM";

  const size_t files = sim::FindScenarioFiles({scenarios}).size() + 1;
  EXPECT_EQ(Count(dom, "<section class=\"scenario "), files);
  EXPECT_EQ(Count(dom, "<section class=\"scenario pass\""), files - 1);
  EXPECT_EQ(Count(dom, "<section class=\"scenario fail\""), 1u);
  EXPECT_NE(dom.find("data-file=\"" + failing.string() + "\""), std::string::npos);
  EXPECT_EQ(Count(dom, "<tr class=\"fail\">"), 1u) << "one failing row in the scenarios table";
  EXPECT_EQ(Count(dom, "<tr class=\"pass\">"), files - 1);
  for (const std::string& file : sim::FindScenarioFiles({scenarios}))
    EXPECT_NE(dom.find("data-file=\"" + file + "\""), std::string::npos) << file;

  const fs::path png = out_ / "report.png";
  fs::remove(png);
  ASSERT_EQ(Chromium({"--screenshot=" + png.string(), "--window-size=1280,2000"}, report), 0);
  const std::string image = Slurp(png);
  ASSERT_GT(image.size(), 8u);
  EXPECT_EQ(image.substr(1, 3), "PNG");
}

}  // namespace
