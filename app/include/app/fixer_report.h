// FixerReport: a fixer run (diagnosis, plan, result) as readable text or as JSON, for the
// `aspnet-fixer` command and the scenario reports (both run the verbs of app/verbs.h). Never
// prints a password: the fixer's structures hold none, and the processModel password is not
// part of a diagnosis.
//
//   fixer::RunResult result = repair.Apply();
//   std::string text = app::RenderRunText(result);
//   std::string json = app::RunToJson(result).dump(2);
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "fixer/outcome.h"

namespace app {

std::string RenderDiagnosisText(const fixer::Diagnosis& d);
std::string RenderPlanText(const fixer::Plan& p);
std::string RenderRunText(const fixer::RunResult& r);

nlohmann::json DiagnosisToJson(const fixer::Diagnosis& d);
nlohmann::json PlanToJson(const fixer::Plan& p);
nlohmann::json RunToJson(const fixer::RunResult& r);

}  // namespace app
