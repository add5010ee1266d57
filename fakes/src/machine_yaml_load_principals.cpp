// Machine state files: accounts, groups, rights, LSA secrets and the password/lockout policy.
#include <algorithm>
#include <cctype>
#include <optional>
#include <unordered_set>

#include "fakes/lsa.h"
#include "fakes/password_rules.h"
#include "fakes/sam.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "fixer/text.h"
#include "fixer/win_error.h"
#include "machine_yaml_load.h"
#include "machine_yaml_names.h"
#include "rid_pool.h"

namespace fakes::yaml {
namespace {

bool IsBuiltinGroupSid(const fixer::Sid& sid) {
  return sid.authority() == 5 && sid.sub_authorities().size() == 2 && sid.sub_authorities()[0] == 32;
}

fixer::AccountFlags LoadAccountFlags(const Field& f) {
  fixer::AccountFlags flags;
  for (const Field& item : f.Items()) {
    const std::string name = item.Str();
    if (fixer::SameWindowsName(name, "disabled")) {
      flags.disabled = true;
    } else if (fixer::SameWindowsName(name, "locked_out")) {
      flags.locked_out = true;
    } else if (fixer::SameWindowsName(name, "password_never_expires")) {
      flags.password_never_expires = true;
    } else if (fixer::SameWindowsName(name, "cannot_change_password")) {
      flags.cannot_change_password = true;
    } else if (fixer::SameWindowsName(name, "password_not_required")) {
      // the fake's own flag (PasswordNotRequired), outside the ports' AccountFlags
    } else {
      item.Fail("unknown account flag " + fixer::QuotedValue(name) +
                "; expected one of: " + JoinNames({std::begin(kAccountFlagNames), std::end(kAccountFlagNames)}));
    }
  }
  return flags;
}

// Whether a `flags:` list names password_not_required (UF_PASSWD_NOTREQD).
bool PasswordNotRequired(const Field& f) {
  const auto items = f.Items();
  return std::any_of(items.begin(), items.end(),
                     [](const Field& item) { return fixer::SameWindowsName(item.Str(), "password_not_required"); });
}

// An NT hash as stored: 32 hex digits (kept lower-case), or "" for a blank password, which the
// blank password's own hash (31d6cfe0..., a SAM dump's) is too.
std::string LoadHash(const Field& f) {
  const std::string h = f.Str();
  const bool hex = std::all_of(h.begin(), h.end(), [](unsigned char ch) { return std::isxdigit(ch); });
  if (!(h.empty() || (h.size() == 32 && hex))) {
    f.Fail("expected an NT hash: 32 hex digits, or \"\" for a blank password");
  }
  return StoredNtHash(h);
}

const std::initializer_list<std::string_view> kAccountKeys = {"rid",
                                                              "full_name",
                                                              "comment",
                                                              "password",
                                                              "password_hash",
                                                              "password_history",
                                                              "flags",
                                                              "groups",
                                                              "absent",
                                                              "password_expired",
                                                              "bad_password_count",
                                                              "password_last_set",
                                                              "locked_out_at",
                                                              "last_bad_password_at",
                                                              "last_logon"};

// The fields both forms set directly on the stored account.
void ApplyAccountFacts(const MapFields& m, UserAccount& u) {
  if (auto v = m.Get("full_name")) u.full_name = v->Str();
  if (auto v = m.Get("comment")) u.comment = v->Str();
  if (auto v = m.Get("password_hash")) u.password_hash = LoadHash(*v);
  if (auto v = m.Get("password_history")) {
    u.password_history.clear();
    for (const Field& item : v->Items()) u.password_history.push_back(LoadHash(item));
  }
  if (auto v = m.Get("password_expired")) u.password_expired = v->Bool();
  if (auto v = m.Get("bad_password_count")) u.bad_password_count = v->U32();
  if (auto v = m.Get("password_last_set")) u.password_last_set = LoadTimeSeconds(*v);
  if (auto v = m.Get("locked_out_at")) u.locked_out_at = LoadTimeSeconds(*v);
  if (auto v = m.Get("last_bad_password_at")) u.last_bad_password_at = LoadTimeSeconds(*v);
  if (auto v = m.Get("last_logon")) u.last_logon = LoadTimeSeconds(*v);
}

void LoadAccountFull(LoadContext& c, const Entry& e) {
  MapFields m(e.value, kAccountKeys);
  c.OnlyInFresh(m, {"groups"}, "groups list their members");
  c.OnlyInFresh(m, {"absent"}, "leave the account out");
  if (m.Has("password") && m.Has("password_hash")) {
    m.KeyOf("password_hash")->Fail("give password or password_hash, not both");
  }
  UserAccount u;
  u.name = e.key;
  const Field rid = m.Require("rid");
  u.rid = rid.U32();
  if (const UserAccount* other = c.st().sam.users.FindKey(u.rid)) {
    rid.Fail("RID " + std::to_string(u.rid) + " is already " + fixer::QuotedValue(other->name) + "'s");
  }
  // Below 1000 only the built-in accounts (Administrator, Guest, under any name); the rest the SAM made.
  if (!IsBuiltinAccountRid(u.rid)) {
    if (auto problem = MadeRidProblem(u.rid)) rid.Fail(*problem);
  }
  // The SAM gives RIDs counting up, each once: a RID at or past the next one it gives would be
  // given again to the next account created (two accounts, one SID).
  if (u.rid >= c.st().sam.next_rid) {
    rid.Fail("RID " + std::to_string(u.rid) + " is not below next_rid (" + std::to_string(c.st().sam.next_rid) +
             (c.next_rid_given ? "" : ", the default") +
             "): the next account created would get a RID in use; write next_rid above every RID");
  }
  if (auto v = m.Get("password")) u.password_hash = NtHash(v->Str());
  if (auto v = m.Get("flags")) {
    u.flags = LoadAccountFlags(*v);
    u.password_not_required = PasswordNotRequired(*v);
  }
  ApplyAccountFacts(m, u);
  c.st().sam.users.push_back(std::move(u));
}

// A SID the file gives as a value (not a principal to resolve): a group's or the machine's.
fixer::Sid SidValue(const Field& f) {
  const std::string text = f.Str();
  std::optional<fixer::Sid> sid;
  if (LooksLikeSid(text)) {
    if (auto parsed = fixer::Sid::Parse(text); parsed.ok()) sid = *parsed;
  }
  if (!sid) f.Fail(fixer::MalformedSidText(text));
  return *sid;
}

// The local group an account's `groups` item names: by its SID (`S-1-5-32-544`, which a localized
// Windows names `Administratoren`), else by its name.
const LocalGroup& ListedGroup(LoadContext& c, const Field& item) {
  const std::string text = item.Str();
  const bool by_sid = LooksLikeSid(text);
  const LocalGroup* g = by_sid ? c.st().sam.groups.FindKey(SidValue(item)) : Sam(c.machine).FindGroup(text);
  if (!g) {
    item.Fail((by_sid ? "no local group has SID " : "no local group named ") + fixer::QuotedValue(text) +
              WindowsErrorAside(2220));
  }
  return *g;
}

// The account is a member of exactly these groups afterwards.
void SetMembership(LoadContext& c, const Field& groups, const fixer::Sid& sid) {
  Sam sam(c.machine);
  const std::vector<Field> items = groups.Items();
  std::vector<fixer::Sid> wanted;
  std::vector<std::string> names;
  for (const Field& item : items) {
    const LocalGroup& g = ListedGroup(c, item);
    wanted.push_back(g.sid);
    names.push_back(g.name);
  }
  for (const fixer::Sid& current : sam.GroupsOf(sid)) {
    if (std::find(wanted.begin(), wanted.end(), current) != wanted.end()) continue;
    for (const LocalGroup& g : c.st().sam.groups) {
      if (g.sid == current) c.Check(sam.RemoveMember(g.name, sid), groups, "leaving " + fixer::QuotedValue(g.name));
    }
  }
  const std::vector<fixer::Sid> now = sam.GroupsOf(sid);
  for (size_t i = 0; i < wanted.size(); ++i) {
    if (std::find(now.begin(), now.end(), wanted[i]) != now.end()) continue;
    // Listing a group twice is harmless; 1378 only means it is already done.
    const fixer::Status st = sam.AddMember(names[i], sid);
    if (st.code() != fixer::kErrorMemberInAlias) c.Check(st, items[i], "joining " + fixer::QuotedValue(names[i]));
  }
}

// A RID of the machine domain that no account or group holds: the SAM gives each RID once.
void RequireFreeRid(LoadContext& c, const Field& at, uint32_t rid) {
  const SamState& sam = c.st().sam;
  if (const UserAccount* user = sam.users.FindKey(rid))
    at.Fail("RID " + std::to_string(rid) + " is already " + fixer::QuotedValue(user->name) + "'s");
  if (const LocalGroup* group = sam.groups.FindKey(sam.domain.WithRid(rid)))
    at.Fail("RID " + std::to_string(rid) + " is already the group " + fixer::QuotedValue(group->name) + "'s");
}

// The RID a fresh form's new account is created with (`rid:`, a capture's), checked free.
std::optional<uint32_t> GivenRid(LoadContext& c, const MapFields& m) {
  const auto field = m.Get("rid");
  if (!field) return std::nullopt;
  const uint32_t rid = field->U32();
  RequireFreeRid(c, *field, rid);
  if (auto problem = MadeRidProblem(rid)) field->Fail(*problem);  // the SAM makes it: never a built-in RID
  return rid;
}

// Runs `create` with the SAM's next RID set to `rid` (the account it creates gets it), then sets
// the next RID back past it: RIDs only grow.
template <class Create>
void CreateAtRid(LoadContext& c, std::optional<uint32_t> rid, Create create) {
  if (!rid) {
    create();
    return;
  }
  const uint32_t saved = c.st().sam.next_rid;
  c.st().sam.next_rid = *rid;
  create();
  c.st().sam.next_rid = std::max(saved, c.st().sam.next_rid);
}

void LoadAccountChange(LoadContext& c, const Entry& e) {
  MapFields m(e.value, kAccountKeys);
  c.OnlyInFull(m, {"password_history"}, "a fresh install keeps history");
  if (m.Has("password") && m.Has("password_hash")) {
    m.KeyOf("password_hash")->Fail("give password or password_hash, not both");
  }
  Sam sam(c.machine);
  if (auto absent = m.Get("absent")) {
    if (m.entries().size() > 1) absent->Fail("absent: true takes no other keys");
    if (absent->Bool() && sam.FindUser(e.key)) {
      c.Check(sam.DeleteUser(e.key), e.key_field, "deleting account " + fixer::QuotedValue(e.key));
    }
    return;
  }
  fixer::Secret password;
  if (auto v = m.Get("password")) password = fixer::Secret::FromString(v->Str());
  std::optional<fixer::AccountFlags> flags;
  if (auto v = m.Get("flags")) flags = LoadAccountFlags(*v);

  if (!sam.FindUser(e.key)) {
    fixer::NewAccount spec;
    spec.name = e.key;
    if (auto v = m.Get("full_name")) spec.full_name = v->Str();
    if (auto v = m.Get("comment")) spec.comment = v->Str();
    if (flags) spec.flags = *flags;
    CreateAtRid(c, GivenRid(c, m), [&] {
      c.Check(sam.CreateUser(spec, password).status(), e.key_field, "creating account " + fixer::QuotedValue(e.key));
    });
  } else if (m.Has("password")) {
    c.Check(sam.SetPassword(e.key, password), *m.Get("password"), "setting the password");
  }
  UserAccount& u = *sam.FindUser(e.key);
  // An account's SID never changes: the RID the file gives is the one it has (a fresh install's
  // Administrator 500, the ASPNET `frameworks` registered at its `rid`).
  if (auto rid = m.Get("rid"); rid && rid->U32() != u.rid) {
    rid->Fail(fixer::QuotedValue(u.name) + " has RID " + std::to_string(u.rid) + " here, not " + rid->Str() +
              ": an account's RID never changes");
  }
  ApplyAccountFacts(m, u);
  if (flags) {
    u.flags = *flags;
    u.password_not_required = PasswordNotRequired(*m.Get("flags"));
    // A state file says the account is locked out now, unless it says since when.
    if (flags->locked_out && !m.Has("locked_out_at")) u.locked_out_at = c.st().clock;
    if (!flags->locked_out && !m.Has("locked_out_at")) u.locked_out_at = 0;
  }
  if (auto g = m.Get("groups")) SetMembership(c, *g, sam.SidOf(u));
}

// State files state facts; a password in one was set before the file's policy, so accounts
// are applied under a policy that accepts any password and the file's policy comes after.
class PermissivePolicy {
 public:
  explicit PermissivePolicy(MachineState& s) : s_(s), saved_(s.lsa.password_policy) {
    s.lsa.password_policy.min_length = 0;
    s.lsa.password_policy.complexity = false;
    s.lsa.password_policy.history = 0;
  }
  ~PermissivePolicy() { s_.lsa.password_policy = saved_; }
  PermissivePolicy(const PermissivePolicy&) = delete;
  PermissivePolicy& operator=(const PermissivePolicy&) = delete;

 private:
  MachineState& s_;
  fixer::PasswordPolicyInfo saved_;
};

// The group of that SID takes the file's name (a German XP's `Administratoren` is S-1-5-32-544):
// renamed as lusrmgr renames one, a name another principal holds refused as NetLocalGroupSetInfo
// refuses it.
LocalGroup* RenameGroup(LoadContext& c, const LocalGroup& group, const Entry& e) {
  if (!fixer::SameWindowsName(group.name, e.key)) {
    c.Check(CheckNewGroupNameIn(c.st(), e.key), e.key_field,
            "renaming group " + fixer::QuotedValue(group.name) + " to " + fixer::QuotedValue(e.key));
  }
  auto& groups = c.st().sam.groups;
  const fixer::Sid sid = group.sid;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (groups[i].sid != sid) continue;
    LocalGroup renamed = groups[i];
    renamed.name = e.key;
    groups.Replace(i, std::move(renamed));
  }
  return groups.FindKey(sid);
}

const std::initializer_list<std::string_view> kGroupKeys = {"sid", "comment", "members", "absent"};

std::vector<fixer::Sid> LoadMembers(LoadContext& c, const Field& f) {
  std::vector<fixer::Sid> out;
  std::unordered_set<fixer::Sid> listed;
  for (const Field& item : f.Items()) {
    const fixer::Sid sid = c.Principal(item);
    if (!listed.insert(sid).second) item.Fail("member listed twice");
    out.push_back(sid);
  }
  return out;
}

}  // namespace

void LoadAccounts(LoadContext& c, const Field& f) {
  const std::vector<Entry> entries = NamedEntries(f, "account");
  if (c.full) {
    for (const Entry& e : entries) LoadAccountFull(c, e);
    return;
  }
  PermissivePolicy permissive(c.st());
  for (const Entry& e : entries) LoadAccountChange(c, e);
}

void LoadGroups(LoadContext& c, const Field& f) {
  for (const Entry& e : NamedEntries(f, "group")) {
    MapFields m(e.value, kGroupKeys);
    if (c.full) {
      c.OnlyInFresh(m, {"absent"}, "leave the group out");
      LocalGroup g;
      g.name = e.key;
      const Field sid_field = m.Require("sid");
      g.sid = c.Principal(sid_field);
      if (const LocalGroup* other = c.st().sam.groups.FindKey(g.sid)) {
        sid_field.Fail("SID already used by group " + fixer::QuotedValue(other->name));
      }
      if (g.sid.IsAccountSid() && g.sid.Domain() == c.st().sam.domain) {  // aliases and users share the RID pool
        if (const UserAccount* user = c.st().sam.users.FindKey(g.sid.Rid())) {
          sid_field.Fail("SID already used by account " + fixer::QuotedValue(user->name));
        }
      }
      if (auto v = m.Get("comment")) g.comment = v->Str();
      if (auto v = m.Get("members")) g.members = LoadMembers(c, *v);
      c.st().sam.groups.push_back(std::move(g));
      continue;
    }
    Sam sam(c.machine);
    const auto sid_field = m.Get("sid");
    const std::optional<fixer::Sid> sid = sid_field ? std::optional(SidValue(*sid_field)) : std::nullopt;
    // A group the file gives by SID is that group whatever its name here; else the one of its name.
    LocalGroup* existing = sid ? c.st().sam.groups.FindKey(*sid) : nullptr;
    if (sid && !existing && IsBuiltinGroupSid(*sid))
      sid_field->Fail("no builtin group of this edition has SID " + fixer::QuotedValue(sid_field->Str()));
    if (!existing) existing = sam.FindGroup(e.key);
    if (auto absent = m.Get("absent")) {
      if (m.entries().size() > 1) absent->Fail("absent: true takes no other keys");
      if (!absent->Bool() || !existing) continue;
      if (IsBuiltinGroupSid(existing->sid)) e.key_field.Fail("a builtin group cannot be deleted");
      const fixer::Sid gone = existing->sid;
      c.st().sam.groups.erase_if([&](const LocalGroup& g) { return g.sid == gone; });
      continue;
    }
    if (!existing) {
      // NetLocalGroupAdd's checks: the name rules, then a user's, a well-known principal's or a
      // domain's name is taken.
      c.Check(CheckNewGroupNameIn(c.st(), e.key), e.key_field, "creating group " + fixer::QuotedValue(e.key));
      LocalGroup g;
      g.name = e.key;
      if (sid) {  // a capture's group keeps its SID: one of this machine's domain, at a free RID
        if (!sid->IsAccountSid() || sid->Domain() != c.st().sam.domain)
          sid_field->Fail("a new group's SID is one of this machine's domain (" + c.st().sam.domain.ToString() +
                          "-RID)");
        RequireFreeRid(c, *sid_field, sid->Rid());
        if (auto problem = MadeRidProblem(sid->Rid())) sid_field->Fail(*problem);
        g.sid = *sid;
        c.st().sam.next_rid = std::max(c.st().sam.next_rid, sid->Rid() + 1);  // no wrap: below kNoRidLeft
      } else {
        // Aliases share the RID pool: none left refuses the group as it does an account.
        if (c.st().sam.next_rid > kLastAccountRid)
          c.Check(fixer::Status::Win(fixer::kErrorNoMoreRids), e.key_field,
                  "creating group " + fixer::QuotedValue(e.key));
        g.sid = c.st().sam.domain.WithRid(c.st().sam.next_rid++);
      }
      c.st().sam.groups.push_back(std::move(g));
      existing = &c.st().sam.groups.back();
    } else if (sid && existing->sid == *sid && existing->name != e.key) {
      existing = RenameGroup(c, *existing, e);  // a localized Windows' name of a builtin group
    }
    if (auto v = m.Get("comment")) existing->comment = v->Str();
  }
}

void LoadGroupMembers(LoadContext& c, const Field& f) {
  for (const Entry& e : NamedEntries(f, "group")) {
    MapFields m(e.value, kGroupKeys);
    const auto members = m.Get("members");
    if (!members) continue;
    Sam sam(c.machine);
    const std::vector<fixer::Sid> wanted = LoadMembers(c, *members);
    const std::string name = sam.FindGroup(e.key)->name;
    const std::vector<fixer::Sid> current = sam.FindGroup(e.key)->members;
    const std::unordered_set<fixer::Sid> wanted_set(wanted.begin(), wanted.end());
    for (const fixer::Sid& sid : current) {
      if (!wanted_set.contains(sid)) {
        c.Check(sam.RemoveMember(name, sid), *members, "removing a member of " + fixer::QuotedValue(name));
      }
    }
    const std::vector<Field> items = members->Items();
    for (size_t i = 0; i < wanted.size(); ++i) {
      if (sam.FindGroup(name)->members.Contains(wanted[i])) continue;
      c.Check(sam.AddMember(name, wanted[i]), items[i], "adding a member to " + fixer::QuotedValue(name));
    }
  }
}

void LoadRights(LoadContext& c, const Field& f) {
  std::unordered_set<fixer::Sid> seen;
  for (const Entry& e : MapEntries(f)) {
    const fixer::Sid sid = c.Principal(e.key_field);
    if (!seen.insert(sid).second)
      e.key_field.Fail("rights of " + fixer::QuotedValue(e.key) + " are already listed (same SID)");
    RightSet wanted;
    for (const Field& item : e.value.Items()) {
      const std::string right = item.Str();
      const std::string* name = CanonicalRightOn(c.st().products.os, right);
      if (name == nullptr && IsKnownRight(right)) {
        const fixer::OsInfo& os = c.st().products.os;
        item.Fail("right " + fixer::QuotedValue(right) + " does not exist on " + std::string(ToString(os.edition)) +
                  " SP" + std::to_string(os.service_pack) + WindowsErrorAside(1313));
      }
      if (name == nullptr) item.Fail("unknown right " + fixer::QuotedValue(right) + WindowsErrorAside(1313));
      wanted.insert(*name);  // in its one spelling, as Lsa::Grant keeps it
    }
    if (c.full) {
      c.st().lsa.rights[sid] = std::move(wanted);
      continue;
    }
    Lsa lsa(c.machine);
    for (const std::string& held : lsa.RightsOf(sid)) {
      if (!wanted.contains(held)) c.Check(lsa.Revoke(sid, held), e.value, "revoking " + fixer::QuotedValue(held));
    }
    for (const std::string& right : wanted)
      c.Check(lsa.Grant(sid, right), e.value, "granting " + fixer::QuotedValue(right));
  }
}

void LoadServicePasswords(LoadContext& c, const Field& f) {
  for (const Entry& e : NamedEntries(f, "service")) c.st().lsa.service_passwords[e.key] = LoadHash(e.value);
}

namespace {

// The stored form as the saver writes it: hex digits, an even count.
std::string StoredHex(const Field& stored) {
  const std::string hex = stored.Str();
  const bool ok =
      hex.size() % 2 == 0 && std::all_of(hex.begin(), hex.end(), [](unsigned char ch) { return std::isxdigit(ch); });
  if (!ok) stored.Fail("expected the stored (encrypted) value as hex digits");
  return hex;
}

}  // namespace

void LoadSecrets(LoadContext& c, const Field& f) {
  for (const Entry& e : NamedEntries(f, "secret")) {
    MapFields m(e.value, {"clear", "stored", "redacted", "absent", "logs_on"});
    const auto logs_on = m.Get("logs_on");
    const auto redacted = m.Get("redacted");
    // The saved form (base: empty) keeps a capture's record beside the value standing in for it.
    const auto stored = m.Get("stored");
    const bool stands_in = c.full && redacted && stored;
    if (m.entries().size() != (logs_on ? 2u : 1u) + (stands_in ? 1u : 0u))
      e.value.Fail("expected exactly one of: clear, stored, redacted, absent");
    if (logs_on && !redacted) logs_on->Fail("logs_on goes with redacted: true only");
    c.st().lsa.redacted_secrets.erase(e.key);  // in any spelling; recorded again below if redacted
    if (redacted) {
      if (!redacted->Bool()) redacted->Fail("expected redacted: true");
      const bool mismatch = logs_on && !logs_on->Bool();
      if (stands_in) {
        c.st().lsa.secrets.erase(e.key);
        c.st().lsa.secrets[e.key] = StoredHex(*stored);
      } else if (mismatch || !c.st().lsa.secrets.contains(e.key)) {  // in any spelling: the map compares without case
        // A capture's placeholder: the secret exists, its value was not captured. The machine's
        // own value is kept; without one, or where the capture found it no longer logs ASPNET on
        // (logs_on: false), a value no password matches is stored.
        if (mismatch) c.st().lsa.secrets.erase(e.key);
        c.Check(Lsa(c.machine).StoreSecret(e.key, fixer::Secret::FromString(std::string(kNotCapturedSecret))),
                *redacted, "storing secret " + fixer::QuotedValue(e.key));
      }
      RedactedSecret record;
      if (logs_on) record.logs_on = logs_on->Bool();
      c.st().lsa.redacted_secrets[StoredSecretName(c.st(), e.key)] = record;
    } else if (auto absent = m.Get("absent")) {
      if (!absent->Bool()) absent->Fail("expected absent: true");
      c.st().lsa.secrets.erase(e.key);
    } else if (stored) {
      // The stored form is keyed by the name as written: it replaces a secret of another spelling.
      const std::string hex = StoredHex(*stored);
      c.st().lsa.secrets.erase(e.key);
      c.st().lsa.secrets[e.key] = hex;
    } else {
      const Field clear = *m.Get("clear");
      c.Check(Lsa(c.machine).StoreSecret(e.key, fixer::Secret::FromString(clear.Str())), clear,
              "storing secret " + fixer::QuotedValue(e.key));
    }
  }
}

void LoadPolicy(LoadContext& c, const Field& f) {
  MapFields m(f, {"password", "lockout", "limit_blank_password_use"});
  LsaState& lsa = c.st().lsa;
  // Ranges of the XP Local Security Policy editor [M].
  if (auto p = m.Get("password")) {
    MapFields pm(*p, {"min_length", "complexity", "history", "max_age_days", "min_age_days"});
    if (auto v = pm.Get("min_length")) lsa.password_policy.min_length = v->U32(14);
    if (auto v = pm.Get("complexity")) lsa.password_policy.complexity = v->Bool();
    if (auto v = pm.Get("history")) lsa.password_policy.history = v->U32(24);
    if (auto v = pm.Get("max_age_days")) lsa.password_policy.max_age_days = v->U32(999);
    if (auto v = pm.Get("min_age_days")) lsa.password_policy.min_age_days = v->U32(998);
    // The SAM keeps the minimum age at or below a maximum one (0: never expires)
    // (docs/windows-reference.md#password-age).
    if (const auto problem = PasswordAgesProblem(lsa.password_policy.min_age_days, lsa.password_policy.max_age_days)) {
      auto at = pm.Get("min_age_days");
      if (!at) at = pm.Get("max_age_days");
      if (at) at->Fail(*problem);
    }
  }
  if (auto l = m.Get("lockout")) {
    MapFields lm(*l, {"threshold", "duration_minutes", "reset_minutes"});
    if (auto v = lm.Get("threshold")) lsa.lockout.threshold = v->U32(999);
    if (auto v = lm.Get("duration_minutes")) lsa.lockout.duration_minutes = v->U32(99999);
    // "Reset account lockout counter after": 1 to 99,999 minutes, and no longer than a non-zero
    // duration (docs/windows-reference.md#lockout). A window the file leaves at its default
    // beside a shorter duration is read as the duration instead (fakes::ObservationWindowPassed).
    if (auto v = lm.Get("reset_minutes")) {
      lsa.lockout.reset_minutes = v->U32(1, 99999);
      const uint32_t duration = lsa.lockout.duration_minutes;
      if (duration != 0 && lsa.lockout.reset_minutes > duration) {
        v->Fail(fixer::CountText(lsa.lockout.reset_minutes, "minute", "minutes") +
                " is longer than the lockout duration (" + fixer::CountText(duration, "minute", "minutes") +
                "): Windows holds no observation window longer than a lockout");
      }
    }
  }
  lsa.password_policy.lockout_threshold = lsa.lockout.threshold;  // the mirror state.h keeps
  if (auto v = m.Get("limit_blank_password_use")) lsa.limit_blank_password_use = v->Bool();
}

void LoadFrameworksAtWorkerRid(LoadContext& c, const Field& frameworks, const std::optional<Field>& accounts) {
  std::optional<uint32_t> rid;
  if (accounts && accounts->IsMap()) {
    for (const Entry& e : MapEntries(*accounts)) {
      if (!fixer::SameWindowsName(e.key, "ASPNET") || !e.value.IsMap()) continue;
      MapFields m(e.value, kAccountKeys);
      if (!m.Has("absent")) rid = GivenRid(c, m);
    }
  }
  CreateAtRid(c, rid, [&] { LoadFrameworks(c, frameworks); });
}

void LoadNextRid(LoadContext& c, const Field& f) {
  // At least this, never back: the RIDs the load gave its accounts and groups stay taken.
  c.st().sam.next_rid = std::max(c.st().sam.next_rid, f.U32());
}

}  // namespace fakes::yaml
