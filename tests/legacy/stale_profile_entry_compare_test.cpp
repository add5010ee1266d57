// `compare` judges the worker's profile row as the fixer's diagnosis does (audit 17 item 3): a
// ProfileList entry whose folder does not exist is no profile (`profile none`), so a side that left
// one is BAD, and said so; each strategy repairs such a machine (audit 17 item 2), its new profile ok.
#include <algorithm>

#include <gtest/gtest.h>

#include "legacy_fixture.h"
#include "sim/legacy_compare.h"

namespace legacy_test {
namespace {

const std::string kStaleEntry =
    "hotfixes: [MS03-032]\napplications:\n  - path: /LM/W3SVC/1/ROOT/orders\n"
    "profiles:\n  ASPNET: {path: 'C:\\Documents and Settings\\ASPNET', folder: false}\n";

sim::CompareRow RowOf(const sim::Comparison& c, const std::string& name) {
  const auto row = std::find_if(c.rows.begin(), c.rows.end(), [&](const auto& r) { return r.name == name; });
  EXPECT_NE(row, c.rows.end()) << name;
  return row == c.rows.end() ? sim::CompareRow{} : *row;
}

sim::Comparison Compared(const std::string& machine, fixer::Strategy strategy) {
  fixer::Options options;
  options.strategy = strategy;
  return sim::CompareOnMachine(XpWithAspNet10(machine), sim::DefaultLegacyScript(FIXUP_SOURCE_DIR), "1pass@word",
                               options);
}

// ASPNET disabled (1331) too: the fixer refuses, and leaves the stale entry as found.
TEST(StaleProfileEntryCompare, AnEntryWithoutItsFolderLeftByARefusalIsNoProfile) {
  for (const fixer::Strategy strategy : {fixer::Strategy::kKeepSid, fixer::Strategy::kRecreate}) {
    const sim::Comparison c = Compared(kStaleEntry + "accounts:\n  ASPNET: {flags: [disabled]}\n", strategy);
    const sim::CompareRow profile = RowOf(c, "profile");
    EXPECT_FALSE(profile.fixer_ok) << sim::RenderComparisonText(c);
    EXPECT_EQ(profile.fixer, "ASPNET: C:\\Documents and Settings\\ASPNET (its folder does not exist: no profile)");
    EXPECT_FALSE(RowOf(c, "site").fixer_ok) << sim::RenderComparisonText(c);
  }
}

TEST(StaleProfileEntryCompare, KeepSidMakesTheProfileAtTheEntrysFolder) {
  const sim::Comparison c = Compared(kStaleEntry, fixer::Strategy::kKeepSid);
  EXPECT_TRUE(RowOf(c, "site").fixer_ok) << sim::RenderComparisonText(c);
  const sim::CompareRow profile = RowOf(c, "profile");
  EXPECT_TRUE(profile.fixer_ok) << sim::RenderComparisonText(c);
  EXPECT_EQ(profile.fixer, "ASPNET: C:\\Documents and Settings\\ASPNET");
  EXPECT_EQ(RowOf(c, "exit").fixer.find("refused"), std::string::npos) << sim::RenderComparisonText(c);
}

// The old SID's entry stays (a recreate never deletes it) and still names ASPNET: the new SID's
// profile goes to ASPNET.XPPRO, as fixup.cmd's does.
TEST(StaleProfileEntryCompare, RecreateIsNotRefusedAndItsNewProfileTakesAnotherFolder) {
  const sim::Comparison c = Compared(kStaleEntry, fixer::Strategy::kRecreate);
  EXPECT_TRUE(RowOf(c, "site").fixer_ok) << sim::RenderComparisonText(c);
  EXPECT_TRUE(RowOf(c, "exit").fixer_ok) << sim::RenderComparisonText(c);
  const sim::CompareRow profile = RowOf(c, "profile");
  EXPECT_TRUE(profile.fixer_ok) << sim::RenderComparisonText(c);
  EXPECT_TRUE(profile.legacy_ok) << sim::RenderComparisonText(c);
  EXPECT_EQ(profile.fixer, "ASPNET: C:\\Documents and Settings\\ASPNET.XPPRO");
  EXPECT_EQ(profile.legacy, "ASPNET: C:\\Documents and Settings\\ASPNET.XPPRO");
}

}  // namespace
}  // namespace legacy_test
