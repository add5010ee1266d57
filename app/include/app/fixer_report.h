// FixerReport: a fixer run (diagnosis, plan, result) as readable text or as JSON, for the
// `aspnet-fixer` command and the scenario reports (both run the verbs of app/verbs.h). Never
// prints a password: the fixer's structures hold none, and the processModel password is not
// part of a diagnosis. The Append* functions write the same texts at the end of a buffer, so a
// transcript made of several parts is written into one buffer, with no stream and no string per
// part (app::RunTranscript).
//
//   fixer::RunResult result = repair.Apply();
//   std::string text = app::RenderRunText(result);
//   std::string json = app::RunToJson(result).dump(2);
//   app::TextBuffer out;
//   app::AppendRunText(out, result);   // fmt::to_string(out) == text
//   std::string head = app::RenderRunHead(result);   // text == head + the tail (AppendRunTail)
#pragma once

#include <string>

#include <fmt/format.h>
#include <nlohmann/json_fwd.hpp>

#include "fixer/outcome.h"

namespace app {

// Where the texts are written: a run's transcript (its log, report and diagnosis; about 3 to 16 KB)
// fits the inline bytes, so rendering one allocates only the string made of it at the end.
using TextBuffer = fmt::basic_memory_buffer<char, 16384>;

void AppendDiagnosisText(TextBuffer& out, const fixer::Diagnosis& d);
void AppendPlanText(TextBuffer& out, const fixer::Plan& p);
void AppendRunText(TextBuffer& out, const fixer::RunResult& r);
// AppendRunText in two parts, the head then the tail: the run's diagnosis and plan, which an apply
// works out before its first change (so every apply of one machine prints the same head), and the
// rest (a refusal made without a plan, the steps, errors, messages and outcome).
void AppendRunHead(TextBuffer& out, const fixer::RunResult& r);
// `outcome_line` false: without the closing "Outcome: ..." line (a run interrupted after its result says its own).
void AppendRunTail(TextBuffer& out, const fixer::RunResult& r, bool outcome_line = true);

std::string RenderDiagnosisText(const fixer::Diagnosis& d);
std::string RenderPlanText(const fixer::Plan& p);
std::string RenderRunText(const fixer::RunResult& r);
std::string RenderRunHead(const fixer::RunResult& r);

nlohmann::json DiagnosisToJson(const fixer::Diagnosis& d);
nlohmann::json PlanToJson(const fixer::Plan& p);
nlohmann::json RunToJson(const fixer::RunResult& r);

}  // namespace app
