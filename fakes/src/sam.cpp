#include "fakes/sam.h"

#include <algorithm>
#include <utility>

#include "fakes/account_lockout.h"
#include "fakes/modelling_choices.h"
#include "fakes/password_rules.h"
#include "fakes/well_known_sids.h"
#include "fixer/name_case.h"
#include "fixer/utf16.h"
#include "fixer/win_error.h"
#include "rid_pool.h"
#include "service_passwords.h"

namespace fakes {
namespace {

using fixer::Status;

constexpr size_t kMaxUserNameChars = 20;    // NetUserAdd, docs/windows-reference.md#net-commands
constexpr size_t kMaxGroupNameChars = 256;  // NetLocalGroupAdd (LOCALGROUP_INFO_0 remarks)
constexpr size_t kMaxHistoryKept = 24;      // the largest "Enforce password history" value

// The account name rules of USER_INFO_0 and LOCALGROUP_INFO_0, `max_chars` UTF-16 units long at most.
bool IsValidAccountName(std::string_view name, size_t max_chars) {
  const std::u16string wide = fixer::Utf8ToUtf16(name);
  if (wide.empty() || wide.size() > max_chars) return false;
  static constexpr std::u16string_view kForbidden = u"\"/\\[]:;|=,+*?<>";
  bool only_dots_and_spaces = true;
  for (char16_t c : wide) {
    // Characters 1-31 are refused too (NetLocalGroupAddMembers remarks on account names).
    if (c < 32 || kForbidden.find(c) != std::u16string_view::npos) return false;
    if (c != u'.' && c != u' ') only_dots_and_spaces = false;
  }
  // Nor may a name end with a period (USER_INFO_0 remarks, docs/windows-reference.md#local-groups).
  return !only_dots_and_spaces && wide.back() != u'.';
}

bool IsBuiltinDomainSid(const fixer::Sid& sid) {
  return sid.authority() == 5 && sid.sub_authorities().size() == 2 && sid.sub_authorities()[0] == 32;
}

// SplitMix64, one step: the same generator the machine uses for its own randomness.
uint64_t SplitMix64(uint64_t& state) {
  uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// "XPPRO\ASPNET" -> {"XPPRO", "ASPNET"}; "ASPNET" -> {nullopt, "ASPNET"}.
std::pair<std::optional<std::string>, std::string> SplitQualified(const std::string& name) {
  const size_t slash = name.find('\\');
  if (slash == std::string::npos) return {std::nullopt, name};
  return {name.substr(0, slash), name.substr(slash + 1)};
}

}  // namespace

std::optional<std::string> MadeRidProblem(uint32_t rid) {
  if (rid < kFirstAccountRid) {
    return "RID " + std::to_string(rid) +
           " is reserved: RIDs below 1000 are the built-in accounts' and groups' (MS-SAMR), and the SAM gives an "
           "account or group it makes one from 1000 up";
  }
  if (rid > kLastAccountRid) {
    return "RID " + std::to_string(rid) +
           " leaves no next RID: the SAM's next RID is 32 bits and never wraps, so the "
           "last RID it gives is " +
           std::to_string(kLastAccountRid);
  }
  return std::nullopt;
}

fixer::Sid MachineSidFromSeed(uint64_t seed) {
  uint64_t state = seed;
  auto next32 = [&state] { return static_cast<uint32_t>(SplitMix64(state) >> 32); };
  const uint32_t a = next32();
  const uint32_t b = next32();
  const uint32_t c = next32();
  return fixer::Sid::Machine(a, b, c);
}

// ---- reads --------------------------------------------------------------------------------

UserAccount* Sam::FindUser(const std::string& name) { return m_.state().sam.users.FindName(name); }

const UserAccount* Sam::FindUser(const std::string& name) const { return FindUserIn(m_.state(), name); }

const UserAccount* FindUserIn(const MachineState& state, std::string_view name) {
  return state.sam.users.FindName(name);
}

fixer::Status NameInUseIn(const MachineState& state, std::string_view name) {
  // One check for every kind of account, answered by what holds the name (SAM: users and
  // aliases share one name space; the name is looked up as LsaLookupNames would):
  // a local group is STATUS_ALIAS_EXISTS, 1379; the global group None STATUS_GROUP_EXISTS, 2223;
  // anything else STATUS_USER_EXISTS, 2224 (docs/windows-reference.md#account-names-taken).
  if (state.sam.groups.FindName(name)) return Status::Win(fixer::kErrorAliasExists);
  if (fixer::SameWindowsName(name, kNoneGroupName)) return Status::Win(fixer::kNerrGroupExists);
  const bool domain_name =
      fixer::SameWindowsName(name, state.products.os.computer_name) || fixer::SameWindowsName(name, "BUILTIN");
  // BUILTIN's well-known names are the local groups above.
  const WellKnownSid* well_known = FindWellKnownName(name);
  const bool principal = well_known != nullptr && well_known->domain != "BUILTIN";
  if (FindUserIn(state, name) || principal) return Status::Win(fixer::kNerrUserExists);
  if (domain_name) {
    RelyOn("choice-domain-name-taken");
    return Status::Win(fixer::kNerrUserExists);
  }
  return Status::Ok();
}

fixer::Status CheckNewGroupNameIn(const MachineState& state, std::string_view name) {
  // STATUS_INVALID_ACCOUNT_NAME, which the NetApi answers as NERR_BadUsername ("The user name or
  // group name parameter is invalid."), docs/windows-reference.md#local-groups.
  if (!IsValidAccountName(name, kMaxGroupNameChars)) return Status::Win(fixer::kNerrBadUsername);
  return NameInUseIn(state, name);
}

std::optional<fixer::Sid> UserSidIn(const MachineState& state, std::string_view name) {
  const UserAccount* u = FindUserIn(state, name);
  if (u == nullptr) return std::nullopt;
  return state.sam.domain.WithRid(u->rid);
}

std::vector<fixer::Sid> GroupsOfIn(const MachineState& state, const fixer::Sid& member) {
  std::vector<fixer::Sid> out;
  for (const LocalGroup& g : state.sam.groups) {
    if (g.members.Contains(member)) out.push_back(g.sid);
  }
  return out;
}

UserAccount* Sam::FindUserBySid(const fixer::Sid& sid) {
  return const_cast<UserAccount*>(std::as_const(*this).FindUserBySid(sid));
}
const UserAccount* Sam::FindUserBySid(const fixer::Sid& sid) const {
  if (!sid.IsAccountSid() || sid.Domain() != m_.state().sam.domain) return nullptr;
  return m_.state().sam.users.FindKey(sid.Rid());
}

LocalGroup* Sam::FindGroup(const std::string& name) {
  return const_cast<LocalGroup*>(std::as_const(*this).FindGroup(name));
}
const LocalGroup* Sam::FindGroup(const std::string& name) const { return m_.state().sam.groups.FindName(name); }

fixer::Sid Sam::SidOf(const UserAccount& user) const { return m_.state().sam.domain.WithRid(user.rid); }

std::vector<fixer::Sid> Sam::GroupsOf(const fixer::Sid& member) const { return GroupsOfIn(m_.state(), member); }

std::vector<fixer::LocalGroupRef> Sam::GroupsContaining(std::span<const fixer::Sid> members) const {
  std::vector<fixer::LocalGroupRef> out;
  for (const LocalGroup& g : m_.state().sam.groups) {
    if (std::any_of(members.begin(), members.end(), [&](const fixer::Sid& m) { return g.members.Contains(m); })) {
      out.push_back({g.name, g.sid});
    }
  }
  return out;
}

fixer::Account Sam::Describe(const UserAccount& user) const {
  fixer::Account a;
  a.name = user.name;
  a.sid = SidOf(user);
  a.full_name = user.full_name;
  a.comment = user.comment;
  a.flags = user.flags;
  a.flags.locked_out = IsLockedOutNow(user, m_.state());  // a run-out lockout reads as unlocked
  a.password_expired = PasswordExpiredNow(user, m_.state());
  a.password_must_change = user.password_expired;  // the mark itself, as a restore needs it
  a.password_not_required = user.password_not_required;
  // GroupsOf(a.sid) by name, without building that list (a group's SID is its own: the loader
  // refuses a second group with it).
  for (const LocalGroup& g : m_.state().sam.groups) {
    if (g.members.Contains(a.sid)) a.groups.push_back(g.name);
  }
  return a;
}

fixer::Result<std::string> Sam::LookupSid(const fixer::Sid& sid) const {
  const MachineState& s = m_.state();
  if (sid.IsAccountSid() && sid.Domain() == s.sam.domain) {
    if (const UserAccount* u = s.sam.users.FindKey(sid.Rid())) return u->name;
  }
  if (const LocalGroup* g = s.sam.groups.FindKey(sid)) return g->name;
  if (const WellKnownSid* w = FindWellKnownSid(sid)) return std::string(w->name);
  return Status::Win(fixer::kErrorNoneMapped);
}

fixer::Result<std::string> Sam::LookupQualifiedSid(const fixer::Sid& sid) const {
  if (const WellKnownSid* w = FindWellKnownSid(sid)) return w->QualifiedName();
  fixer::Result<std::string> name = LookupSid(sid);
  if (!name) return name;
  // The account domain's users and local groups are the computer's; any other alias is BUILTIN's.
  const MachineState& s = m_.state();
  const bool local = sid.IsAccountSid() && sid.Domain() == s.sam.domain;
  return (local ? s.products.os.computer_name : std::string("BUILTIN")) + "\\" + *name;
}

fixer::Result<fixer::Sid> Sam::LookupName(const std::string& name) const { return LookupNameIn(m_.state(), name); }

fixer::Result<fixer::Sid> LookupNameIn(const MachineState& s, const std::string& name) {
  const std::string& computer = s.products.os.computer_name;
  // Not a structured binding: clang before 16 cannot capture one in the lambda below.
  auto qualified = SplitQualified(name);
  std::optional<std::string>& domain = qualified.first;
  const std::string& bare = qualified.second;
  // ".\name" is the local machine, as Windows tools accept it.
  if (domain && *domain == ".") domain = computer;
  auto domain_matches = [&](std::string_view candidate) {
    return !domain || fixer::SameWindowsName(*domain, candidate);
  };
  // LsaLookupNames' order for an isolated name: a well-known name, then an account of the
  // built-in domain, then one of the account domain; so a local user named "Service" is found
  // only as XPPRO\Service (docs/windows-reference.md#sids). A qualified name has one candidate.
  for (const WellKnownSid& w : WellKnownSids()) {
    if (fixer::SameWindowsName(w.name, bare) && domain_matches(w.domain)) return w.sid;
  }
  for (const bool builtin : {true, false}) {
    // Both arms string_view: `? "BUILTIN" : computer` would make a temporary std::string.
    const std::string_view group_domain = builtin ? std::string_view("BUILTIN") : std::string_view(computer);
    if (!domain_matches(group_domain)) continue;
    // Users and groups share one name space (NameInUseIn), so a name finds one group at most.
    if (const LocalGroup* g = s.sam.groups.FindName(bare); g && IsBuiltinDomainSid(g->sid) == builtin) return g->sid;
    if (builtin) continue;
    if (const UserAccount* u = s.sam.users.FindName(bare)) return s.sam.domain.WithRid(u->rid);
  }
  return Status::Win(fixer::kErrorNoneMapped);
}

std::string Sam::DisplayName(const fixer::Sid& sid) const {
  const MachineState& s = m_.state();
  const std::string& computer = s.products.os.computer_name;
  if (sid.IsAccountSid() && sid.Domain() == s.sam.domain) {
    if (const UserAccount* u = s.sam.users.FindKey(sid.Rid())) return computer + "\\" + u->name;
  }
  if (const LocalGroup* g = s.sam.groups.FindKey(sid)) {
    return (IsBuiltinDomainSid(g->sid) ? std::string("BUILTIN") : computer) + "\\" + g->name;
  }
  if (const WellKnownSid* w = FindWellKnownSid(sid)) return w->QualifiedName();
  return sid.ToString();  // an orphan: command-line tools print the bare SID (docs/windows-reference.md#sids)
}

fixer::Status Sam::CheckPassword(const std::string& name, const fixer::Secret& password) const {
  const UserAccount* user = FindUser(name);
  if (!user) return Status::Win(fixer::kNerrUserNotFound);
  // An administrator's set: length and complexity count, the history does not [S: Q102529,
  // docs/windows-reference.md#password-policy].
  return CheckPasswordPolicy(m_.state().lsa.password_policy, user->name, user->full_name, {}, password);
}

// ---- mutations ----------------------------------------------------------------------------

fixer::Result<fixer::Sid> Sam::CreateUser(const fixer::NewAccount& spec, const fixer::Secret& password) {
  if (!IsValidAccountName(spec.name, kMaxUserNameChars)) return Status::Win(fixer::kNerrBadUsername);
  if (Status taken = NameInUseIn(m_.state(), spec.name); !taken.ok()) return taken;
  // No RID left: the create is refused, never a RID given again (docs/windows-reference.md#sids).
  if (m_.state().sam.next_rid > kLastAccountRid) return Status::Win(fixer::kErrorNoMoreRids);
  if (Status st = m_.Mutate("sam.create_user", spec.name); !st.ok()) return st;

  MachineState& s = m_.state();
  // NetUserAdd creates the account (SamrCreateUser2InDomain takes the RID), then sets its
  // password; a password the policy refuses makes it delete the account again, and the RID stays
  // used: the next account gets the one after (docs/windows-reference.md#sids).
  const uint32_t rid = s.sam.next_rid++;
  if (Status st = CheckPasswordPolicy(s.lsa.password_policy, spec.name, spec.full_name, {}, password); !st.ok()) {
    return st;
  }
  UserAccount user;
  user.rid = rid;
  user.name = spec.name;
  user.full_name = spec.full_name;
  user.comment = spec.comment;
  user.flags = spec.flags;
  user.flags.locked_out = false;  // an account cannot be created locked out
  user.password_hash = NtHash(password.Reveal());
  user.password_last_set = s.clock;
  const fixer::Sid sid = s.sam.domain.WithRid(user.rid);
  ForgetMatchingServicePasswords(s, user);
  s.sam.users.push_back(std::move(user));
  if (LocalGroup* users = s.sam.groups.FindKey(fixer::Sid::Users())) users->members.push_back(sid);
  return sid;
}

fixer::Status Sam::DeleteUser(const std::string& name) {
  UserAccount* user = FindUser(name);
  if (!user) return Status::Win(fixer::kNerrUserNotFound);
  // Any RID below 1000, not only Administrator's and Guest's: STATUS_SPECIAL_ACCOUNT, 1371
  // (docs/windows-reference.md#sids).
  if (user->rid < kFirstAccountRid) return Status::Win(fixer::kErrorSpecialAccount);
  if (Status st = m_.Mutate("sam.delete_user", user->name); !st.ok()) return st;
  MachineState& s = m_.state();
  const fixer::Sid sid = SidOf(*user);
  for (LocalGroup& g : s.sam.groups) g.members.erase(sid);
  KeepServicePasswords(s, *user);  // the SCM keeps the password of a service logging on as it
  // The RID is not given back (next_rid is untouched); rights, ACEs and the profile stay.
  s.sam.users.erase_if([&](const UserAccount& u) { return u.rid == sid.Rid(); });
  return Status::Ok();
}

fixer::Status Sam::SetPassword(const std::string& name, const fixer::Secret& password) {
  if (Status st = CheckPassword(name, password); !st.ok()) return st;
  UserAccount* user = FindUser(name);
  if (Status st = m_.Mutate("sam.set_password", user->name); !st.ok()) return st;
  KeepServicePasswords(m_.state(), *user);
  user->password_history.insert(user->password_history.begin(), user->password_hash);
  if (user->password_history.size() > kMaxHistoryKept) user->password_history.resize(kMaxHistoryKept);
  user->password_hash = NtHash(password.Reveal());
  user->password_last_set = m_.Now();
  user->password_expired = false;  // an administrator's reset gives a fresh password
  ForgetMatchingServicePasswords(m_.state(), *user);
  return Status::Ok();
}

fixer::Status Sam::SetFlags(const std::string& name, const fixer::AccountFlags& flags) {
  UserAccount* user = FindUser(name);
  if (!user) return Status::Win(fixer::kNerrUserNotFound);
  if (Status st = m_.Mutate("sam.set_flags", user->name); !st.ok()) return st;
  user->flags.disabled = flags.disabled;
  user->flags.password_never_expires = flags.password_never_expires;
  user->flags.cannot_change_password = flags.cannot_change_password;
  // UF_LOCKOUT can only be cleared (unlock), never set (NetUserSetInfo USER_INFO_1 remarks).
  // A run-out lockout is cleared too, as the next write to the account would. Only an unlock
  // sets the bad-password count back to 0 (MS-SAMR); the flags leave "must change password"
  // (usri_password_expired, another field) as it was (docs/windows-reference.md#lockout).
  if (!flags.locked_out || LockoutHasExpired(*user, m_.state())) {
    if (user->flags.locked_out) user->bad_password_count = 0;
    user->flags.locked_out = false;
    user->locked_out_at = 0;
  }
  return Status::Ok();
}

fixer::Status Sam::RequirePasswordChange(const std::string& name) {
  UserAccount* user = FindUser(name);
  if (!user) return Status::Win(fixer::kNerrUserNotFound);
  if (Status st = m_.Mutate("sam.require_password_change", user->name); !st.ok()) return st;
  // usri_password_expired nonzero: "the user must change password at next logon"; the password,
  // its age and the flags stay (docs/windows-reference.md#password-age).
  user->password_expired = true;
  return Status::Ok();
}

fixer::Status Sam::CheckNewMember(const std::string& group, const fixer::Sid& member) const {
  const LocalGroup* g = FindGroup(group);
  // NERR_GroupNotFound, as the API answers; net.exe shows 1376 instead (cmd_net_localgroup.cpp).
  // (docs/windows-reference.md#local-groups)
  if (!g) return Status::Win(fixer::kNerrGroupNotFound);
  // A SID of this machine's domain must name an account (MS-SAMR SamrAddMemberToAlias): a
  // deleted account's SID is refused. A local group cannot hold a local group.
  // (docs/windows-reference.md#local-groups)
  const SamState& sam = m_.state().sam;
  if (member.IsAccountSid() && member.Domain() == sam.domain && !FindUserBySid(member)) {
    return Status::Win(sam.groups.FindKey(member) ? fixer::kErrorInvalidMember : fixer::kErrorNoSuchMember);
  }
  if (IsBuiltinDomainSid(member)) return Status::Win(fixer::kErrorInvalidMember);
  if (g->members.Contains(member)) {
    return Status::Win(fixer::kErrorMemberInAlias);
  }
  return Status::Ok();
}

fixer::Status Sam::AddMember(const std::string& group, const fixer::Sid& member) {
  if (Status st = CheckNewMember(group, member); !st.ok()) return st;
  LocalGroup* g = FindGroup(group);
  if (Status st = m_.Mutate("sam.add_member", g->name); !st.ok()) return st;
  g->members.push_back(member);
  return Status::Ok();
}

fixer::Status Sam::CheckRemovedMember(const std::string& group, const fixer::Sid& member) const {
  const LocalGroup* g = FindGroup(group);
  if (!g) return Status::Win(fixer::kNerrGroupNotFound);  // NetLocalGroupDelMembers, as AddMember
  // The built-in Administrator stays an Administrator, even renamed, before membership is looked
  // at (docs/windows-reference.md#local-groups).
  if (g->sid == fixer::Sid::Administrators() && member == m_.state().sam.domain.WithRid(kAdministratorRid)) {
    return Status::Win(fixer::kErrorSpecialAccount);
  }
  if (!g->members.Contains(member)) {
    return Status::Win(fixer::kErrorMemberNotInAlias);
  }
  return Status::Ok();
}

fixer::Status Sam::RemoveMember(const std::string& group, const fixer::Sid& member) {
  if (Status st = CheckRemovedMember(group, member); !st.ok()) return st;
  LocalGroup* g = FindGroup(group);
  if (Status st = m_.Mutate("sam.remove_member", g->name); !st.ok()) return st;
  g->members.erase(member);
  return Status::Ok();
}

}  // namespace fakes
