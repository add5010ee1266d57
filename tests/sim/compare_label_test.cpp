// `compare --script t.cmd` labels the batch file's side with its name: the text and the page said
// "fixup.cmd" whatever script ran.
#include <gtest/gtest.h>

#include "sim/legacy_compare.h"
#include "sim/report_html.h"

namespace {

sim::Comparison OneRowComparison(const std::string& script_name) {
  sim::Comparison c;
  c.script_name = script_name;
  c.rows.push_back({.name = "site", .legacy = "503", .fixer = "200", .legacy_ok = false, .fixer_ok = true});
  return c;
}

TEST(CompareLabel, TheBatchSideIsNamedAfterItsScript) {
  const std::string text = sim::RenderComparisonText(OneRowComparison("t.cmd"));
  EXPECT_NE(text.find("  t.cmd         BAD 503\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  aspnet-fixer  ok  200\n"), std::string::npos) << text;
  EXPECT_NE(text.find("t.cmd ahead on: nothing"), std::string::npos) << text;
  EXPECT_EQ(text.find("fixup.cmd"), std::string::npos) << text;
  const std::string page = sim::CompareReportHtml(OneRowComparison("t.cmd"), "s.yaml", "keep-sid");
  EXPECT_NE(page.find("<th>t.cmd</th>"), std::string::npos);
  EXPECT_EQ(page.find("fixup.cmd"), std::string::npos);
}

TEST(CompareLabel, ALongNameWidensTheColumnAndFixupCmdStaysTheDefault) {
  const std::string text = sim::RenderComparisonText(OneRowComparison("a-rather-long-name.cmd"));
  EXPECT_NE(text.find("  a-rather-long-name.cmd  BAD 503\n"), std::string::npos) << text;
  EXPECT_NE(text.find("  aspnet-fixer            ok  200\n"), std::string::npos) << text;
  EXPECT_EQ(sim::Comparison{}.script_name, "fixup.cmd");
}

}  // namespace
