#include "sim/expectations.h"

#include <algorithm>
#include <functional>
#include <map>

#include "fakes/account_lockout.h"
#include "fakes/logon.h"
#include "fakes/lsa.h"
#include "fakes/objects.h"
#include "fakes/sam.h"
#include "fakes/scm.h"
#include "fakes/sql.h"

namespace sim {
namespace {

struct BadCheck {
  std::string message;
};

std::string A(const Expectation& e, const std::string& key, const std::string& fallback = "") {
  auto it = e.args.find(key);
  return it == e.args.end() ? fallback : it->second;
}

std::string Need(const Expectation& e, const std::string& key) {
  auto it = e.args.find(key);
  if (it == e.args.end() || it->second.empty())
    throw BadCheck{"expect '" + e.kind + "' needs '" + key + "'"};
  return it->second;
}

bool Bool(const Expectation& e, const std::string& key, bool fallback) {
  auto it = e.args.find(key);
  if (it == e.args.end()) return fallback;
  if (it->second == "true" || it->second == "yes") return true;
  if (it->second == "false" || it->second == "no") return false;
  throw BadCheck{"expect '" + e.kind + "': '" + key + "' must be true or false"};
}

std::string B(bool b) { return b ? "true" : "false"; }

CheckResult Compare(const Expectation& e, std::string what, std::string expected, std::string actual) {
  const bool passed = expected == actual;
  return {e.kind, std::move(what), passed, std::move(expected), std::move(actual), e.pos};
}

const LastResponse& Response(RunContext& ctx) {
  if (!ctx.response) throw BadCheck{"no request has been made yet"};
  return *ctx.response;
}

std::optional<fixer::Sid> CurrentSid(RunContext& ctx, const std::string& name) {
  fakes::Sam sam(ctx.machine);
  const fakes::UserAccount* u = sam.FindUser(name);
  if (!u) return std::nullopt;
  return sam.SidOf(*u);
}

std::optional<fixer::Sid> InitialSid(RunContext& ctx, const std::string& name) {
  fakes::Machine initial(ctx.initial_state);
  fakes::Sam sam(initial);
  const fakes::UserAccount* u = sam.FindUser(name);
  if (!u) return std::nullopt;
  return sam.SidOf(*u);
}

CheckResult Status(RunContext& ctx, const Expectation& e) {
  const auto& r = Response(ctx);
  return Compare(e, "status of " + r.app, Need(e, "code"), std::to_string(r.status));
}

CheckResult PageContains(RunContext& ctx, const Expectation& e) {
  const auto& r = Response(ctx);
  const std::string text = Need(e, "text");
  return {e.kind, "page of " + r.app, r.page.find(text) != std::string::npos,
          "a page containing \"" + text + "\"", r.page.substr(0, 120), e.pos};
}

CheckResult ExitCode(RunContext& ctx, const Expectation& e) {
  if (!ctx.exit_code) throw BadCheck{"nothing has run yet, so there is no exit code"};
  return Compare(e, "exit code", Need(e, "code"), std::to_string(*ctx.exit_code));
}

CheckResult Outcome(RunContext& ctx, const Expectation& e) {
  if (!ctx.fixer) throw BadCheck{"the fixer has not run yet"};
  return Compare(e, "fixer outcome", Need(e, "name"), ctx.fixer->outcome);
}

CheckResult OutputContains(RunContext& ctx, const Expectation& e, bool want) {
  const std::string text = Need(e, "text");
  const bool found = ctx.output.find(text) != std::string::npos;
  return {e.kind, "output", found == want, std::string(want ? "contains" : "lacks") + " \"" + text + "\"",
          found ? "it is there" : "it is not there", e.pos};
}

CheckResult Account(RunContext& ctx, const Expectation& e) {
  const std::string name = Need(e, "name");
  fakes::Sam sam(ctx.machine);
  const fakes::UserAccount* u = sam.FindUser(name);
  if (e.args.count("exists")) {
    CheckResult r = Compare(e, "account " + name + " exists", B(Bool(e, "exists", true)), B(u != nullptr));
    if (!r.passed || !u) return r;
  } else if (!u) {
    return {e.kind, "account " + name, false, "an account", "no such account", e.pos};
  }
  if (e.args.count("sid")) {
    const std::string want = A(e, "sid");
    if (want != "unchanged" && want != "changed")
      throw BadCheck{"expect 'account': sid must be unchanged or changed"};
    auto before = InitialSid(ctx, name);
    const fixer::Sid now = sam.SidOf(*u);
    const bool same = before && *before == now;
    CheckResult r{e.kind, "SID of " + name, (want == "unchanged") == same, want,
                  (before ? before->ToString() : std::string("(none)")) + " -> " + now.ToString(), e.pos};
    if (!r.passed) return r;
  }
  if (e.args.count("disabled")) {
    auto r = Compare(e, name + " disabled", B(Bool(e, "disabled", false)), B(u->flags.disabled));
    if (!r.passed) return r;
  }
  if (e.args.count("locked_out")) {
    // As Windows reports it: a lockout whose duration has passed reads as unlocked.
    const bool locked = fakes::IsLockedOutNow(*u, ctx.machine.state());
    auto r = Compare(e, name + " locked out", B(Bool(e, "locked_out", false)), B(locked));
    if (!r.passed) return r;
  }
  if (e.args.count("member_of")) {
    const std::string group = A(e, "member_of");
    bool member = false;
    for (const auto& g : sam.GroupsOf(sam.SidOf(*u))) {
      auto n = sam.LookupSid(g);
      member = member || (n && fakes::EqualsIgnoreCase(*n, group));
    }
    auto r = Compare(e, name + " member of " + group, "true", B(member));
    if (!r.passed) return r;
  }
  return {e.kind, "account " + name, true, "as described", "as described", e.pos};
}

CheckResult Profile(RunContext& ctx, const Expectation& e) {
  const std::string name = Need(e, "account");
  auto sid = CurrentSid(ctx, name);
  if (!sid) return {e.kind, "profile of " + name, false, "an account", "no such account", e.pos};
  const fakes::ProfileEntry* p = nullptr;
  for (const auto& entry : ctx.machine.state().profiles) if (entry.sid == *sid) p = &entry;
  if (e.args.count("exists") || !e.args.count("path")) {
    auto r = Compare(e, "profile of " + name + " exists", B(Bool(e, "exists", true)), B(p != nullptr));
    if (!r.passed || !p) return r;
  }
  if (e.args.count("path")) {
    return {e.kind, "profile path of " + name, p && fakes::EqualsIgnoreCase(p->path, A(e, "path")),
            A(e, "path"), p ? p->path : "(no profile)", e.pos};
  }
  return {e.kind, "profile of " + name, true, "exists", "exists", e.pos};
}

CheckResult Service(RunContext& ctx, const Expectation& e) {
  const std::string name = Need(e, "name");
  const fixer::ServiceInfo* s = fakes::Scm(ctx.machine).Find(name);
  if (!s) return {e.kind, "service " + name, false, "installed", "not installed", e.pos};
  if (e.args.count("start_type")) {
    auto r = Compare(e, "start type of " + name, A(e, "start_type"), std::string(fixer::ToString(s->start_type)));
    if (!r.passed) return r;
  }
  return Compare(e, "state of " + name, A(e, "state", "running"), std::string(fixer::ToString(s->state)));
}

CheckResult ServicesAsBefore(RunContext& ctx, const Expectation& e) {
  if (!ctx.fixer) throw BadCheck{"the fixer has not run yet"};
  std::string diffs;
  for (const auto& before : ctx.fixer->before.services) {
    const fixer::ServiceInfo* now = fakes::Scm(ctx.machine).Find(before.name);
    const std::string was(fixer::ToString(before.state));
    const std::string is = now ? std::string(fixer::ToString(now->state)) : "absent";
    if (was != is) diffs += (diffs.empty() ? "" : ", ") + before.name + " " + was + " -> " + is;
  }
  return {e.kind, "services after the fixer", diffs.empty(), "as before", diffs.empty() ? "as before" : diffs, e.pos};
}

CheckResult Right(RunContext& ctx, const Expectation& e) {
  const std::string who = Need(e, "principal");
  auto sid = fakes::Sam(ctx.machine).LookupName(who);
  if (!sid) return {e.kind, "rights of " + who, false, "an account", "no such principal", e.pos};
  auto held = fakes::Lsa(ctx.machine).RightsOf(*sid);
  auto has = [&](const std::string& r) { return std::find(held.begin(), held.end(), r) != held.end(); };
  if (e.args.count("has") && !has(A(e, "has")))
    return {e.kind, "rights of " + who, false, "holds " + A(e, "has"), "does not", e.pos};
  if (e.args.count("lacks") && has(A(e, "lacks")))
    return {e.kind, "rights of " + who, false, "lacks " + A(e, "lacks"), "holds it", e.pos};
  return {e.kind, "rights of " + who, true, "as described", "as described", e.pos};
}

fixer::ObjectNamespace Ns(const std::string& s) {
  if (s.empty() || s == "file") return fixer::ObjectNamespace::kFile;
  if (s == "registry") return fixer::ObjectNamespace::kRegistry;
  if (s == "metabase") return fixer::ObjectNamespace::kMetabase;
  throw BadCheck{"namespace must be file, registry or metabase"};
}

CheckResult AceCheck(RunContext& ctx, const Expectation& e) {
  const std::string path = Need(e, "path");
  const std::string who = Need(e, "principal");
  fixer::ObjectRef ref{Ns(A(e, "namespace")), path};
  const fakes::SecurableObject* obj = fakes::ObjectStore(ctx.machine).Find(ref);
  if (!obj) return {e.kind, "ACL of " + path, false, "an object", "no such object", e.pos};
  auto now = CurrentSid(ctx, who);
  auto initial = InitialSid(ctx, who);
  bool names_current = false, names_dead = false;
  for (const auto& ace : obj->dacl) {
    if (now && ace.sid == *now) names_current = true;
    else if (initial && ace.sid == *initial) names_dead = true;
  }
  std::string actual = names_current ? "an ACE names " + who + "'s current SID"
                                     : (names_dead ? "only the old SID " + initial->ToString() : "no ACE for " + who);
  if (e.args.count("orphaned"))
    return {e.kind, "ACL of " + path, names_dead == Bool(e, "orphaned", true),
            Bool(e, "orphaned", true) ? "an orphaned ACE (old SID)" : "no orphaned ACE", actual, e.pos};
  const bool want = Bool(e, "works", true);
  return {e.kind, "ACL of " + path, names_current == want,
          want ? "an ACE names " + who + "'s current SID" : "no ACE for " + who + "'s current SID", actual, e.pos};
}

CheckResult Event(RunContext& ctx, const Expectation& e) {
  bool found = false;
  for (const auto& ev : ctx.machine.state().events) {
    if (e.args.count("id") && std::to_string(ev.id) != A(e, "id")) continue;
    if (e.args.count("source_contains") && ev.source.find(A(e, "source_contains")) == std::string::npos) continue;
    if (e.args.count("text_contains") && ev.text.find(A(e, "text_contains")) == std::string::npos) continue;
    found = true;
  }
  const bool want = Bool(e, "present", true);
  return {e.kind, "event log", found == want, want ? "a matching entry" : "no matching entry",
          found ? "a matching entry" : "none", e.pos};
}

CheckResult SqlLogin(RunContext& ctx, const Expectation& e) {
  const std::string name = Need(e, "account");
  auto sid = CurrentSid(ctx, name);
  const bool works = sid && fakes::SqlServer(ctx.machine).LoginWorksFor(*sid);
  return Compare(e, "SQL login of " + name + " works", B(Bool(e, "works", true)), B(works));
}

CheckResult PasswordValid(RunContext& ctx, const Expectation& e) {
  const std::string user = Need(e, "user");
  // A probe on a copy: checking must not count a bad password against the real machine.
  fakes::Machine probe(ctx.machine.state());
  auto token = fakes::LogonService(probe).LogonUser(user, fixer::Secret::FromString(A(e, "password")),
                                                   fakes::LogonType::kNetwork);
  // Any answer but 1326 means the password matched (restrictions are checked after it).
  const bool valid = token.ok() || token.status().code() != fixer::kErrorLogonFailure;
  // Which password is not shown: it may be a secret of the scenario.
  return Compare(e, "the given password of " + user + " is valid", B(Bool(e, "valid", true)), B(valid));
}

CheckResult Regranted(RunContext& ctx, const Expectation& e) {
  if (!ctx.fixer) throw BadCheck{"the fixer has not run yet"};
  return Compare(e, "grants re-granted", Need(e, "count"), std::to_string(ctx.fixer->regranted));
}

CheckResult MachineUnchanged(RunContext& ctx, const Expectation& e) {
  auto changes = DiffMachines(ctx.before_step, ctx.machine.state());
  std::string actual = changes.empty() ? "no change" : std::to_string(changes.size()) + " changes, first " + changes[0].path;
  return {e.kind, "machine", changes.empty(), "no change", actual, e.pos};
}

using CheckFn = std::function<CheckResult(RunContext&, const Expectation&)>;

const std::map<std::string, CheckFn>& Checks() {
  static const std::map<std::string, CheckFn> kChecks = {
      {"status", Status},
      {"page_contains", PageContains},
      {"exit_code", ExitCode},
      {"outcome", Outcome},
      {"output_contains", [](RunContext& c, const Expectation& e) { return OutputContains(c, e, true); }},
      {"output_lacks", [](RunContext& c, const Expectation& e) { return OutputContains(c, e, false); }},
      {"account", Account},
      {"profile", Profile},
      {"service", Service},
      {"services_as_before", ServicesAsBefore},
      {"right", Right},
      {"ace", AceCheck},
      {"event", Event},
      {"sql_login", SqlLogin},
      {"password_valid", PasswordValid},
      {"regranted", Regranted},
      {"machine_unchanged", MachineUnchanged},
  };
  return kChecks;
}

}  // namespace

CheckResult CheckExpectation(RunContext& ctx, const Expectation& e) {
  auto it = Checks().find(e.kind);
  if (it == Checks().end()) return {e.kind, e.kind, false, "a known check", "unknown check", e.pos};
  try {
    return it->second(ctx, e);
  } catch (const BadCheck& bad) {
    return {e.kind, e.kind, false, "a check that can be evaluated", bad.message, e.pos};
  }
}

}  // namespace sim
