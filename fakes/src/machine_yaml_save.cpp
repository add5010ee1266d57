// Machine state files: the full form (`base: empty`), which writes every field as stored so
// that loading it gives back an equal MachineState.
#include "fakes/machine_yaml.h"
#include "fakes/sam.h"
#include "machine_yaml_names.h"

namespace fakes {
namespace {

using yaml::NameOf;

YAML::Node Seq() { return YAML::Node(YAML::NodeType::Sequence); }
YAML::Node Map() { return YAML::Node(YAML::NodeType::Map); }

YAML::Node FlowSeq() {
  YAML::Node n = Seq();
  n.SetStyle(YAML::EmitterStyle::Flow);
  return n;
}

YAML::Node Strings(const std::vector<std::string>& items) {
  YAML::Node n = FlowSeq();
  for (const std::string& s : items) n.push_back(s);
  return n;
}

template <class E, std::size_t N>
std::string Name(std::span<const yaml::NamedValue<E>, N> table, E value) {
  return std::string(NameOf(table, value).value_or("?"));
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

YAML::Node ClockNode(int64_t seconds) {
  const std::string iso = yaml::FormatUtc(seconds);
  if (yaml::ParseUtc(iso) == seconds) return YAML::Node(iso);
  return YAML::Node(seconds);  // outside years 0000-9999: plain seconds
}

YAML::Node AccountFlags(const fixer::AccountFlags& f) {
  YAML::Node n = FlowSeq();
  if (f.disabled) n.push_back("disabled");
  if (f.locked_out) n.push_back("locked_out");
  if (f.password_never_expires) n.push_back("password_never_expires");
  if (f.cannot_change_password) n.push_back("cannot_change_password");
  return n;
}

YAML::Node AccountsNode(const MachineState& s) {
  YAML::Node out = Map();
  for (const UserAccount& u : s.sam.users) {
    YAML::Node a = Map();
    a["rid"] = u.rid;
    a["full_name"] = u.full_name;
    a["comment"] = u.comment;
    a["password_hash"] = u.password_hash;
    a["password_history"] = Strings(u.password_history);
    a["flags"] = AccountFlags(u.flags);
    a["password_expired"] = u.password_expired;
    a["bad_password_count"] = u.bad_password_count;
    a["password_last_set"] = u.password_last_set;
    a["locked_out_at"] = u.locked_out_at;
    out[u.name] = a;
  }
  return out;
}

YAML::Node GroupsNode(const MachineState& s, const PrincipalWriter& who) {
  YAML::Node out = Map();
  for (const LocalGroup& g : s.sam.groups) {
    YAML::Node n = Map();
    n["sid"] = g.sid.ToString();
    n["comment"] = g.comment;
    YAML::Node members = FlowSeq();
    for (const fixer::Sid& m : g.members) members.push_back(who(m));
    n["members"] = members;
    out[g.name] = n;
  }
  return out;
}

YAML::Node PolicyNode(const LsaState& lsa) {
  YAML::Node n = Map();
  YAML::Node pw = Map();
  pw["min_length"] = lsa.password_policy.min_length;
  pw["complexity"] = lsa.password_policy.complexity;
  pw["history"] = lsa.password_policy.history;
  pw["max_age_days"] = lsa.password_policy.max_age_days;
  pw["min_age_days"] = lsa.password_policy.min_age_days;
  n["password"] = pw;
  YAML::Node lock = Map();
  lock["threshold"] = lsa.lockout.threshold;
  lock["duration_minutes"] = lsa.lockout.duration_minutes;
  lock["reset_minutes"] = lsa.lockout.reset_minutes;
  n["lockout"] = lock;
  n["limit_blank_password_use"] = lsa.limit_blank_password_use;
  return n;
}

YAML::Node AceNode(const fixer::Ace& ace, fixer::ObjectNamespace ns, const PrincipalWriter& who) {
  YAML::Node n = Map();
  n.SetStyle(YAML::EmitterStyle::Flow);
  n[ace.type == fixer::AceType::kAllow ? "allow" : "deny"] = who(ace.sid);
  std::string mask = yaml::Hex(ace.mask);
  for (const auto& nv : yaml::MaskNamesFor(ns)) {
    if (nv.value == ace.mask) mask = std::string(nv.name);
  }
  n["mask"] = mask;
  if (ace.flags != 0) {
    uint32_t named = 0;
    YAML::Node flags = FlowSeq();
    for (const auto& nv : yaml::kAceFlagNames) {
      if (ace.flags & nv.value) {
        flags.push_back(std::string(nv.name));
        named |= nv.value;
      }
    }
    n["flags"] = named == ace.flags ? flags : YAML::Node(yaml::Hex(ace.flags));
  }
  return n;
}

YAML::Node ObjectsNode(const MachineState& s, const PrincipalWriter& who) {
  YAML::Node out = Seq();
  for (const auto& [key, o] : s.objects) {
    YAML::Node n = Map();
    n[std::string(fixer::ToString(o.ns))] = o.path;
    n["container"] = o.container;
    if (!o.owner.IsNull()) n["owner"] = who(o.owner);
    YAML::Node acl = Seq();
    for (const fixer::Ace& ace : o.dacl) acl.push_back(AceNode(ace, o.ns, who));
    n["acl"] = acl;
    if (!o.values.empty()) {
      YAML::Node values = Map();
      for (const auto& [name, data] : o.values) values[name] = data;
      n["values"] = values;
    }
    out.push_back(n);
  }
  return out;
}

YAML::Node SqlNode(const SqlServerState& sql, const PrincipalWriter& who) {
  YAML::Node n = Map();
  n["installed"] = sql.installed;
  n["databases"] = Strings(sql.databases);
  YAML::Node logins = Seq();
  for (const fixer::SqlLogin& l : sql.logins) {
    YAML::Node ln = Map();
    ln["name"] = l.name;
    ln["sid"] = l.sid.ToString();  // always: the name may no longer resolve to it
    ln["server_roles"] = Strings(l.server_roles);
    ln["default_database"] = l.default_database;
    logins.push_back(ln);
  }
  n["logins"] = logins;
  YAML::Node users = Seq();
  for (const fixer::SqlDbUser& u : sql.users) {
    YAML::Node un = Map();
    un["database"] = u.database;
    un["name"] = u.name;
    // The loader looks a login name up among the logins first, so write one only when the
    // first login of that name holds this SID.
    std::string login = u.login_sid.ToString();
    for (const fixer::SqlLogin& l : sql.logins) {
      if (l.sid == u.login_sid) {
        const auto first = std::find_if(sql.logins.begin(), sql.logins.end(), [&](const auto& o) {
          return EqualsIgnoreCase(o.name, l.name);
        });
        if (first->sid == u.login_sid && !yaml::LooksLikeSid(l.name)) login = l.name;
        break;
      }
    }
    if (login == u.login_sid.ToString()) login = who(u.login_sid);
    un["login"] = login;
    un["roles"] = Strings(u.roles);
    users.push_back(un);
  }
  n["users"] = users;
  return n;
}

YAML::Node ServicesNode(const MachineState& s) {
  YAML::Node out = Map();
  for (const fixer::ServiceInfo& svc : s.services) {
    YAML::Node n = Map();
    n["display_name"] = svc.display_name;
    n["state"] = Name(std::span(yaml::kServiceStateNames), svc.state);
    n["start_type"] = Name(std::span(yaml::kStartTypeNames), svc.start_type);
    n["account"] = svc.account;
    n["dependencies"] = Strings(svc.dependencies);
    out[svc.name] = n;
  }
  return out;
}

YAML::Node ProductsInto(YAML::Node root, const MachineState& s) {
  YAML::Node web = Map();
  web["kind"] = Name(std::span(yaml::kWebServerNames), s.products.web.kind);
  web["iis5_isolation_mode"] = s.products.web.iis5_isolation_mode;
  web["app_pool_identity"] = s.products.app_pool_identity;
  root["web_server"] = web;

  YAML::Node frameworks = Seq();
  for (const fixer::FrameworkInfo& fw : s.products.frameworks) {
    YAML::Node n = Map();
    n["version"] = fw.version;
    n["tools_present"] = fw.tools_present;
    YAML::Node pm = Map();
    pm["userName"] = fw.process_model.user_name;
    pm["password"] = fw.process_model.password;  // machine.config holds it in clear text
    n["process_model"] = pm;
    frameworks.push_back(n);
  }
  root["frameworks"] = frameworks;

  YAML::Node hotfixes = Seq();
  for (const InstalledHotfix& h : s.products.hotfixes) {
    YAML::Node n = Map();
    n["id"] = h.id;
    n["kb"] = h.kb;
    YAML::Node components = Seq();
    for (const UpdatedComponent& c : h.components) {
      YAML::Node cn = Map();
      cn.SetStyle(YAML::EmitterStyle::Flow);
      cn["file"] = c.file;
      cn["version"] = c.version;
      cn["fails_without_profile"] = c.fails_without_profile;
      components.push_back(cn);
    }
    n["components"] = components;
    hotfixes.push_back(n);
  }
  root["hotfixes"] = hotfixes;
  return root;
}

YAML::Node ApplicationsNode(const MachineState& s) {
  YAML::Node out = Seq();
  for (const fixer::ApplicationInfo& app : s.products.applications) {
    YAML::Node n = Map();
    n["path"] = app.path;
    n["physical_path"] = app.physical_path;
    n["framework"] = app.framework_version;
    n["session_state"] = Name(std::span(yaml::kSessionStateNames), app.session_state);
    out.push_back(n);
  }
  return out;
}

YAML::Node EventsNode(const MachineState& s) {
  YAML::Node out = Seq();
  for (const fixer::EventRecord& e : s.events) {
    YAML::Node n = Map();
    n["log"] = e.log;
    n["source"] = e.source;
    n["id"] = e.id;
    n["type"] = Name(std::span(yaml::kEventTypeNames), e.type);
    n["text"] = e.text;
    n["time"] = e.time;
    out.push_back(n);
  }
  return out;
}

YAML::Node JournalNode(const MachineState& s) {
  YAML::Node out = Seq();
  for (const fixer::JournalRecord& r : s.journal) {
    YAML::Node n = Map();
    n["seq"] = r.seq;
    n["step"] = r.step;
    n["phase"] = Name(std::span(yaml::kJournalPhaseNames), r.phase);
    YAML::Node data = Map();
    // force_insert: the keys are unique already, and data[k] would search the map per key.
    for (const auto& [k, v] : r.data) data.force_insert(k, v);
    n["data"] = data;
    out.push_back(n);
  }
  return out;
}

}  // namespace

YAML::Node MachineToYaml(const MachineState& s) {
  const PrincipalWriter who(s);
  YAML::Node root = Map();
  root["base"] = "empty";
  root["seed"] = s.seed;
  root["rng_state"] = s.rng_state;
  root["clock"] = ClockNode(s.clock);
  root["os"] = Name(std::span(yaml::kOsNames), s.products.os.edition);
  root["service_pack"] = s.products.os.service_pack;
  root["computer_name"] = s.products.os.computer_name;
  root["machine_sid"] = s.sam.domain.ToString();
  root["next_rid"] = s.sam.next_rid;
  ProductsInto(root, s);
  root["policy"] = PolicyNode(s.lsa);
  root["accounts"] = AccountsNode(s);
  root["groups"] = GroupsNode(s, who);

  YAML::Node rights = Map();
  for (const auto& [sid, held] : s.lsa.rights) {
    rights[who(sid)] = Strings(std::vector<std::string>(held.begin(), held.end()));
  }
  root["rights"] = rights;
  YAML::Node secrets = Map();
  for (const auto& [name, stored] : s.lsa.secrets) secrets[name]["stored"] = stored;
  root["secrets"] = secrets;
  YAML::Node profiles = Map();
  for (const ProfileEntry& p : s.profiles) profiles[who(p.sid)]["path"] = p.path;
  root["profiles"] = profiles;

  root["objects"] = ObjectsNode(s, who);
  root["sql"] = SqlNode(s.sql, who);
  root["services"] = ServicesNode(s);
  root["applications"] = ApplicationsNode(s);
  YAML::Node session = Map();
  session["caller"] = s.session.caller;
  if (s.session.interactive_user) session["interactive_user"] = *s.session.interactive_user;
  root["session"] = session;
  root["events"] = EventsNode(s);
  root["journal"] = JournalNode(s);
  return root;
}

std::string MachineToText(const MachineState& state) {
  YAML::Emitter out;
  out << YAML::Comment("fixup-sim machine state, full form (docs/machine-format.md)");
  out << YAML::Newline << MachineToYaml(state);
  return std::string(out.c_str()) + "\n";
}

}  // namespace fakes
