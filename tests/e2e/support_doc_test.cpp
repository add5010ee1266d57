// docs/support.md, run as written: every ```sh block of the walk-through, in order, as one
// bash script (set -euo pipefail) in a fresh folder outside the repository, with the built
// tools first on PATH, as a support engineer would run them from their own case folder.
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include "support/process_output.h"
#include "support/run_program.h"
#include "support/temp_folder.h"

namespace {

using test_support::Slurp;

namespace fs = std::filesystem;

// The bodies of the ```sh fences, in document order.
std::vector<std::string> ShellBlocks(const std::string& markdown) {
  std::vector<std::string> blocks;
  std::istringstream in(markdown);
  std::string line, block;
  bool inside = false;
  while (std::getline(in, line)) {
    if (!inside && line == "```sh") {
      inside = true;
      block.clear();
    } else if (inside && line == "```") {
      inside = false;
      blocks.push_back(block);
    } else if (inside) {
      block += line + "\n";
    }
  }
  return blocks;
}

TEST(SupportDoc, TheWalkThroughRunsFromAFolderOutsideTheRepository) {
  const auto blocks = ShellBlocks(Slurp(fs::path(FIXUP_SOURCE_DIR) / "docs" / "support.md"));
  ASSERT_GE(blocks.size(), 5u) << "docs/support.md lost its commands";
  const test_support::TempFolder dir("support_doc");
  std::string script = "set -euo pipefail\n";
  for (const std::string& b : blocks) script += b;
  const fs::path walkthrough = dir.Write(".walkthrough.sh", script);

  const std::string bin = fs::path(FIXUP_SIM_BIN).parent_path().string();
  const char* path = std::getenv("PATH");
  const std::string search = bin + ":" + fs::path(ASPNET_FIXER_BIN).parent_path().string() + ":" + (path ? path : "");
  const test_support::Ran r = test_support::RunProgram({.program = "bash",
                                                        .args = {walkthrough.string()},
                                                        .cwd = dir.path(),
                                                        .set = {{"PATH", search}, {"NO_COLOR", "1"}}});
  const std::string &output = r.out, &errors = r.err;
  EXPECT_EQ(r.exit_code, 0) << output << errors;
  EXPECT_NE(output.find("PASS acme-story.yaml"), std::string::npos) << output;
  EXPECT_TRUE(fs::exists(dir / "compare.html"));
  const std::string report = dir.Read("report.html");
  EXPECT_NE(report.find("<section class=\"scenario pass\""), std::string::npos);
  EXPECT_EQ(errors.find("cannot find"), std::string::npos) << errors;
}

}  // namespace
