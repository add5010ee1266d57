#include "sim/machine_diff.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <type_traits>

#include "fakes/load_result.h"
#include "fakes/shown_secrets.h"
#include "fakes/well_known_sids.h"
#include "fixer/journal_codec.h"
#include "fixer/name_case.h"
#include "fixer/numbered_order.h"
#include "fixer/process_model.h"
#include "fixer/quoted_value.h"
#include "fixer/windows_names.h"

namespace sim {
namespace {

using fakes::MachineState;
using fixer::Sid;

constexpr const char* kNone = "(none)";
constexpr const char* kSecret = "(secret)";

// One field of an entry as the diff shows it; `secret` values are compared, never shown.
struct Field {
  std::string name;  // "" for an entry that is a single value (rights[ASPNET])
  std::string value;
  bool secret = false;
  bool is_list = false;            // `value` is List(items)
  std::vector<std::string> items;  // a list's entries, so a change can name those that moved
};
using Fields = std::vector<Field>;

// Account names for SIDs, from both states (a deleted account keeps its name in `before`);
// built on first use, as most steps change nothing that names a principal.
class Names {
 public:
  Names(const MachineState& a, const MachineState& b) : a_(a), b_(b) {}
  std::string Of(const Sid& sid) {
    if (!names_) Build();
    auto it = names_->find(sid);
    return it == names_->end() ? sid.ToString() : it->second;
  }

 private:
  void Build() {
    names_.emplace();
    for (const auto& w : fakes::WellKnownSids()) (*names_)[w.sid] = std::string(w.name);
    for (const MachineState* s : {&a_, &b_}) {
      for (const auto& g : s->sam.groups) (*names_)[g.sid] = g.name;
      for (const auto& u : s->sam.users) (*names_)[s->sam.domain.WithRid(u.rid)] = u.name;
    }
    // A name two SIDs held (an account deleted and made again): each is shown with its SID, so
    // the ACEs of one are never paired with the other's, nor read as the same account's.
    std::map<std::string, int> holders;
    for (const auto& [sid, name] : *names_) ++holders[fixer::FoldWindowsName(name)];
    for (auto& [sid, name] : *names_) {
      if (holders[fixer::FoldWindowsName(name)] > 1) name += " (" + sid.ToString() + ")";
    }
  }
  const MachineState& a_;
  const MachineState& b_;
  std::optional<std::map<Sid, std::string>> names_;
};

// A multi-line value (an event's text) reads as one line.
std::string OneLine(const std::string& value) {
  std::string line;
  for (char c : value) {
    if (c == '\r') continue;
    line += c == '\n' ? std::string(" / ") : std::string(1, c);
  }
  return line;
}

std::string List(const auto& items) {
  std::string out = "[";
  for (const auto& item : items) out += (out.size() > 1 ? ", " : "") + std::string(item);
  return out + "]";
}

// A field whose value is a list: shown whole, and a change of it also as the entries added and
// removed (a long list cut at 60 bytes would hide which one changed).
Field ListField(std::string name, const auto& items) {
  Field f{std::move(name), List(items)};
  f.is_list = true;
  for (const auto& item : items) f.items.emplace_back(item);
  return f;
}

std::string Bool(bool b) { return b ? "true" : "false"; }
std::string Num(auto n) { return std::to_string(n); }
std::string Str(std::string_view s) { return std::string(s); }

std::string Hex(uint32_t n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%X", n);
  return buf;
}

std::string AceFlagsText(uint32_t flags) {
  std::vector<std::string> out;
  uint32_t named = 0;
  for (const auto& [name, bit] : fixer::kAceFlagNames) {
    named |= bit;
    if (flags & bit) out.emplace_back(name);
  }
  if (flags & ~named) out.push_back(Hex(flags & ~named));
  return List(out);
}

std::string FlagsText(const fakes::UserAccount& u) {
  const fixer::AccountFlags& f = u.flags;
  std::vector<std::string> on;
  if (f.disabled) on.push_back("disabled");
  if (f.locked_out) on.push_back("locked_out");
  if (f.password_never_expires) on.push_back("password_never_expires");
  if (f.cannot_change_password) on.push_back("cannot_change_password");
  if (u.password_not_required) on.push_back("password_not_required");
  return List(on);
}

// ---- What each kind of entry shows ------------------------------------------------------------

Fields Describe(const fakes::UserAccount& u, Names&) {
  return {{"rid", Num(u.rid)},
          {"full_name", u.full_name},
          {"comment", u.comment},
          {"password_hash", u.password_hash, true},
          {"password_history", List(u.password_history), true},
          {"flags", FlagsText(u)},
          {"password_expired", Bool(u.password_expired)},
          {"bad_password_count", Num(u.bad_password_count)},
          {"password_last_set", Num(u.password_last_set)},
          {"locked_out_at", Num(u.locked_out_at)},
          {"last_logon", Num(u.last_logon)}};
}

Fields Describe(const fakes::LocalGroup& g, Names& names) {
  std::vector<std::string> members;
  for (const Sid& m : g.members) members.push_back(names.Of(m));
  return {{"sid", g.sid.ToString()}, {"comment", g.comment}, ListField("members", members)};
}

Fields Describe(const fakes::SecurableObject& o, Names& names) {
  Fields f = {{"container", Bool(o.container)}, {"owner", names.Of(o.owner)}};
  std::map<std::string, int> seen;  // the same principal twice: "allow X#2"
  for (const fixer::Ace& ace : o.dacl) {
    std::string key = std::string(ace.type == fixer::AceType::kAllow ? "allow " : "deny ") + names.Of(ace.sid);
    if (const int n = ++seen[key]; n > 1) key += "#" + std::to_string(n);
    std::string value = MaskText(o.ns, ace.mask);
    if (ace.flags != 0) value += " " + AceFlagsText(ace.flags);
    f.push_back({"acl[" + key + "]", value});
  }
  // Every registry value's data may be a credential (fakes/shown_secrets.h): compared, never shown.
  for (const auto& [name, data] : o.values) f.push_back({"values[" + name + "]", data, true});
  return f;
}

Fields Describe(const fixer::SqlLogin& l, Names& names) {
  return {
      {"sid", names.Of(l.sid)}, ListField("server_roles", l.server_roles), {"default_database", l.default_database}};
}

Fields Describe(const fixer::SqlDbUser& u, Names& names) {
  return {{"login", names.Of(u.login_sid)}, ListField("roles", u.roles)};
}

Fields Describe(const fixer::ServiceInfo& s, Names&) {
  return {{"display_name", s.display_name},
          {"state", Str(fixer::ToString(s.state))},
          {"start_type", Str(fixer::ToString(s.start_type))},
          {"account", s.account},
          ListField("dependencies", s.dependencies)};
}

Fields Describe(const fixer::FrameworkInfo& f, Names&) {
  return {{"tools_present", Bool(f.tools_present)},
          {"process_model.userName", f.process_model.user_name},
          {"process_model.password", f.process_model.password,
           fixer::IsClearProcessModelPassword(f.process_model.password)}};
}

Fields Describe(const fixer::ApplicationInfo& a, Names&) {
  return {{"physical_path", a.physical_path},
          {"framework", a.framework_version},
          {"session_state", Str(fixer::ToString(a.session_state))}};
}

Fields Describe(const fakes::InstalledHotfix& h, Names&) {
  Fields f = {{"kb", h.kb}};
  for (const auto& c : h.components)
    f.push_back({"components[" + c.file + "]", c.version + (c.fails_without_profile ? ", fails without profile" : "")});
  return f;
}

Fields Describe(const fixer::EventRecord& e, Names&) {
  return {{"log", e.log},        {"source", e.source},     {"id", Num(e.id)}, {"type", Str(fixer::ToString(e.type))},
          {"time", Num(e.time)}, {"text", OneLine(e.text)}};
}

Fields Describe(const fixer::JournalRecord& r, Names&) {
  Fields f = {{"step", r.step}, {"phase", Str(fixer::ToString(r.phase))}};
  // The record's keys as the file holds them (its typed grants as ace.N, login.N, dbuser.N), in
  // their numbers' order: ace.2 before ace.10.
  std::map<std::string, std::string, fixer::NumberedKeyLess> data(r.data.begin(), r.data.end());
  if (r.grants) {
    fixer::TextFields grants;
    fixer::FlattenGrants(*r.grants, grants);
    data.insert(grants.begin(), grants.end());
  }
  // The journal keeps what undo needs, which may be a password: never shown.
  for (const auto& [k, v] : data) f.push_back({"data." + k, v, true});
  return f;
}

// ---- Comparing entries --------------------------------------------------------------------------

// Entries by the key the change log shows, in its numbers' order: a journal's "seq 2" before its
// "seq 10", as the records were written, and "X#2" before "X#10".
template <class T>
using ByShownKey = std::map<std::string, const T*, fixer::NumberedKeyLess>;

class Differ {
 public:
  Differ(const MachineState& a, const MachineState& b) : names_(a, b) {}
  Names& names() { return names_; }
  std::vector<Change> Take() { return std::move(out_); }

  void Value(const std::string& path, const std::string& before, const std::string& after, bool secret = false) {
    if (before == after) return;
    if (secret)
      out_.push_back({path, kSecret, "(secret, changed)"});
    else
      out_.push_back({path, OneLine(before), OneLine(after)});
  }

  // Field by field: the same entry in both states.
  void Entry(const std::string& path, const Fields& a, const Fields& b) {
    std::map<std::string, const Field*> in_b;
    for (const Field& f : b) in_b[f.name] = &f;
    std::map<std::string, bool> in_a;
    for (const Field& f : a) {
      in_a[f.name] = true;
      const std::string sub = f.name.empty() ? path : path + "." + f.name;
      auto it = in_b.find(f.name);
      if (it == in_b.end())
        out_.push_back({sub, Shown(f), kNone});
      else
        Value(sub, f.value, it->second->value, f.secret || it->second->secret);
      if (it != in_b.end() && f.is_list && it->second->is_list && f.value != it->second->value && !f.secret &&
          !it->second->secret)
        NameMovedEntries(out_.back(), f.items, it->second->items);
    }
    for (const Field& f : b)
      if (!in_a.count(f.name)) out_.push_back({f.name.empty() ? path : path + "." + f.name, kNone, Shown(f)});
  }

  // The entries of a changed list that are in one state only, in their order.
  static void NameMovedEntries(Change& c, const std::vector<std::string>& before,
                               const std::vector<std::string>& after) {
    const std::multiset<std::string> in_before(before.begin(), before.end()), in_after(after.begin(), after.end());
    for (const std::string& e : after)
      if (!in_before.count(e)) c.added.push_back(OneLine(e));
    for (const std::string& e : before)
      if (!in_after.count(e)) c.removed.push_back(OneLine(e));
  }

  // A whole entry appearing or disappearing: one line with its fields.
  void Whole(Change::Kind kind, const std::string& path, const Fields& fields) {
    Change c{path, kNone, kNone, kind, {}};
    if (fields.size() == 1 && fields[0].name.empty()) {
      (kind == Change::Kind::kAdded ? c.after : c.before) = Shown(fields[0]);
    } else {
      (kind == Change::Kind::kAdded ? c.after : c.before) = "(entry)";
      for (const Field& f : fields) c.fields.push_back({f.name, Shown(f)});
    }
    out_.push_back(std::move(c));
  }

  // Lists whose entries have an identity: matched by key, only differing entries described.
  template <class T, class KeyFn>
  void Keyed(const std::string& section, const std::vector<T>& a, const std::vector<T>& b, KeyFn key) {
    if (a == b) return;
    MergeWalk(section, Index(a, key), Index(b, key));
  }

  // Both maps are in the same order, so one walk finds the entries that differ; only those are
  // indexed by their shown key (a step changes a few of many objects).
  template <class M, class KeyFn>
  void Map(const std::string& section, const M& a, const M& b, KeyFn key) {
    using V = std::remove_cvref_t<decltype(a.begin()->second)>;
    ByShownKey<V> ia, ib;
    const auto less = a.key_comp();
    auto pa = a.begin(), pb = b.begin();
    while (pa != a.end() || pb != b.end()) {
      if (pb == b.end() || (pa != a.end() && less(pa->first, pb->first))) {
        ia[key(pa->first, pa->second)] = &pa->second;
        ++pa;
      } else if (pa == a.end() || less(pb->first, pa->first)) {
        ib[key(pb->first, pb->second)] = &pb->second;
        ++pb;
      } else {
        if (!(pa->second == pb->second)) {
          ia[key(pa->first, pa->second)] = &pa->second;
          ib[key(pb->first, pb->second)] = &pb->second;
        }
        ++pa;
        ++pb;
      }
    }
    MergeWalk(section, ia, ib);
  }

  // Logs: entries keep their position (equal entries may repeat); usually only appended to.
  template <class T>
  void Positional(const std::string& section, const std::vector<T>& a, const std::vector<T>& b) {
    if (a == b) return;
    for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
      const std::string path = section + "[" + std::to_string(i + 1) + "]";  // from 1, as the loader's paths
      if (i >= a.size())
        Whole(Change::Kind::kAdded, path, Describe(b[i], names_));
      else if (i >= b.size())
        Whole(Change::Kind::kRemoved, path, Describe(a[i], names_));
      else if (!(a[i] == b[i]))
        Entry(path, Describe(a[i], names_), Describe(b[i], names_));
    }
  }

 private:
  static std::string Shown(const Field& f) { return f.secret ? kSecret : OneLine(f.value); }

  template <class T, class KeyFn>
  ByShownKey<T> Index(const std::vector<T>& list, KeyFn key) {
    ByShownKey<T> out;
    std::map<std::string, int> seen;
    for (const T& item : list) {
      std::string k = key(item);
      if (const int n = ++seen[k]; n > 1) k += "#" + std::to_string(n);
      out.emplace(std::move(k), &item);
    }
    return out;
  }

  template <class T>
  void MergeWalk(const std::string& section, const ByShownKey<T>& a, const ByShownKey<T>& b) {
    const fixer::NumberedKeyLess less;
    auto ia = a.begin(), ib = b.begin();
    while (ia != a.end() || ib != b.end()) {
      if (ib == b.end() || (ia != a.end() && less(ia->first, ib->first))) {
        Whole(Change::Kind::kRemoved, section + "[" + ia->first + "]", DescribeAny(*ia->second));
        ++ia;
      } else if (ia == a.end() || less(ib->first, ia->first)) {
        Whole(Change::Kind::kAdded, section + "[" + ib->first + "]", DescribeAny(*ib->second));
        ++ib;
      } else {
        if (!(*ia->second == *ib->second))
          Entry(section + "[" + ia->first + "]", DescribeAny(*ia->second), DescribeAny(*ib->second));
        ++ia;
        ++ib;
      }
    }
  }

  template <class T>
  Fields DescribeAny(const T& v) {
    if constexpr (std::is_same_v<T, std::string>)
      return {{"", v, secret_values_}};
    else if constexpr (std::is_same_v<T, std::set<std::string>> || std::is_same_v<T, fakes::RightSet>)
      return {ListField("", v)};
    else
      return Describe(v, names_);
  }

 public:
  bool secret_values_ = false;  // set while diffing a map of secrets

 private:
  Names names_;
  std::vector<Change> out_;
};

void DiffProducts(Differ& d, const fakes::ProductsState& a, const fakes::ProductsState& b) {
  if (a == b) return;
  d.Value("os", Str(fixer::ToString(a.os.edition)), Str(fixer::ToString(b.os.edition)));
  d.Value("service_pack", Num(a.os.service_pack), Num(b.os.service_pack));
  d.Value("computer_name", a.os.computer_name, b.os.computer_name);
  d.Value("web_server.kind", Str(fixer::ToString(a.web.kind)), Str(fixer::ToString(b.web.kind)));
  d.Value("web_server.iis5_isolation_mode", Bool(a.web.iis5_isolation_mode), Bool(b.web.iis5_isolation_mode));
  d.Value("web_server.app_pool_identity", a.app_pool_identity, b.app_pool_identity);
  d.Map("web_server.app_pools", a.app_pools, b.app_pools, [](const std::string& pool, const auto&) { return pool; });
  d.Map("app_pool_ids", a.app_pool_ids, b.app_pool_ids, [](const std::string& node, const auto&) { return node; });
  d.Keyed("frameworks", a.frameworks, b.frameworks, [](const fixer::FrameworkInfo& f) { return f.version; });
  d.Keyed("applications", a.applications.items(), b.applications.items(),
          [](const fixer::ApplicationInfo& x) { return x.path; });
  d.Keyed("hotfixes", a.hotfixes, b.hotfixes, [](const fakes::InstalledHotfix& h) { return h.id; });
}

// What a capture recorded of a secret it redacted, as the file keys it (secrets[NAME].redacted,
// secrets[NAME].logs_on); none once the secret is stored or erased.
Fields RedactedFields(const fakes::LsaState& lsa, const std::string& name) {
  const auto it = lsa.redacted_secrets.find(name);
  if (it == lsa.redacted_secrets.end()) return {};
  Fields f = {{"redacted", Bool(true)}};
  if (it->second.logs_on) f.push_back({"logs_on", Bool(*it->second.logs_on)});
  return f;
}

// Field by field, never as a whole entry: `- secrets[NAME]` would say the secret was removed.
void DiffRedactedSecrets(Differ& d, const fakes::LsaState& a, const fakes::LsaState& b) {
  if (a.redacted_secrets == b.redacted_secrets) return;
  std::set<std::string, fixer::WindowsNameLess> names;
  for (const auto* lsa : {&a, &b})
    for (const auto& entry : lsa->redacted_secrets) names.insert(entry.first);
  for (const std::string& name : names)
    d.Entry("secrets[" + name + "]", RedactedFields(a, name), RedactedFields(b, name));
}

void DiffLsa(Differ& d, const fakes::LsaState& a, const fakes::LsaState& b) {
  if (a == b) return;
  const auto &pa = a.password_policy, &pb = b.password_policy;
  d.Value("policy.password.min_length", Num(pa.min_length), Num(pb.min_length));
  d.Value("policy.password.complexity", Bool(pa.complexity), Bool(pb.complexity));
  d.Value("policy.password.history", Num(pa.history), Num(pb.history));
  d.Value("policy.password.max_age_days", Num(pa.max_age_days), Num(pb.max_age_days));
  d.Value("policy.password.min_age_days", Num(pa.min_age_days), Num(pb.min_age_days));
  d.Value("policy.password.lockout_threshold", Num(pa.lockout_threshold), Num(pb.lockout_threshold));
  d.Value("policy.lockout.threshold", Num(a.lockout.threshold), Num(b.lockout.threshold));
  d.Value("policy.lockout.duration_minutes", Num(a.lockout.duration_minutes), Num(b.lockout.duration_minutes));
  d.Value("policy.lockout.reset_minutes", Num(a.lockout.reset_minutes), Num(b.lockout.reset_minutes));
  d.Value("policy.limit_blank_password_use", Bool(a.limit_blank_password_use), Bool(b.limit_blank_password_use));
  Names& names = d.names();
  d.Map("rights", a.rights, b.rights, [&](const Sid& sid, const auto&) { return names.Of(sid); });
  d.secret_values_ = true;
  d.Map("secrets", a.secrets, b.secrets, [](const std::string& name, const auto&) { return name; });
  d.Map("service_passwords", a.service_passwords, b.service_passwords,
        [](const std::string& name, const auto&) { return name; });
  d.secret_values_ = false;
  DiffRedactedSecrets(d, a, b);
}

}  // namespace

std::vector<Change> DiffMachines(const MachineState& a, const MachineState& b) {
  Differ d(a, b);
  d.Value("seed", Num(a.seed), Num(b.seed));
  d.Value("rng_state", Num(a.rng_state), Num(b.rng_state), true);  // predicts generated passwords
  d.Value("clock", Num(a.clock), Num(b.clock));
  if (!(a.sam == b.sam)) {
    d.Value("machine_sid", a.sam.domain.ToString(), b.sam.domain.ToString());
    d.Value("next_rid", Num(a.sam.next_rid), Num(b.sam.next_rid));
    d.Keyed("accounts", a.sam.users.items(), b.sam.users.items(), [](const fakes::UserAccount& u) { return u.name; });
    d.Keyed("groups", a.sam.groups.items(), b.sam.groups.items(), [](const fakes::LocalGroup& g) { return g.name; });
  }
  DiffLsa(d, a.lsa, b.lsa);
  if (!(a.profiles == b.profiles)) {
    Names& names = d.names();
    std::map<std::string, std::string> pa, pb;
    for (const auto& p : a.profiles) pa[names.Of(p.sid)] = p.path;
    for (const auto& p : b.profiles) pb[names.Of(p.sid)] = p.path;
    d.Map("profiles", pa, pb, [](const std::string& name, const auto&) { return name; });
  }
  d.Map("objects", a.objects, b.objects, [](const std::string&, const fakes::SecurableObject& o) {
    return std::string(fixer::ToString(o.ns)) + " " + o.path;
  });
  if (!(a.sql == b.sql)) {
    d.Value("sql.installed", Bool(a.sql.installed), Bool(b.sql.installed));
    d.Value("sql.databases", List(a.sql.databases.items()), List(b.sql.databases.items()));
    d.Keyed("sql.logins", a.sql.logins.items(), b.sql.logins.items(), [](const fixer::SqlLogin& l) { return l.name; });
    d.Keyed("sql.users", a.sql.users.items(), b.sql.users.items(),
            [](const fixer::SqlDbUser& u) { return u.database + "." + u.name; });
  }
  d.Keyed("services", a.services.items(), b.services.items(), [](const fixer::ServiceInfo& s) { return s.name; });
  DiffProducts(d, a.products, b.products);
  d.Value("session.caller", a.session.caller, b.session.caller);
  d.Value("session.interactive_user", a.session.interactive_user.value_or(kNone),
          b.session.interactive_user.value_or(kNone));
  d.Positional("events", a.events, b.events);
  // Keyed by the record's own `seq` (from 0), which a list position may not equal: said so.
  d.Keyed("journal", a.journal, b.journal,
          [](const fixer::JournalRecord& r) { return "seq " + std::to_string(r.seq); });
  return d.Take();
}

namespace {
// Where a long label's kept end starts: its last entry from the `]` closing the one before
// (`].acl[deny ASPNET (S-1-5-21-...-1004)]`), which says what the change is (an ACE's type and
// principal: a deny and an allow must not read alike), when it fits a line; else the SID it names
// last (` (S-1-5-...)]`), which tells two holders of one name apart; npos: neither.
size_t KeptEnd(const std::string& label) {
  if (label.ends_with(']')) {
    const size_t open = label.rfind('[');
    const size_t close = open == std::string::npos || open == 0 ? std::string::npos : label.rfind(']', open - 1);
    if (close != std::string::npos && label.size() - close < fixer::kShownLineBytes) return close;
  }
  return label.rfind(" (S-1-");
}

// A label (a change's path, a field's name: `acl[allow ASPNET (S-1-5-21-...-1004)]`) is cut as a
// line is, never as a value: a 60-byte cut would drop what tells two entries apart. A label longer
// than a line keeps its end whole (KeptEnd) and is cut before it instead:
// `objects[file C:\aaa... (150 of 300 bytes shown)].acl[deny ASPNET (S-1-...)]`.
std::string ShownLabel(const std::string& label) {
  if (label.size() <= fixer::kShownLineBytes) return label;
  const size_t kept = KeptEnd(label);
  if (kept == std::string::npos) return fixer::CappedValue(label, fixer::kShownLineBytes);
  const std::string_view tail = std::string_view(label).substr(kept);
  const size_t room = tail.size() < fixer::kShownLineBytes ? fixer::kShownLineBytes - tail.size() : 0;
  return fixer::CappedValue(std::string_view(label).substr(0, kept), room) + std::string(tail);
}
}  // namespace

std::string FormatChange(const Change& c, const std::string& indent) {
  // Names and values are the machine's text (a file name, a batch file's account name): each
  // value cut as a step line cuts the names it shows, each label (the path, a field's name) as a
  // line (a 10,000-character value is no 10,000-character line, fixer/quoted_value.h), then a line
  // end, ESC, a C1 control or a byte that is not UTF-8 shown escaped, never sent to a terminal.
  const auto path = fakes::EscapeForMessage(ShownLabel(c.path));
  const auto label = [](const std::string& l) { return fakes::EscapeForMessage(ShownLabel(l)); };
  const auto value = [](const std::string& v) { return fakes::EscapeForMessage(fixer::CappedValue(v)); };
  switch (c.kind) {
    case Change::Kind::kChanged: {
      // A list too long to show whole names the entries that moved instead (a cut hides them).
      const bool cut = c.before.size() > fixer::kQuotedValueBytes || c.after.size() > fixer::kQuotedValueBytes;
      if (cut && (!c.added.empty() || !c.removed.empty())) {
        std::string moved;
        for (const std::string& e : c.added) moved += (moved.empty() ? "+ " : ", + ") + e;
        for (const std::string& e : c.removed) moved += (moved.empty() ? "- " : ", - ") + e;
        return indent + "~ " + path + ": " +
               fakes::EscapeForMessage(fixer::CappedValue(moved, fixer::kShownLineBytes)) + "\n";
      }
      return indent + "~ " + path + ": " + value(c.before) + " -> " + value(c.after) + "\n";
    }
    case Change::Kind::kAdded:
    case Change::Kind::kRemoved: {
      const bool added = c.kind == Change::Kind::kAdded;
      std::string out = indent + (added ? "+ " : "- ") + path;
      if (c.fields.empty()) out += ": " + value(added ? c.after : c.before);
      out += "\n";
      // An event's text is what a scenario's `event` check matches (text_contains): shown whole.
      const bool event = c.path.starts_with("events[");
      for (const ChangeField& f : c.fields) {
        const std::string shown = event && f.name == "text" ? fakes::EscapeForMessage(f.value) : value(f.value);
        out += indent + "    " + label(f.name) + ": " + shown + "\n";
      }
      return out;
    }
  }
  return "";
}

std::string MaskText(fixer::ObjectNamespace ns, uint32_t mask) {
  const std::string_view name = fixer::MaskName(ns, mask);
  return name.empty() ? Hex(mask) : std::string(name);
}

}  // namespace sim
