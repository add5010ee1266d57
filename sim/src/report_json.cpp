// Scenario runs as JSON: the same facts as the text report, for tools.
#include "sim/report.h"

#include <nlohmann/json.hpp>

namespace sim {
namespace {

nlohmann::json CheckJson(const CheckResult& c) {
  return {{"kind", c.kind},         {"what", c.what},     {"passed", c.passed},
          {"expected", c.expected}, {"actual", c.actual}, {"at", c.pos.ToString()}};
}

nlohmann::json StepJson(const StepResult& s) {
  nlohmann::json changes = nlohmann::json::array();
  for (const Change& c : s.changes) {
    nlohmann::json change = {{"path", c.path}, {"before", c.before}, {"after", c.after}};
    // An entry added or removed whole ("(entry)"): its fields, uncut (an event's text among them).
    if (!c.fields.empty()) {
      change["fields"] = nlohmann::json::object();
      for (const ChangeField& f : c.fields) change["fields"][f.name] = f.value;
    }
    changes.push_back(std::move(change));
  }
  nlohmann::json checks = nlohmann::json::array();
  for (const CheckResult& c : s.checks) checks.push_back(CheckJson(c));
  nlohmann::json j = {{"kind", s.step.kind},         {"at", s.step.pos.ToString()}, {"ran", s.report.ran},
                      {"summary", s.report.summary}, {"output", s.report.output},   {"changes", std::move(changes)},
                      {"checks", std::move(checks)}};
  if (!s.report.ran) j["error"] = s.report.error;
  return j;
}

}  // namespace

nlohmann::json ToJson(const ScenarioResult& r) {
  nlohmann::json steps = nlohmann::json::array();
  for (const StepResult& s : r.steps) steps.push_back(StepJson(s));
  nlohmann::json j = {{"file", r.file},     {"name", r.name},       {"summary", r.summary},
                      {"passed", r.passed}, {"seconds", r.seconds}, {"steps", std::move(steps)}};
  if (!r.error.empty()) j["error"] = r.error;
  if (r.load_error) {
    j["load_error"] = {{"file", r.load_error->file},
                       {"line", r.load_error->line},
                       {"column", r.load_error->column},
                       {"message", r.load_error->message}};
  }
  return j;
}

nlohmann::json ToJson(const std::vector<ScenarioResult>& results) {
  nlohmann::json all = nlohmann::json::array();
  for (const ScenarioResult& r : results) all.push_back(ToJson(r));
  const RunTotals t = TotalsOf(results);
  return {{"passed", t.passed}, {"failed", t.failed}, {"scenarios", std::move(all)}};
}

}  // namespace sim
