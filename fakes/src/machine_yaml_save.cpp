// Machine state files: the full form (`base: empty`), which writes every field as stored so
// that loading it gives back an equal MachineState. Written in one pass by yaml::Emitter.
#include <algorithm>
#include <map>

#include "fakes/machine_yaml.h"
#include "fakes/sam.h"
#include "fixer/journal_codec.h"
#include "fixer/name_case.h"
#include "fixer/numbered_order.h"
#include "machine_yaml_names.h"
#include "yaml_emit.h"

namespace fakes {
namespace {

using yaml::Emitter;
using yaml::NameOf;
using yaml::Style;

template <class E, std::size_t N>
std::string_view Name(std::span<const yaml::NamedValue<E>, N> table, E value) {
  return NameOf(table, value).value_or("?");
}

void Strings(Emitter& out, std::string_view key, const auto& items) {
  out.Key(key);
  out.BeginSeq(Style::kFlow);
  for (const auto& s : items) out.Str(s);
  out.EndSeq();
}

void KeyStr(Emitter& out, std::string_view key, std::string_view value) {
  out.Key(key);
  out.Str(value);
}
void KeyUInt(Emitter& out, std::string_view key, uint64_t value) {
  out.Key(key);
  out.UInt(value);
}
void KeyInt(Emitter& out, std::string_view key, int64_t value) {
  out.Key(key);
  out.Int(value);
}
void KeyBool(Emitter& out, std::string_view key, bool value) {
  out.Key(key);
  out.Bool(value);
}

// Writes principals by name where the name resolves back to the same SID, else as SID strings
// (deleted accounts, foreign SIDs), so the loader gets exactly the SID back.
class PrincipalWriter {
 public:
  explicit PrincipalWriter(const MachineState& s) : scratch_(s), sam_(scratch_) {}

  std::string operator()(const fixer::Sid& sid) const {
    auto name = sam_.LookupSid(sid);
    if (name && !yaml::LooksLikeSid(*name)) {
      auto back = sam_.LookupName(*name);
      if (back && *back == sid) return *name;
    }
    return sid.ToString();
  }

 private:
  Machine scratch_;  // a copy: Sam reads a Machine, and saving must not touch the original
  Sam sam_;
};

void Clock(Emitter& out, int64_t seconds) {
  out.Key("clock");
  const std::string iso = yaml::FormatUtc(seconds);
  if (yaml::ParseUtc(iso) == seconds) {
    out.Str(iso);
  } else {
    out.Int(seconds);  // outside years 0000-9999: plain seconds
  }
}

void AccountFlags(Emitter& out, const UserAccount& u) {
  const fixer::AccountFlags& f = u.flags;
  out.Key("flags");
  out.BeginSeq(Style::kFlow);
  if (f.disabled) out.Str("disabled");
  if (f.locked_out) out.Str("locked_out");
  if (f.password_never_expires) out.Str("password_never_expires");
  if (f.cannot_change_password) out.Str("cannot_change_password");
  if (u.password_not_required) out.Str("password_not_required");
  out.EndSeq();
}

void Accounts(Emitter& out, const MachineState& s) {
  out.Key("accounts");
  out.BeginMap();
  for (const UserAccount& u : s.sam.users) {
    out.Key(u.name);
    out.BeginMap();
    KeyUInt(out, "rid", u.rid);
    KeyStr(out, "full_name", u.full_name);
    KeyStr(out, "comment", u.comment);
    KeyStr(out, "password_hash", u.password_hash);
    Strings(out, "password_history", u.password_history);
    AccountFlags(out, u);
    KeyBool(out, "password_expired", u.password_expired);
    KeyUInt(out, "bad_password_count", u.bad_password_count);
    KeyInt(out, "password_last_set", u.password_last_set);
    KeyInt(out, "locked_out_at", u.locked_out_at);
    KeyInt(out, "last_bad_password_at", u.last_bad_password_at);
    if (u.last_logon != 0) KeyInt(out, "last_logon", u.last_logon);  // optional: a file of before it loads the same
    out.EndMap();
  }
  out.EndMap();
}

void Groups(Emitter& out, const MachineState& s, const PrincipalWriter& who) {
  out.Key("groups");
  out.BeginMap();
  for (const LocalGroup& g : s.sam.groups) {
    out.Key(g.name);
    out.BeginMap();
    KeyStr(out, "sid", g.sid.ToString());
    KeyStr(out, "comment", g.comment);
    out.Key("members");
    out.BeginSeq(Style::kFlow);
    for (const fixer::Sid& m : g.members) out.Str(who(m));
    out.EndSeq();
    out.EndMap();
  }
  out.EndMap();
}

void Policy(Emitter& out, const LsaState& lsa) {
  out.Key("policy");
  out.BeginMap();
  out.Key("password");
  out.BeginMap();
  KeyUInt(out, "min_length", lsa.password_policy.min_length);
  KeyBool(out, "complexity", lsa.password_policy.complexity);
  KeyUInt(out, "history", lsa.password_policy.history);
  KeyUInt(out, "max_age_days", lsa.password_policy.max_age_days);
  KeyUInt(out, "min_age_days", lsa.password_policy.min_age_days);
  out.EndMap();
  out.Key("lockout");
  out.BeginMap();
  KeyUInt(out, "threshold", lsa.lockout.threshold);
  KeyUInt(out, "duration_minutes", lsa.lockout.duration_minutes);
  KeyUInt(out, "reset_minutes", lsa.lockout.reset_minutes);
  out.EndMap();
  KeyBool(out, "limit_blank_password_use", lsa.limit_blank_password_use);
  out.EndMap();
}

void Ace(Emitter& out, const fixer::Ace& ace, fixer::ObjectNamespace ns, const PrincipalWriter& who) {
  out.BeginMap(Style::kFlow);
  KeyStr(out, ace.type == fixer::AceType::kAllow ? "allow" : "deny", who(ace.sid));
  const std::string_view name = fixer::MaskName(ns, ace.mask);
  KeyStr(out, "mask", name.empty() ? yaml::Hex(ace.mask) : std::string(name));
  if (ace.flags != 0) {
    uint32_t named = 0;
    for (const auto& nv : yaml::kAceFlagNames) named |= (ace.flags & nv.value);
    out.Key("flags");
    if (named == ace.flags) {
      out.BeginSeq(Style::kFlow);
      for (const auto& nv : yaml::kAceFlagNames) {
        if (ace.flags & nv.value) out.Str(nv.name);
      }
      out.EndSeq();
    } else {
      out.Str(yaml::Hex(ace.flags));
    }
  }
  out.EndMap();
}

void Objects(Emitter& out, const MachineState& s, const PrincipalWriter& who) {
  out.Key("objects");
  out.BeginSeq();
  for (const auto& [key, o] : s.objects) {
    out.BeginMap();
    KeyStr(out, fixer::ToString(o.ns), o.path);
    KeyBool(out, "container", o.container);
    if (!o.owner.IsNull()) KeyStr(out, "owner", who(o.owner));
    out.Key("acl");
    out.BeginSeq();
    for (const fixer::Ace& ace : o.dacl) Ace(out, ace, o.ns, who);
    out.EndSeq();
    if (!o.values.empty()) {
      out.Key("values");
      out.BeginMap();
      for (const auto& [name, data] : o.values) KeyStr(out, name, data);
      out.EndMap();
    }
    out.EndMap();
  }
  out.EndSeq();
}

// The loader looks a login name up among the logins first, so a user's login is written by
// name only when the first login of that name holds its SID.
std::string LoginOf(const SqlServerState& sql, const fixer::SqlDbUser& u, const PrincipalWriter& who) {
  std::string login = u.login_sid.ToString();
  if (const fixer::SqlLogin* l = sql.logins.FindKey(u.login_sid)) {  // the first login holding the SID
    if (sql.logins.FindName(l->name)->sid == u.login_sid && !yaml::LooksLikeSid(l->name)) login = l->name;
  }
  if (login == u.login_sid.ToString()) login = who(u.login_sid);
  return login;
}

void Sql(Emitter& out, const SqlServerState& sql, const PrincipalWriter& who) {
  out.Key("sql");
  out.BeginMap();
  KeyBool(out, "installed", sql.installed);
  Strings(out, "databases", sql.databases);
  out.Key("logins");
  out.BeginSeq();
  for (const fixer::SqlLogin& l : sql.logins) {
    out.BeginMap();
    KeyStr(out, "name", l.name);
    KeyStr(out, "sid", l.sid.ToString());  // always: the name may no longer resolve to it
    Strings(out, "server_roles", l.server_roles);
    KeyStr(out, "default_database", l.default_database);
    out.EndMap();
  }
  out.EndSeq();
  out.Key("users");
  out.BeginSeq();
  for (const fixer::SqlDbUser& u : sql.users) {
    out.BeginMap();
    KeyStr(out, "database", u.database);
    KeyStr(out, "name", u.name);
    KeyStr(out, "login", LoginOf(sql, u, who));
    Strings(out, "roles", u.roles);
    out.EndMap();
  }
  out.EndSeq();
  out.EndMap();
}

void Services(Emitter& out, const MachineState& s) {
  out.Key("services");
  out.BeginMap();
  for (const fixer::ServiceInfo& svc : s.services) {
    out.Key(svc.name);
    out.BeginMap();
    KeyStr(out, "display_name", svc.display_name);
    KeyStr(out, "state", Name(std::span(yaml::kServiceStateNames), svc.state));
    KeyStr(out, "start_type", Name(std::span(yaml::kStartTypeNames), svc.start_type));
    KeyStr(out, "account", svc.account);
    Strings(out, "dependencies", svc.dependencies);
    out.EndMap();
  }
  out.EndMap();
}

void Products(Emitter& out, const MachineState& s) {
  out.Key("web_server");
  out.BeginMap();
  KeyStr(out, "kind", Name(std::span(yaml::kWebServerNames), s.products.web.kind));
  KeyBool(out, "iis5_isolation_mode", s.products.web.iis5_isolation_mode);
  KeyStr(out, "app_pool_identity", s.products.app_pool_identity);
  if (!s.products.app_pools.empty()) {  // written only when there are, so a file without them saves as it was
    out.Key("app_pools");
    out.BeginMap();
    for (const auto& [pool, identity] : s.products.app_pools) KeyStr(out, pool, identity);
    out.EndMap();
  }
  out.EndMap();

  out.Key("frameworks");
  out.BeginSeq();
  for (const fixer::FrameworkInfo& fw : s.products.frameworks) {
    out.BeginMap();
    KeyStr(out, "version", fw.version);
    KeyBool(out, "tools_present", fw.tools_present);
    out.Key("process_model");
    out.BeginMap();
    if (!fw.process_model.enable) KeyBool(out, "enable", false);  // written only when not the default
    KeyStr(out, "userName", fw.process_model.user_name);
    KeyStr(out, "password", fw.process_model.password);  // machine.config holds it in clear text
    out.EndMap();
    out.EndMap();
  }
  out.EndSeq();

  out.Key("hotfixes");
  out.BeginSeq();
  for (const InstalledHotfix& h : s.products.hotfixes) {
    out.BeginMap();
    KeyStr(out, "id", h.id);
    KeyStr(out, "kb", h.kb);
    out.Key("components");
    out.BeginSeq();
    for (const UpdatedComponent& c : h.components) {
      out.BeginMap(Style::kFlow);
      KeyStr(out, "file", c.file);
      KeyStr(out, "version", c.version);
      KeyBool(out, "fails_without_profile", c.fails_without_profile);
      out.EndMap();
    }
    out.EndSeq();
    out.EndMap();
  }
  out.EndSeq();
}

void Applications(Emitter& out, const MachineState& s) {
  out.Key("applications");
  out.BeginSeq();
  for (const fixer::ApplicationInfo& app : s.products.applications) {
    out.BeginMap();
    KeyStr(out, "path", app.path);
    KeyStr(out, "physical_path", app.physical_path);
    KeyStr(out, "framework", app.framework_version);
    KeyStr(out, "session_state", Name(std::span(yaml::kSessionStateNames), app.session_state));
    if (auto pool = s.products.app_pool_ids.find(app.path); pool != s.products.app_pool_ids.end())
      KeyStr(out, "app_pool", pool->second);
    out.EndMap();
  }
  out.EndSeq();
}

void Events(Emitter& out, const MachineState& s) {
  out.Key("events");
  out.BeginSeq();
  for (const fixer::EventRecord& e : s.events) {
    out.BeginMap();
    KeyStr(out, "log", e.log);
    KeyStr(out, "source", e.source);
    KeyUInt(out, "id", e.id);
    KeyStr(out, "type", Name(std::span(yaml::kEventTypeNames), e.type));
    KeyStr(out, "text", e.text);
    KeyInt(out, "time", e.time);
    out.EndMap();
  }
  out.EndSeq();
}

void Journal(Emitter& out, const MachineState& s) {
  out.Key("journal");
  out.BeginSeq();
  for (const fixer::JournalRecord& r : s.journal) {
    out.BeginMap();
    KeyUInt(out, "seq", r.seq);
    KeyStr(out, "step", r.step);
    KeyStr(out, "phase", Name(std::span(yaml::kJournalPhaseNames), r.phase));
    out.Key("data");
    out.BeginMap();
    // In the numbers' order, as written: ace.2 before ace.10.
    std::map<std::string_view, std::string_view, fixer::NumberedKeyLess> keys;
    for (const auto& [k, v] : r.data) keys.emplace(k, v);
    fixer::TextFields grants;
    if (r.grants) fixer::FlattenGrants(*r.grants, grants);
    for (const auto& [k, v] : grants) keys.emplace(k, v);
    for (const auto& [k, v] : keys) KeyStr(out, k, v);
    out.EndMap();
    out.EndMap();
  }
  out.EndSeq();
}

// Where a captured machine came from and what could not be read (aspnet-fixer capture).
void Capture(Emitter& out, const CaptureInfo& info) {
  out.Key("capture");
  out.BeginMap();
  KeyStr(out, "tool", info.tool);
  if (info.caller) {
    out.Key("caller");
    out.BeginMap();
    KeyStr(out, "name", info.caller->name);
    KeyBool(out, "administrator", info.caller->is_admin);
    out.EndMap();
  }
  Strings(out, "accounts", info.accounts);
  out.Key("unreadable");
  out.BeginSeq();
  for (const UnreadableRead& u : info.unreadable) {
    out.BeginMap();
    KeyStr(out, "read", u.read);
    KeyUInt(out, "error", u.error);
    KeyStr(out, "message", u.message);
    out.EndMap();
  }
  out.EndSeq();
  out.EndMap();
}

}  // namespace

std::string MachineToText(const MachineState& s) {
  const PrincipalWriter who(s);
  Emitter out;
  out.Comment("fixup-sim machine state, full form (docs/machine-format.md)");
  out.BeginMap();
  KeyStr(out, "base", "empty");
  KeyUInt(out, "seed", s.seed);
  KeyUInt(out, "rng_state", s.rng_state);
  Clock(out, s.clock);
  KeyStr(out, "os", Name(std::span(yaml::kOsNames), s.products.os.edition));
  KeyInt(out, "service_pack", s.products.os.service_pack);
  KeyStr(out, "computer_name", s.products.os.computer_name);
  KeyStr(out, "machine_sid", s.sam.domain.ToString());
  KeyUInt(out, "next_rid", s.sam.next_rid);
  Products(out, s);
  Policy(out, s.lsa);
  Accounts(out, s);
  Groups(out, s, who);

  out.Key("rights");
  out.BeginMap();
  for (const auto& [sid, held] : s.lsa.rights) Strings(out, who(sid), held);
  out.EndMap();
  out.Key("secrets");
  out.BeginMap();
  for (const auto& [name, stored] : s.lsa.secrets) {
    out.Key(name);
    out.BeginMap();
    KeyStr(out, "stored", stored);
    // A capture's record, beside the value standing in for the one it did not read.
    if (const auto it = s.lsa.redacted_secrets.find(name); it != s.lsa.redacted_secrets.end()) {
      KeyBool(out, "redacted", true);
      if (it->second.logs_on) KeyBool(out, "logs_on", *it->second.logs_on);
    }
    out.EndMap();
  }
  out.EndMap();
  if (!s.lsa.service_passwords.empty()) {  // only once a password the SCM keeps went stale
    out.Key("service_passwords");
    out.BeginMap();
    for (const auto& [service, hash] : s.lsa.service_passwords) KeyStr(out, service, hash);
    out.EndMap();
  }
  out.Key("profiles");
  out.BeginMap();
  for (const ProfileEntry& p : s.profiles) {
    out.Key(who(p.sid));
    out.BeginMap();
    KeyStr(out, "path", p.path);
    out.EndMap();
  }
  out.EndMap();

  Objects(out, s, who);
  Sql(out, s.sql, who);
  Services(out, s);
  Applications(out, s);
  out.Key("session");
  out.BeginMap();
  KeyStr(out, "caller", s.session.caller);
  if (s.session.interactive_user) KeyStr(out, "interactive_user", *s.session.interactive_user);
  out.EndMap();
  Events(out, s);
  Journal(out, s);
  if (!s.capture.empty()) Capture(out, s.capture);
  out.EndMap();
  return out.Take();
}

}  // namespace fakes
