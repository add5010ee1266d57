// A scenario's own secrets stay out of its reports: what an `output_lacks` check says the output
// must not hold (most often a password) is not quoted by the check, passing or failing, in the
// text (verbose too), JSON, JUnit or HTML report; the check still says where it is written.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "sim/report.h"
#include "sim/report_html.h"
#include "sim/runner.h"
#include "sim/scenario.h"
#include "support/valid_scenario_head.h"

namespace {

std::string AllReports(const std::string& steps) {
  auto loaded = sim::LoadScenarioText(test_support::kValidScenarioHead + steps, "s.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  if (!loaded.ok()) return {};
  const std::vector<sim::ScenarioResult> results = {sim::RunScenario(*loaded.value, {})};
  return sim::RenderText(results[0], {.verbose = true}) + sim::ToJson(results).dump() + sim::JUnitXml(results) +
         sim::RunReportHtml(results);
}

TEST(ReportSecrets, AnOutputLacksCheckNeverQuotesItsText) {
  // Passing: the diagnosis does not print it. Failing: it does print "Diagnosis".
  const std::string reports = AllReports(
      "  - fixer: diagnose\n"
      "    expect: {output_lacks: Sh0p-Secret-2003}\n"
      "  - fixer: diagnose\n"
      "    expect: {output_lacks: Diagnosis}\n");
  ASSERT_NE(reports.find("s.yaml:8:"), std::string::npos) << "the failing check's place\n" << reports;
  EXPECT_NE(reports.find("lacks the text written there"), std::string::npos) << reports;
  EXPECT_EQ(reports.find("Sh0p-Secret-2003"), std::string::npos) << reports;
  EXPECT_EQ(reports.find("lacks \"Diagnosis\""), std::string::npos) << reports;
}

}  // namespace
