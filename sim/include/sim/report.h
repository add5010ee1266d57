// Reports of scenario runs: readable text (each step, what it changed, each check with expected
// and actual when it failed), JSON for machines, and JUnit XML for CI (one test case per
// scenario). None of them can show a password: step output is what the fakes printed, and
// MachineDiff never shows a hash or an LSA secret.
//
//   std::vector<sim::ScenarioResult> results = ...;
//   std::cout << sim::RenderText(results[0]) << sim::RenderSummary(results);
//   sim::WriteJUnit(results, "report.xml");
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fixer/result.h"
#include "sim/runner.h"

namespace sim {

// One scenario: its steps with their changes and checks. `verbose` also lists checks that
// passed and every step's console output.
std::string RenderText(const ScenarioResult& result, bool verbose = false);
// "N passed, M failed" and the failing files, one line each.
std::string RenderSummary(const std::vector<ScenarioResult>& results);

nlohmann::json ToJson(const ScenarioResult& result);
nlohmann::json ToJson(const std::vector<ScenarioResult>& results);

std::string JUnitXml(const std::vector<ScenarioResult>& results);
// Atomic write of JUnitXml to `path`.
fixer::Status WriteJUnit(const std::vector<ScenarioResult>& results, const std::string& path);

}  // namespace sim
