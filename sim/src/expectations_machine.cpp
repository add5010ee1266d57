// The checks on the machine as it is now: accounts, profiles, services, rights, ACEs, events,
// owners, SQL logins, passwords.
#include <algorithm>

#include "check_support.h"
#include "fakes/account_lockout.h"
#include "fakes/cacls_format.h"
#include "fakes/logon.h"
#include "fakes/lsa.h"
#include "fakes/objects.h"
#include "fakes/sam.h"
#include "fakes/scm.h"
#include "fakes/sql.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "sim/vocabulary.h"

namespace sim {
namespace {

using namespace checks;

// A principal as the steps name it ("ASPNET", "XPPRO\ASPNET", ".\ASPNET", "Users"), now and as the
// scenario began: a check must find what a step wrote under any of these names, or its negative
// form (`works: false`, `exists: false`) would pass on a name that finds nothing.
std::optional<fixer::Sid> SidIn(const fakes::MachineState& state, const std::string& name) {
  auto sid = fakes::LookupNameIn(state, name);
  return sid ? std::optional<fixer::Sid>(*sid) : std::nullopt;
}

std::optional<fixer::Sid> CurrentSid(RunContext& ctx, const std::string& name) {
  return SidIn(ctx.machine.state(), name);
}

std::optional<fixer::Sid> InitialSid(RunContext& ctx, const std::string& name) {
  return SidIn(ctx.initial_state, name);
}

// A local user's SID in `state` under any name LookupName takes for it; nullopt for a group, a
// well-known principal or no one.
std::optional<fixer::Sid> LocalUserSidIn(const fakes::MachineState& state, const std::string& name) {
  auto sid = SidIn(state, name);
  if (!sid || !sid->IsAccountSid() || sid->Domain() != state.sam.domain) return std::nullopt;
  return sid;
}

const fakes::UserAccount* NamedUser(RunContext& ctx, const std::string& name) {
  auto sid = LocalUserSidIn(ctx.machine.state(), name);
  return sid ? ctx.machine.state().sam.users.FindKey(sid->Rid()) : nullptr;
}

std::optional<fixer::Sid> InitialUserSid(RunContext& ctx, const std::string& name) {
  return LocalUserSidIn(ctx.initial_state, name);
}

CheckResult Account(RunContext& ctx, const Expectation& e) {
  const std::string name = Need(e, "name");
  fakes::Sam sam(ctx.machine);
  const fakes::UserAccount* u = NamedUser(ctx, name);
  if (e.args.count("exists")) {
    CheckResult r = Compare(e, "account " + name + " exists", B(Bool(e, "exists", true)), B(u != nullptr));
    if (!r.passed || !u) return r;
  } else if (!u) {
    return {e.kind, "account " + name, false, "an account", "no such account", e.pos};
  }
  if (e.args.count("sid")) {
    const std::string want = Arg(e, "sid");
    if (want != "unchanged" && want != "changed") throw BadCheck{"expect 'account': sid must be unchanged or changed"};
    auto before = InitialUserSid(ctx, name);
    const fixer::Sid now = sam.SidOf(*u);
    const bool same = before && *before == now;
    CheckResult r{e.kind,
                  "SID of " + name,
                  (want == "unchanged") == same,
                  want,
                  (before ? before->ToString() : std::string("(none)")) + " -> " + now.ToString(),
                  e.pos};
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
    const std::string group = Arg(e, "member_of");
    bool member = false;
    // A group by its name, or by its SID (`S-1-5-32-544`): the builtin group whatever its name.
    const bool by_sid = group.starts_with("S-1-") || group.starts_with("s-1-");
    for (const auto& g : sam.GroupsOf(sam.SidOf(*u))) {
      auto n = sam.LookupSid(g);
      member =
          member || (by_sid ? fixer::SameWindowsName(g.ToString(), group) : n && fixer::SameWindowsName(*n, group));
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
  for (const auto& entry : ctx.machine.state().profiles)
    if (entry.sid == *sid) p = &entry;
  if (e.args.count("exists") || !e.args.count("path")) {
    auto r = Compare(e, "profile of " + name + " exists", B(Bool(e, "exists", true)), B(p != nullptr));
    if (!r.passed || !p) return r;
  }
  if (e.args.count("path")) {
    return {e.kind,         "profile path of " + name,    p && fixer::SameWindowsName(p->path, Arg(e, "path")),
            Arg(e, "path"), p ? p->path : "(no profile)", e.pos};
  }
  return {e.kind, "profile of " + name, true, "exists", "exists", e.pos};
}

CheckResult Service(RunContext& ctx, const Expectation& e) {
  const std::string name = Need(e, "name");
  const fixer::ServiceInfo* s = fakes::Scm(ctx.machine).Find(name);
  if (!s) return {e.kind, "service " + name, false, "installed", "not installed", e.pos};
  if (e.args.count("start_type")) {
    auto r = Compare(e, "start type of " + name, Arg(e, "start_type"), std::string(fixer::ToString(s->start_type)));
    if (!r.passed) return r;
  }
  return Compare(e, "state of " + name, Arg(e, "state", "running"), std::string(fixer::ToString(s->state)));
}

// A right or privilege the model knows: a misspelt one would make `lacks` pass whatever is held.
std::optional<std::string> RightRule(const std::string& value) {
  if (fakes::IsKnownRight(value)) return std::nullopt;
  return "unknown right " + fixer::QuotedValue(value) +
         " (a user right or privilege such as SeBatchLogonRight or SeDenyInteractiveLogonRight)";
}

CheckResult Right(RunContext& ctx, const Expectation& e) {
  const std::string who = Need(e, "principal");
  auto sid = fakes::Sam(ctx.machine).LookupName(who);
  if (!sid) return {e.kind, "rights of " + who, false, "an account", "no such principal", e.pos};
  auto held = fakes::Lsa(ctx.machine).RightsOf(*sid);
  // LSA compares right names without case: the loader took only names it knows (RightRule).
  auto has = [&](const std::string& r) {
    const std::string* canonical = fakes::CanonicalRight(r);
    return canonical != nullptr && std::find(held.begin(), held.end(), *canonical) != held.end();
  };
  if (e.args.count("has") && !has(Arg(e, "has")))
    return {e.kind, "rights of " + who, false, "holds " + Arg(e, "has"), "does not", e.pos};
  if (e.args.count("lacks") && has(Arg(e, "lacks")))
    return {e.kind, "rights of " + who, false, "lacks " + Arg(e, "lacks"), "holds it", e.pos};
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
  fixer::ObjectRef ref{Ns(Arg(e, "namespace")), path};
  const fakes::SecurableObject* obj = fakes::ObjectStore(ctx.machine).Find(ref);
  if (!obj) return {e.kind, "ACL of " + path, false, "an object", "no such object", e.pos};
  auto now = CurrentSid(ctx, who);
  auto initial = InitialSid(ctx, who);
  // `inherited` given: only the ACEs inherited from a parent (the I flag) count, or only explicit ones.
  const std::optional<bool> inherited =
      e.args.count("inherited") ? std::optional<bool>(Bool(e, "inherited", true)) : std::nullopt;
  const std::string kind = !inherited ? "" : (*inherited ? "inherited " : "explicit ");
  bool names_current = false, names_dead = false;
  for (const auto& ace : obj->dacl) {
    if (inherited && ((ace.flags & fixer::kInheritedAce) != 0) != *inherited) continue;
    if (now && ace.sid == *now)
      names_current = true;
    else if (initial && ace.sid == *initial)
      names_dead = true;
  }
  std::string actual = names_current
                           ? "an " + kind + "ACE names " + who + "'s current SID"
                           : (names_dead ? "only the old SID " + initial->ToString() : "no " + kind + "ACE for " + who);
  if (e.args.count("orphaned"))
    return {e.kind,
            "ACL of " + path,
            names_dead == Bool(e, "orphaned", true),
            Bool(e, "orphaned", true) ? "an orphaned " + kind + "ACE (old SID)" : "no orphaned " + kind + "ACE",
            actual,
            e.pos};
  const bool want = Bool(e, "works", true);
  return {
      e.kind,
      "ACL of " + path,
      names_current == want,
      want ? "an " + kind + "ACE names " + who + "'s current SID" : "no " + kind + "ACE for " + who + "'s current SID",
      actual,
      e.pos};
}

CheckResult OwnerCheck(RunContext& ctx, const Expectation& e) {
  const std::string path = Need(e, "path");
  const std::string who = Need(e, "principal");
  const fixer::ObjectRef ref{Ns(Arg(e, "namespace")), path};
  const fakes::SecurableObject* obj = fakes::ObjectStore(ctx.machine).Find(ref);
  if (!obj) return {e.kind, "owner of " + path, false, who, "no such object", e.pos};
  const auto sid = CurrentSid(ctx, who);
  return {e.kind, "owner of " + path, sid && obj->owner == *sid, who, fakes::AccountLabel(ctx.machine, obj->owner),
          e.pos};
}

// "entry 1084 from ASP.NET 1.0.3705.0: <its text>": what an event check found, its text whole
// (the report cuts it as it cuts every value a check shows).
std::string EntryText(const fixer::EventRecord& ev) {
  return "entry " + std::to_string(ev.id) + " from " + ev.source + ": " + ev.text;
}

CheckResult Event(RunContext& ctx, const Expectation& e) {
  const fixer::EventRecord* found = nullptr;
  const fixer::EventRecord* same_id = nullptr;  // the newest entry of the id and source, whatever its text
  size_t same_id_count = 0;
  const auto& events = ctx.machine.state().events;
  for (const auto& ev : events) {
    if (e.args.count("id") && std::to_string(ev.id) != Arg(e, "id")) continue;
    if (e.args.count("source_contains") && ev.source.find(Arg(e, "source_contains")) == std::string::npos) continue;
    same_id = &ev;
    ++same_id_count;
    if (e.args.count("text_contains") && ev.text.find(Arg(e, "text_contains")) == std::string::npos) continue;
    found = &ev;
  }
  const bool want = Bool(e, "present", true);
  std::string actual;
  if (found) {
    actual = want ? "a matching entry" : "a matching entry: " + EntryText(*found);
  } else if (same_id) {
    // An entry of that id is there: say what it holds, not "none".
    actual = "no entry whose text contains " + fixer::QuotedValue(Arg(e, "text_contains")) + "; " +
             std::to_string(same_id_count) + " of this id, the newest " + EntryText(*same_id);
  } else {
    actual = events.empty() ? "none (the event log is empty)"
                            : "none (" + std::to_string(events.size()) + " entries, none of this id and source)";
  }
  return {e.kind,
          "event log",
          (found != nullptr) == want,
          want ? "a matching entry" : "no matching entry",
          std::move(actual),
          e.pos};
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
  auto token = fakes::LogonService(probe).LogonUser(user, fixer::Secret::FromString(Arg(e, "password")),
                                                    fakes::LogonType::kNetwork);
  // Any answer but 1326 means the password matched (restrictions are checked after it).
  const bool valid = token.ok() || token.status().code() != fixer::kErrorLogonFailure;
  // Which password is not shown: it may be a secret of the scenario.
  return Compare(e, "the given password of " + user + " is valid", B(Bool(e, "valid", true)), B(valid));
}

}  // namespace

std::vector<Word> MachineCheckWords() {
  return {
      {.name = "account",
       .scalar_arg = "",
       .params = {{.name = "name", .required = true},
                  {.name = "exists", .kind = ValueKind::kTrueFalse},
                  {.name = "sid",
                   .kind = ValueKind::kWord,
                   .words = {"unchanged", "changed"},
                   .note = "(against the account as the scenario began)"},
                  {.name = "disabled", .kind = ValueKind::kTrueFalse},
                  {.name = "locked_out", .kind = ValueKind::kTrueFalse},
                  {.name = "member_of", .note = "(a group: its name or SID)"}},
       .doc = "the account exists (unless `exists: false`) and matches every parameter given",
       .check = Account},
      {.name = "profile",
       .scalar_arg = "account",
       .params = {{.name = "account", .required = true},
                  {.name = "exists", .kind = ValueKind::kTrueFalse, .note = "(default true)"},
                  {.name = "path"}},
       .doc = "the account (now) has a ProfileList entry, at `path` if given (case-insensitive)",
       .check = Profile},
      {.name = "service",
       .scalar_arg = "",
       .params =
           {{.name = "name", .required = true},
            {.name = "state", .kind = ValueKind::kWord, .words = ServiceStateNames(), .note = "(default `running`)"},
            {.name = "start_type", .kind = ValueKind::kWord, .words = StartTypeNames()}},
       .doc = "the service is installed and in that state (and start type)",
       .check = Service},
      {.name = "right",
       .scalar_arg = "",
       .params = {{.name = "principal", .required = true, .note = "(a name)"},
                  {.name = "has", .note = "(a right; any case)", .rule = RightRule},
                  {.name = "lacks", .note = "(a right; any case)", .rule = RightRule}},
       .doc = "the principal holds `has` directly and not `lacks`",
       .check = Right,
       .at_least_one_of = {{"has", "lacks"}}},  // without either it would check nothing
      {.name = "ace",
       .scalar_arg = "",
       .params = {{.name = "path", .required = true},
                  ObjectNamespaceParam(),
                  {.name = "principal", .required = true},
                  {.name = "works", .kind = ValueKind::kTrueFalse, .note = "(default true)"},
                  {.name = "orphaned", .kind = ValueKind::kTrueFalse},
                  {.name = "inherited", .kind = ValueKind::kTrueFalse}},
       .doc = "`works`: an ACE on the object names the principal's **current** SID (or, `works: false`, none "
              "does); `orphaned`: an ACE still names the SID the account had when the scenario began, and not its "
              "current one (a dead SID); `inherited`: only the ACEs inherited from a parent (`I`) count, or "
              "(`false`) only the explicit ones",
       .check = AceCheck},
      {.name = "owner",
       .scalar_arg = "",
       .params = {{.name = "path", .required = true},
                  ObjectNamespaceParam(),
                  {.name = "principal", .required = true, .note = "(a name)"}},
       .doc = "the object's owner is the principal's **current** SID",
       .check = OwnerCheck},
      {.name = "event",
       .scalar_arg = "",
       .params = {{.name = "source_contains"},
                  {.name = "id", .kind = ValueKind::kWholeNumber},
                  {.name = "text_contains"},
                  {.name = "present", .kind = ValueKind::kTrueFalse, .note = "(default true)"}},
       .doc = "an event log entry matching every filter given exists (or, `present: false`, none does); when it "
              "fails, what it got names the newest entry of that id and source with its text (`no entry whose text "
              "contains 'zzz'; 1 of this id, the newest entry 1084 from ASP.NET 1.0.3705.0: ...`), and a step's "
              "change log shows each new entry's text whole",
       .check = Event},
      {.name = "sql_login",
       .scalar_arg = "account",
       .params = {{.name = "account", .required = true},
                  {.name = "works", .kind = ValueKind::kTrueFalse, .note = "(default true)"}},
       .doc = "the account can use its SQL Server login (a login holds its current SID)",
       .check = SqlLogin},
      {.name = "password_valid",
       .scalar_arg = "",
       .params = {{.name = "user", .required = true},
                  {.name = "password", .note = "(default blank)"},
                  {.name = "valid", .kind = ValueKind::kTrueFalse, .note = "(default true)"}},
       .doc = "the password logs the user on, as far as the password goes (lockout and rights are not the "
              "question); checked on a copy, so no bad-password count is added",
       .check = PasswordValid},
  };
}

}  // namespace sim
