#include "app/fixer_report.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/compile.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/json_text.h"
#include "fixer/ports/aspnet.h"
#include "fixer/result.h"

namespace app {
namespace {

// "a, b, c", or `none` for an empty list.
void AppendList(TextBuffer& out, const std::vector<std::string>& items, std::string_view none = {}) {
  if (items.empty()) out.append(none);
  for (size_t i = 0; i < items.size(); ++i)
    fmt::format_to(fmt::appender(out), FMT_COMPILE("{}{}"), i ? ", " : "", items[i]);
}

void AppendRefusal(TextBuffer& out, const fixer::Refusal& r) {
  fmt::format_to(fmt::appender(out), FMT_COMPILE("Refused ({}): {}\nInstead: {}\n"), fixer::ToString(r.reason), r.why,
                 r.instead);
}

std::string_view Box(bool met) { return met ? "x" : " "; }

// Whether the worker's account was looked up: never without ASP.NET 1.0 (no worker is read), for
// a domain account, or for a user name the registry did not give.
bool AccountLookedUp(const fixer::WorkerIdentity& w) {
  return w.read && (w.exists || (w.local && w.credential_error == 0));
}

// The diagnosis' worker line: who it runs as and what was found of that account.
void AppendWorker(TextBuffer& out, const fixer::WorkerIdentity& w) {
  auto to = fmt::appender(out);
  if (!w.read) {
    fmt::format_to(to,
                   FMT_COMPILE("\n  worker:      not read: ASP.NET {} is not installed, and its processModel names "
                               "the worker"),
                   fixer::kFramework10);
    return;
  }
  fmt::format_to(to, FMT_COMPILE("\n  worker:      {} ({})"), w.account.empty() ? w.configured : w.account,
                 fixer::ToString(w.kind));
  if (w.exists) {
    fmt::format_to(to, FMT_COMPILE(", SID {}, profile {}{}{}"), w.sid,
                   !w.has_profile           ? std::string_view("none")
                   : w.profile_path.empty() ? std::string_view("(its folder is not in ProfileList)")
                                            : std::string_view(w.profile_path),
                   w.flags.disabled ? ", disabled" : "", w.flags.locked_out ? ", locked out" : "");
  } else if (w.credential_error != 0) {
    fmt::format_to(to, FMT_COMPILE(", its user name cannot be read ({})"), fixer::Status::Win(w.credential_error));
  } else if (!w.local) {
    out.append(std::string_view(", not a local account: not read"));
  } else {
    out.append(std::string_view(", account does not exist"));
  }
}

}  // namespace

void AppendDiagnosisText(TextBuffer& out, const fixer::Diagnosis& d) {
  auto to = fmt::appender(out);
  fmt::format_to(to, FMT_COMPILE("Diagnosis: {}\n  caller:      {}{}\n"), fixer::ToString(d.verdict), d.caller.name,
                 d.caller.is_admin ? " (administrator)" : " (not an administrator)");
  if (d.verdict == fixer::Verdict::kNotAdmin) return;
  fmt::format_to(to, FMT_COMPILE("  system:      {} SP{}, {}{}, computer {}\n  frameworks:  "),
                 fixer::ToString(d.os.edition), d.os.service_pack, fixer::WebServerText(d.web_server.kind),
                 d.web_server.iis5_isolation_mode ? " (IIS 5 isolation)" : "", d.os.computer_name);
  if (d.frameworks.empty()) out.append(std::string_view("none"));
  for (size_t i = 0; i < d.frameworks.size(); ++i) {
    const fixer::FrameworkSummary& f = d.frameworks[i];
    fmt::format_to(to, FMT_COMPILE("{}{} (processModel userName=\"{}\"{})"), i ? ", " : "", f.version,
                   f.process_model_user, f.tools_present ? "" : ", tools missing");
  }
  out.append(std::string_view("\n  hotfixes:    "));
  AppendList(out, d.hotfixes, "none");
  AppendWorker(out, d.worker);
  fmt::format_to(to, FMT_COMPILE("\n  symptom:     {}\n"), fixer::ToString(d.symptom));
  for (const auto& p : d.probes) {
    if (p.answered) {
      fmt::format_to(to, FMT_COMPILE("    GET {} -> {}{}\n"), p.application, p.status,
                     p.symptom ? " Server Application Unavailable" : "");
    } else if (!p.not_requested.empty()) {
      fmt::format_to(to, FMT_COMPILE("    GET {} -> {}\n"), p.application, p.not_requested);
    } else {
      fmt::format_to(to, FMT_COMPILE("    GET {} -> {}\n"), p.application, p.error);
    }
  }
  out.append(std::string_view("  causes:\n"));
  for (const auto& c : d.causes) fmt::format_to(to, FMT_COMPILE("    [{}] {}: {}\n"), Box(c.met), c.id, c.detail);
  for (const auto& m : d.missing) fmt::format_to(to, FMT_COMPILE("  missing:     {}\n"), m);
  if (!d.worker_start.empty()) out.append(std::string_view("  worker start, in the order Windows checks it:\n"));
  for (const auto& w : d.worker_start) {
    fmt::format_to(to, FMT_COMPILE("    [{}] {}: {}{}{}\n"), Box(w.met), w.id, w.Said(), w.met ? "" : " -> ",
                   w.met ? std::string_view() : fixer::ToString(w.remedy));
  }
  // A custom account's are what the profile logon its refusal advises needs: no step of the fixer's runs.
  if (!d.repair_needs.empty())
    out.append(d.worker.kind == fixer::WorkerKind::kMachineAccount
                   ? std::string_view("  the repair's own steps need:\n")
                   : std::string_view("  the profile logon the advice gives needs:\n"));
  for (const auto& n : d.repair_needs) {
    fmt::format_to(to, FMT_COMPILE("    [{}] {}: {}{}{}\n"), Box(n.met), n.id, n.Said(), n.met ? "" : " -> ",
                   n.met ? std::string_view() : fixer::ToString(n.remedy));
  }
  const auto& s = d.scope;
  if (!s.services_to_stop.empty()) {
    out.append(std::string_view("  would stop:  "));
    AppendList(out, s.services_to_stop);
    out.push_back('\n');
  }
  if (!s.services_paused.empty()) {
    out.append(std::string_view("  paused now:  "));
    AppendList(out, s.services_paused);
    out.append(std::string_view(" (paused again once started)\n"));
  }
  if (!s.rights.empty()) {
    out.append(std::string_view("  rights:      "));
    AppendList(out, s.rights);
    out.push_back('\n');
  }
  for (const auto& o : s.aces) {
    for (const auto& a : o.aces) {
      fmt::format_to(to, FMT_COMPILE("  ACE:         {} {} {}0x{:x}\n"), fixer::ToString(o.object.ns), o.object.path,
                     a.type == fixer::AceType::kAllow ? "allow " : "deny ", a.mask);
    }
  }
  for (const auto& l : s.sql_logins) fmt::format_to(to, FMT_COMPILE("  SQL login:   {}\n"), l.name);
  for (const auto& u : s.db_users) fmt::format_to(to, FMT_COMPILE("  DB user:     {}.{}\n"), u.database, u.name);
  for (const auto& n : d.notes) fmt::format_to(to, FMT_COMPILE("  note:        {}\n"), n);
}

void AppendPlanText(TextBuffer& out, const fixer::Plan& p) {
  if (p.refusal) {
    AppendRefusal(out, *p.refusal);
    return;
  }
  if (p.nothing_to_do) {
    out.append(std::string_view("Plan: nothing to do.\n"));
    return;
  }
  auto to = fmt::appender(out);
  fmt::format_to(to, FMT_COMPILE("Plan ({}, account {} {}):\n"), fixer::ToString(p.strategy), p.account, p.sid);
  int n = 1;
  for (const auto& s : p.steps) {
    fmt::format_to(to, FMT_COMPILE("  {}. {}: {}\n     undo: {}{}\n"), n++, s.id, s.action,
                   s.irreversible ? "(irreversible: failures after this go forward) " : "", s.undo);
  }
  for (const auto& r : p.repairs) fmt::format_to(to, FMT_COMPILE("  also repairs: {}\n"), r);
}

void AppendRunText(TextBuffer& out, const fixer::RunResult& r) {
  AppendRunHead(out, r);
  AppendRunTail(out, r);
}

void AppendRunHead(TextBuffer& out, const fixer::RunResult& r) {
  if (r.diagnosis) AppendDiagnosisText(out, *r.diagnosis);
  if (r.plan) AppendPlanText(out, *r.plan);
}

void AppendRunTail(TextBuffer& out, const fixer::RunResult& r, bool outcome_line) {
  if (!r.plan && r.refusal) AppendRefusal(out, *r.refusal);
  auto to = fmt::appender(out);
  for (const auto& s : r.steps_done) fmt::format_to(to, FMT_COMPILE("  done:    {}\n"), s);
  for (const auto& s : r.steps_undone) fmt::format_to(to, FMT_COMPILE("  undone:  {}\n"), s);
  // A dry run of resume or rollback: what the run itself would do.
  for (const auto& s : r.steps_to_run) fmt::format_to(to, FMT_COMPILE("  would run:  {}\n"), s);
  for (const auto& s : r.steps_to_undo) fmt::format_to(to, FMT_COMPILE("  would undo: {}\n"), s);
  for (const auto& e : r.errors) fmt::format_to(to, FMT_COMPILE("  error:   {}: {}: {}\n"), e.step, e.code, e.message);
  for (const auto& g : r.regranted) {
    fmt::format_to(to, FMT_COMPILE("  regrant: {} {}{}{}\n"), g.kind, g.what,
                   g.ok ? "" : " FAILED: ", g.ok ? std::string_view() : std::string_view(g.error));
  }
  // The refusal the head or the line above printed (its why and instead are also among the run's
  // messages, its account for the JSON): each said once.
  const std::optional<fixer::Refusal>& said = r.plan ? r.plan->refusal : r.refusal;
  const auto on_an_error_line = [&r](const std::string& m) {
    return std::any_of(r.errors.begin(), r.errors.end(), [&m](const fixer::StepFailure& e) { return e.message == m; });
  };
  for (const auto& m : r.messages) {
    if (said && (m == said->why || m == said->instead)) continue;
    if (on_an_error_line(m)) continue;  // said above with its number: `error:   journal: 87: ...`
    fmt::format_to(to, FMT_COMPILE("  {}\n"), m);
  }
  if (outcome_line)
    fmt::format_to(to, FMT_COMPILE("Outcome: {} (exit {})\n"), fixer::ToString(r.outcome), fixer::ToInt(r.exit_code()));
}

std::string RenderDiagnosisText(const fixer::Diagnosis& d) {
  TextBuffer out;
  AppendDiagnosisText(out, d);
  return fmt::to_string(out);
}

std::string RenderPlanText(const fixer::Plan& p) {
  TextBuffer out;
  AppendPlanText(out, p);
  return fmt::to_string(out);
}

std::string RenderRunText(const fixer::RunResult& r) {
  TextBuffer out;
  AppendRunText(out, r);
  return fmt::to_string(out);
}

std::string RenderRunHead(const fixer::RunResult& r) {
  TextBuffer out;
  AppendRunHead(out, r);
  return fmt::to_string(out);
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
  // What was not read is null, not false: "exists": false would say the account is not there. An
  // account that does not exist has no flags, no profile and no profile to be made: null too.
  const bool looked_up = AccountLookedUp(d.worker);
  auto known = [&](bool fact) { return looked_up ? json(fact) : json(nullptr); };
  auto of_account = [&](bool fact) { return looked_up && d.worker.exists ? json(fact) : json(nullptr); };
  j["worker"] = {{"read", d.worker.read},
                 {"kind", d.worker.read ? json(fixer::ToString(d.worker.kind)) : json(nullptr)},
                 {"configured", d.worker.configured},
                 {"account", d.worker.account},
                 {"exists", known(d.worker.exists)},
                 {"sid", d.worker.exists ? d.worker.sid.ToString() : ""},
                 {"disabled", of_account(d.worker.flags.disabled)},
                 {"locked_out", of_account(d.worker.flags.locked_out)},
                 {"has_profile", of_account(d.worker.has_profile)},
                 {"profile_path", d.worker.profile_path},
                 // without a usable profile: where the repair's logon will make one ("" when it has one)
                 {"new_profile_path", d.worker.exists ? json(d.worker.new_profile_path) : json(nullptr)}};
  j["symptom"] = fixer::ToString(d.symptom);
  j["probes"] = json::array();
  for (const auto& p : d.probes) {
    json probe = {{"application", p.application}, {"answered", p.answered}, {"status", p.status},
                  {"symptom", p.symptom},         {"error", p.error},       {"requested", p.not_requested.empty()}};
    if (!p.not_requested.empty()) probe["not_requested"] = p.not_requested;
    // What the request made the worker write to the Application log (on Windows it is there): its message.
    if (p.event) probe["event"] = {{"id", p.event->id}, {"source", p.event->source}, {"text", p.event->text}};
    j["probes"].push_back(std::move(probe));
  }
  // IIS 6.0 in worker process isolation mode: each ASP.NET 1.0 application's pool and its identity.
  j["app_pools"] = json::array();
  for (const auto& r : d.app_pools) {
    json pool = {{"application", r.application}, {"pool", r.pool}, {"identity", r.identity}};
    if (!r.error.ok()) pool["error"] = r.error.ToString();
    j["app_pools"].push_back(std::move(pool));
  }
  j["causes"] = json::array();
  for (const auto& c : d.causes) j["causes"].push_back({{"id", c.id}, {"met", c.met}, {"detail", c.detail}});
  j["missing"] = d.missing;
  j["worker_start"] = json::array();
  for (const auto& w : d.worker_start)
    j["worker_start"].push_back({{"id", w.id},
                                 {"met", w.met},
                                 {"error", w.error},
                                 {"detail", w.Said()},
                                 {"remedy", fixer::ToString(w.remedy)}});
  j["repair_needs"] = json::array();
  for (const auto& n : d.repair_needs)
    j["repair_needs"].push_back({{"id", n.id},
                                 {"met", n.met},
                                 {"error", n.error},
                                 {"detail", n.Said()},
                                 {"remedy", fixer::ToString(n.remedy)}});
  j["fixed_by_this_tool"] = d.fixed_by_this_tool;
  // The run of this fixer left unfinished (verdict repair-pending), or null.
  if (const std::optional<fixer::PendingRepair>& p = d.pending_repair) {
    j["pending_repair"] = {{"strategy", fixer::ToString(p->strategy)},
                           {"account", p->account},
                           {"sid", p->sid.ToString()},
                           {"done", p->done},
                           {"left", p->left},
                           {"begun", p->begun},
                           {"undoing", p->undoing},
                           {"rollback_rolls_forward", p->past_point_of_no_return && !p->undoing}};
  } else {
    j["pending_repair"] = nullptr;
  }
  // The worker's newest error event after this fixer's mark, or null.
  j["worker_error"] =
      d.worker_error
          ? json{{"source", d.worker_error->source}, {"id", d.worker_error->id}, {"text", d.worker_error->text}}
          : json(nullptr);
  json scope;
  scope["services_to_stop"] = d.scope.services_to_stop;
  scope["services_paused"] = d.scope.services_paused;
  scope["rights"] = d.scope.rights;
  scope["groups"] = d.scope.groups;
  scope["aces"] = json::array();
  for (const auto& o : d.scope.aces)
    for (const auto& a : o.aces)
      scope["aces"].push_back({{"namespace", fixer::ToString(o.object.ns)},
                               {"path", o.object.path},
                               {"type", a.type == fixer::AceType::kAllow ? "allow" : "deny"},
                               {"mask", HexNumber(a.mask)},
                               {"flags", HexNumber(a.flags)}});
  scope["sql_logins"] = json::array();
  for (const auto& l : d.scope.sql_logins) scope["sql_logins"].push_back(l.name);
  scope["db_users"] = json::array();
  for (const auto& u : d.scope.db_users) scope["db_users"].push_back(u.database + "." + u.name);
  // Logins named as the worker storing another SID, and what else still names that SID.
  scope["old_sids"] = json::array();
  for (const auto& old : d.scope.old_sids) {
    json logins = json::array(), users = json::array();
    for (const auto& l : old.logins) logins.push_back(l.name);
    for (const auto& u : old.db_users) users.push_back(u.database + "." + u.name);
    scope["old_sids"].push_back({{"sid", old.sid.ToString()},
                                 {"sql_logins", logins},
                                 {"db_users", users},
                                 {"aces", old.aces},
                                 {"rights", old.rights},
                                 {"profile_path", old.profile ? json(old.profile->path) : json(nullptr)},
                                 {"holder", old.holder.empty() ? json(nullptr) : json(old.holder)}});
  }
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
  j["steps_to_run"] = r.steps_to_run;
  j["steps_to_undo"] = r.steps_to_undo;
  j["errors"] = json::array();
  for (const auto& e : r.errors) j["errors"].push_back({{"step", e.step}, {"code", e.code}, {"message", e.message}});
  j["regranted"] = json::array();
  for (const auto& g : r.regranted)
    j["regranted"].push_back({{"kind", g.kind}, {"what", g.what}, {"ok", g.ok}, {"error", g.error}});
  j["messages"] = r.messages;
  return j;
}

}  // namespace app
