#include "app/fixer_report.h"

#include <sstream>

namespace app {
namespace {

std::string Hex(uint32_t v) {
  std::ostringstream out;
  out << "0x" << std::hex << v;
  return out.str();
}

}  // namespace

std::string RenderDiagnosisText(const fixer::Diagnosis& d) {
  std::ostringstream out;
  out << "Diagnosis: " << fixer::ToString(d.verdict) << "\n";
  out << "  caller:      " << d.caller.name << (d.caller.is_admin ? " (administrator)" : " (not an administrator)")
      << "\n";
  if (d.verdict == fixer::Verdict::kNotAdmin) return out.str();
  out << "  system:      " << fixer::ToString(d.os.edition) << " SP" << d.os.service_pack << ", "
      << fixer::ToString(d.web_server.kind) << (d.web_server.iis5_isolation_mode ? " (IIS 5 isolation)" : "")
      << ", computer " << d.os.computer_name << "\n";
  out << "  frameworks:  ";
  if (d.frameworks.empty()) out << "none";
  for (size_t i = 0; i < d.frameworks.size(); ++i)
    out << (i ? ", " : "") << d.frameworks[i].version << " (processModel userName=\""
        << d.frameworks[i].process_model_user << "\"" << (d.frameworks[i].tools_present ? "" : ", tools missing")
        << ")";
  out << "\n  hotfixes:    ";
  if (d.hotfixes.empty()) out << "none";
  for (size_t i = 0; i < d.hotfixes.size(); ++i) out << (i ? ", " : "") << d.hotfixes[i];
  out << "\n  worker:      " << d.worker.account << " (" << fixer::ToString(d.worker.kind) << ")";
  if (d.worker.exists) {
    out << ", SID " << d.worker.sid << ", profile "
        << (d.worker.has_profile ? d.worker.profile_path : std::string("none"));
    if (d.worker.flags.disabled) out << ", disabled";
    if (d.worker.flags.locked_out) out << ", locked out";
  } else {
    out << ", account does not exist";
  }
  out << "\n  symptom:     " << fixer::ToString(d.symptom) << "\n";
  for (const auto& p : d.probes)
    out << "    GET " << p.application << " -> "
        << (p.answered ? std::to_string(p.status) + (p.symptom ? " Server Application Unavailable" : "") : p.error)
        << "\n";
  out << "  causes:\n";
  for (const auto& c : d.causes) out << "    [" << (c.met ? "x" : " ") << "] " << c.id << ": " << c.detail << "\n";
  for (const auto& m : d.missing) out << "  missing:     " << m << "\n";
  if (!d.worker_start.empty()) out << "  worker start, in the order Windows checks it:\n";
  for (const auto& w : d.worker_start)
    out << "    [" << (w.met ? "x" : " ") << "] " << w.id << ": " << w.detail
        << (w.met ? "" : " -> " + std::string(fixer::ToString(w.remedy))) << "\n";
  const auto& s = d.scope;
  if (!s.services_to_stop.empty()) {
    out << "  would stop:  ";
    for (size_t i = 0; i < s.services_to_stop.size(); ++i) out << (i ? ", " : "") << s.services_to_stop[i];
    out << "\n";
  }
  if (!s.rights.empty()) {
    out << "  rights:      ";
    for (size_t i = 0; i < s.rights.size(); ++i) out << (i ? ", " : "") << s.rights[i];
    out << "\n";
  }
  for (const auto& o : s.aces)
    for (const auto& a : o.aces)
      out << "  ACE:         " << fixer::ToString(o.object.ns) << " " << o.object.path << " "
          << (a.type == fixer::AceType::kAllow ? "allow " : "deny ") << Hex(a.mask) << "\n";
  for (const auto& l : s.sql_logins) out << "  SQL login:   " << l.name << "\n";
  for (const auto& u : s.db_users) out << "  DB user:     " << u.database << "." << u.name << "\n";
  for (const auto& n : d.notes) out << "  note:        " << n << "\n";
  return out.str();
}

std::string RenderPlanText(const fixer::Plan& p) {
  std::ostringstream out;
  if (p.refusal) {
    out << "Refused (" << fixer::ToString(p.refusal->reason) << "): " << p.refusal->why << "\n";
    out << "Instead: " << p.refusal->instead << "\n";
    return out.str();
  }
  if (p.nothing_to_do) return "Plan: nothing to do.\n";
  out << "Plan (" << fixer::ToString(p.strategy) << ", account " << p.account << " " << p.sid << "):\n";
  int n = 1;
  for (const auto& s : p.steps) {
    out << "  " << n++ << ". " << s.id << ": " << s.action << "\n";
    out << "     undo: " << (s.irreversible ? "(irreversible: failures after this go forward) " : "") << s.undo << "\n";
  }
  for (const auto& r : p.repairs) out << "  also repairs: " << r << "\n";
  return out.str();
}

std::string RenderRunText(const fixer::RunResult& r) {
  std::ostringstream out;
  if (r.diagnosis) out << RenderDiagnosisText(*r.diagnosis);
  if (r.plan)
    out << RenderPlanText(*r.plan);
  else if (r.refusal)
    out << "Refused (" << fixer::ToString(r.refusal->reason) << "): " << r.refusal->why
        << "\nInstead: " << r.refusal->instead << "\n";
  for (const auto& s : r.steps_done) out << "  done:    " << s << "\n";
  for (const auto& s : r.steps_undone) out << "  undone:  " << s << "\n";
  for (const auto& e : r.errors) out << "  error:   " << e.step << ": " << e.code << ": " << e.message << "\n";
  for (const auto& g : r.regranted)
    out << "  regrant: " << g.kind << " " << g.what << (g.ok ? "" : " FAILED: " + g.error) << "\n";
  for (const auto& m : r.messages) out << "  " << m << "\n";
  out << "Outcome: " << fixer::ToString(r.outcome) << " (exit " << fixer::ToInt(r.exit_code()) << ")\n";
  return out.str();
}

nlohmann::json DiagnosisToJson(const fixer::Diagnosis& d) {
  using nlohmann::json;
  json j;
  j["verdict"] = fixer::ToString(d.verdict);
  j["affected"] = d.affected();
  j["caller"] = {{"name", d.caller.name}, {"is_admin", d.caller.is_admin}};
  j["os"] = {{"edition", fixer::ToString(d.os.edition)},
             {"service_pack", d.os.service_pack},
             {"computer_name", d.os.computer_name}};
  j["web_server"] = {{"kind", fixer::ToString(d.web_server.kind)},
                     {"iis5_isolation_mode", d.web_server.iis5_isolation_mode}};
  j["frameworks"] = json::array();
  for (const auto& f : d.frameworks)
    j["frameworks"].push_back(
        {{"version", f.version}, {"tools_present", f.tools_present}, {"process_model_user", f.process_model_user}});
  j["hotfixes"] = d.hotfixes;
  j["worker"] = {{"kind", fixer::ToString(d.worker.kind)},
                 {"configured", d.worker.configured},
                 {"account", d.worker.account},
                 {"exists", d.worker.exists},
                 {"sid", d.worker.exists ? d.worker.sid.ToString() : ""},
                 {"disabled", d.worker.flags.disabled},
                 {"locked_out", d.worker.flags.locked_out},
                 {"has_profile", d.worker.has_profile},
                 {"profile_path", d.worker.profile_path}};
  j["symptom"] = fixer::ToString(d.symptom);
  j["probes"] = json::array();
  for (const auto& p : d.probes)
    j["probes"].push_back({{"application", p.application},
                           {"answered", p.answered},
                           {"status", p.status},
                           {"symptom", p.symptom},
                           {"error", p.error}});
  j["causes"] = json::array();
  for (const auto& c : d.causes) j["causes"].push_back({{"id", c.id}, {"met", c.met}, {"detail", c.detail}});
  j["missing"] = d.missing;
  j["worker_start"] = json::array();
  for (const auto& w : d.worker_start)
    j["worker_start"].push_back({{"id", w.id},
                                 {"met", w.met},
                                 {"error", w.error},
                                 {"detail", w.detail},
                                 {"remedy", fixer::ToString(w.remedy)}});
  j["fixed_by_this_tool"] = d.fixed_by_this_tool;
  json scope;
  scope["services_to_stop"] = d.scope.services_to_stop;
  scope["rights"] = d.scope.rights;
  scope["groups"] = d.scope.groups;
  scope["aces"] = json::array();
  for (const auto& o : d.scope.aces)
    for (const auto& a : o.aces)
      scope["aces"].push_back({{"namespace", fixer::ToString(o.object.ns)},
                               {"path", o.object.path},
                               {"type", a.type == fixer::AceType::kAllow ? "allow" : "deny"},
                               {"mask", Hex(a.mask)},
                               {"flags", Hex(a.flags)}});
  scope["sql_logins"] = json::array();
  for (const auto& l : d.scope.sql_logins) scope["sql_logins"].push_back(l.name);
  scope["db_users"] = json::array();
  for (const auto& u : d.scope.db_users) scope["db_users"].push_back(u.database + "." + u.name);
  j["scope"] = scope;
  j["notes"] = d.notes;
  return j;
}

nlohmann::json PlanToJson(const fixer::Plan& p) {
  using nlohmann::json;
  json j;
  j["strategy"] = fixer::ToString(p.strategy);
  j["account"] = p.account;
  j["sid"] = p.sid.ToString();
  j["nothing_to_do"] = p.nothing_to_do;
  j["steps"] = json::array();
  for (const auto& s : p.steps)
    j["steps"].push_back({{"id", s.id}, {"action", s.action}, {"undo", s.undo}, {"irreversible", s.irreversible}});
  if (p.refusal)
    j["refusal"] = {
        {"reason", fixer::ToString(p.refusal->reason)}, {"why", p.refusal->why}, {"instead", p.refusal->instead}};
  return j;
}

nlohmann::json RunToJson(const fixer::RunResult& r) {
  using nlohmann::json;
  json j;
  j["outcome"] = fixer::ToString(r.outcome);
  j["exit_code"] = fixer::ToInt(r.exit_code());
  if (r.diagnosis) j["diagnosis"] = DiagnosisToJson(*r.diagnosis);
  if (r.plan) j["plan"] = PlanToJson(*r.plan);
  if (r.refusal)
    j["refusal"] = {
        {"reason", fixer::ToString(r.refusal->reason)}, {"why", r.refusal->why}, {"instead", r.refusal->instead}};
  j["steps_done"] = r.steps_done;
  j["steps_undone"] = r.steps_undone;
  j["errors"] = json::array();
  for (const auto& e : r.errors) j["errors"].push_back({{"step", e.step}, {"code", e.code}, {"message", e.message}});
  j["regranted"] = json::array();
  for (const auto& g : r.regranted)
    j["regranted"].push_back({{"kind", g.kind}, {"what", g.what}, {"ok", g.ok}, {"error", g.error}});
  j["messages"] = r.messages;
  return j;
}

}  // namespace app
