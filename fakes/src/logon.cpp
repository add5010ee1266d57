#include "fakes/logon.h"

#include <algorithm>
#include <span>

#include "fakes/account_lockout.h"
#include "fakes/modelling_choices.h"
#include "fakes/password_rules.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fixer/name_case.h"

namespace fakes {
namespace {

using fixer::Sid;
using fixer::Status;

// The SID a logon of this type adds to the token. [M] A Terminal Services logon is modelled
// as INTERACTIVE (XP also adds REMOTE INTERACTIVE LOGON, which nothing here grants anything to).
Sid LogonTypeSid(LogonType type) {
  switch (type) {
    case LogonType::kInteractive:
    case LogonType::kRemoteInteractive: return Sid::Interactive();
    case LogonType::kNetwork: return Sid::Network();
    case LogonType::kBatch: return Sid::Batch();
    case LogonType::kService: return Sid::Service();
  }
  return Sid::Interactive();
}

void AddUnique(std::vector<Sid>& sids, const Sid& sid) {
  if (std::find(sids.begin(), sids.end(), sid) == sids.end()) sids.push_back(sid);
}

// The local groups (aliases) of a logon: those holding the user or any of the SIDs the logon
// adds by itself, which is how BUILTIN\Users reaches anyone through Authenticated Users or
// INTERACTIVE; then those implicit SIDs.
std::vector<Sid> TokenGroups(const MachineState& s, const Sid& user, std::span<const Sid> implicit) {
  std::vector<Sid> groups;
  for (const LocalGroup& g : s.sam.groups) {
    const bool member = g.members.Contains(user) || std::any_of(implicit.begin(), implicit.end(),
                                                                [&](const Sid& m) { return g.members.Contains(m); });
    if (member) AddUnique(groups, g.sid);
  }
  for (const Sid& sid : implicit) AddUnique(groups, sid);
  return groups;
}

// "NT AUTHORITY\Network Service", "NetworkService", "LocalSystem" ... -> "networkservice",
// "localsystem": the spellings service configurations and tools use for built-in identities.
std::string NormalizedIdentity(std::string_view identity) {
  static constexpr std::string_view kNtAuthority = "nt authority\\";
  std::string folded = fixer::FoldWindowsName(identity);
  if (folded.starts_with(kNtAuthority)) folded.erase(0, kNtAuthority.size());
  std::erase(folded, ' ');
  return folded;
}

const fixer::ServiceInfo* FindService(const MachineState& s, std::string_view name) {
  for (const fixer::ServiceInfo& svc : s.services) {
    if (fixer::SameWindowsName(svc.name, name)) return &svc;
  }
  return nullptr;
}

}  // namespace

std::vector<Sid> Token::AllSids() const {
  std::vector<Sid> all{user};
  all.insert(all.end(), groups.begin(), groups.end());
  return all;
}

LogonVerdict EvaluateLogon(const MachineState& s, const std::string& user, const fixer::Secret& password,
                           LogonType type) {
  const UserAccount* account = FindUserIn(s, user);
  // An unknown name and a wrong password give the same answer, so names cannot be probed.
  if (!account) return {Status::Win(fixer::kErrorLogonFailure)};
  // The lockout comes before the password: a locked-out account answers 1909 whatever password
  // is typed, and a wrong one is not counted (docs/windows-reference.md#logon-order).
  if (IsLockedOutNow(*account, s)) return {Status::Win(fixer::kErrorAccountLockedOut)};
  if (NtHash(password.Reveal()) != account->password_hash) {
    return {Status::Win(fixer::kErrorLogonFailure), LogonVerdict::Change::kCountBadPassword};
  }
  if (account->flags.disabled) return {Status::Win(fixer::kErrorAccountDisabled)};
  if (const uint32_t error = PasswordLogonError(*account, s); error != 0) return {Status::Win(error)};
  // "Limit local account use of blank passwords to console logon only": no API or runas
  // logon is a console logon, so every logon modelled here is refused (docs/windows-reference.md#logon-order).
  if (account->password_hash.empty() && s.lsa.limit_blank_password_use) {
    return {Status::Win(fixer::kErrorAccountRestriction)};
  }

  Token token;
  token.user = s.sam.domain.WithRid(account->rid);
  token.user_name = account->name;
  const Sid implicit[] = {Sid::Everyone(), Sid::AuthenticatedUsers(), LogonTypeSid(type)};
  token.groups = TokenGroups(s, token.user, implicit);
  if (!LogonAllowedIn(s, token.AllSids(), type)) return {Status::Win(fixer::kErrorLogonTypeNotGranted)};
  // Success resets the bad-password count (and clears a lockout that has run out).
  const bool reset = account->bad_password_count != 0 || account->flags.locked_out;
  return {std::move(token), reset ? LogonVerdict::Change::kResetCount : LogonVerdict::Change::kNone};
}

fixer::Result<Token> LogonService::CheckLogon(const std::string& user, const fixer::Secret& password,
                                              LogonType type) const {
  return EvaluateLogon(m_.state(), user, password, type).answer;
}

fixer::Result<Token> LogonService::LogonUser(const std::string& user, const fixer::Secret& password, LogonType type) {
  MachineState& s = m_.state();
  LogonVerdict verdict = EvaluateLogon(s, user, password, type);
  if (verdict.change == LogonVerdict::Change::kNone && !verdict.answer) return std::move(verdict.answer);
  UserAccount* account = Sam(m_).FindUser(user);
  if (verdict.change == LogonVerdict::Change::kNone) {
    // The SAM keeps the time of the last successful logon, which net user prints (Last logon).
    if (account->last_logon != s.clock) {
      m_.Bookkeep();
      account->last_logon = s.clock;
    }
    return std::move(verdict.answer);
  }
  if (verdict.change == LogonVerdict::Change::kCountBadPassword) {
    if (Status st = m_.Mutate("sam.bad_password", account->name); !st.ok()) return st;
    if (LockoutHasExpired(*account, s)) {  // the old lockout ran out: counting starts over
      account->flags.locked_out = false;
      account->locked_out_at = 0;
      account->bad_password_count = 0;
    } else if (ObservationWindowPassed(*account, s)) {
      account->bad_password_count = 0;  // docs/windows-reference.md#lockout
    }
    // A count at the top of its 32 bits stays there: wrapped to 0 it would forget every bad password.
    if (account->bad_password_count < UINT32_MAX) ++account->bad_password_count;
    account->last_bad_password_at = s.clock;
    const uint32_t threshold = s.lsa.lockout.threshold;
    // The built-in Administrator is never locked out (docs/windows-reference.md#lockout).
    const bool can_lock = account->rid != kAdministratorRid;
    if (threshold > 0 && can_lock && !account->flags.locked_out && account->bad_password_count >= threshold) {
      account->flags.locked_out = true;
      account->locked_out_at = s.clock;
    }
    return std::move(verdict.answer);
  }
  if (Status st = m_.Mutate("sam.logon_reset", account->name); !st.ok()) return st;
  account->bad_password_count = 0;
  account->last_bad_password_at = 0;
  account->flags.locked_out = false;
  account->locked_out_at = 0;
  account->last_logon = s.clock;
  return std::move(verdict.answer);
}

fixer::Status LogonService::ReachSecondaryLogon() const {
  // The request goes through the Secondary Logon service before any logon is attempted.
  // [M] A missing seclogon answers 1060; a stopped but enabled one is demand-started by the
  // SCM, which this model takes as given (its state is the SCM's, not ours to change).
  const fixer::ServiceInfo* seclogon = FindService(m_.state(), "seclogon");
  if (!seclogon) return Status::Win(fixer::kErrorServiceDoesNotExist);
  if (seclogon->start_type == fixer::StartType::kDisabled) return Status::Win(fixer::kErrorServiceDisabled);
  if (seclogon->state != fixer::ServiceState::kRunning) RelyOn("choice-seclogon-demand-start");
  return Status::Ok();
}

fixer::Result<Token> LogonService::RunWithProfile(const std::string& user, const fixer::Secret& password,
                                                  const std::string& command_line) {
  // CreateProcessWithLogonW with neither an application nor a command line.
  if (command_line.empty()) return Status::Win(fixer::kErrorInvalidParameter);
  if (Status st = ReachSecondaryLogon(); !st.ok()) return st;
  fixer::Result<Token> token = LogonUser(user, password, LogonType::kInteractive);
  if (!token) return token;
  fixer::Result<ProfileEntry> profile = ProfileStore(m_).LoadOrCreate(token->user, token->user_name);
  if (!profile) return profile.status();
  token->profile_loaded = true;
  return token;
}

fixer::Result<Token> LogonService::ConsoleLogon(const std::string& user) {
  const MachineState& s = m_.state();
  const UserAccount* account = FindUserIn(s, user);
  if (!account) return Status::Win(fixer::kErrorLogonFailure);
  if (IsLockedOutNow(*account, s)) return Status::Win(fixer::kErrorAccountLockedOut);
  if (account->flags.disabled) return Status::Win(fixer::kErrorAccountDisabled);
  if (const uint32_t error = PasswordLogonError(*account, s); error != 0) return Status::Win(error);
  Token token;
  token.user = s.sam.domain.WithRid(account->rid);
  token.user_name = account->name;
  const Sid implicit[] = {Sid::Everyone(), Sid::AuthenticatedUsers(), Sid::Interactive()};
  token.groups = TokenGroups(s, token.user, implicit);
  if (!LogonAllowedIn(s, token.AllSids(), LogonType::kInteractive)) {
    return Status::Win(fixer::kErrorLogonTypeNotGranted);
  }
  fixer::Result<ProfileEntry> profile = ProfileStore(m_).LoadOrCreate(token.user, token.user_name);
  if (!profile) return profile.status();
  token.profile_loaded = true;
  m_.Bookkeep();
  m_.state().session.interactive_user = token.user_name;
  Sam(m_).FindUser(token.user_name)->last_logon = m_.state().clock;
  return token;
}

std::optional<Token> LogonService::ServiceToken(const std::string& identity) const {
  const std::string id = NormalizedIdentity(identity);
  Token token;
  token.profile_loaded = true;
  if (id == "system" || id == "localsystem") {
    // The kernel builds SYSTEM's token with a fixed group list.
    token.user = Sid::LocalSystem();
    token.user_name = "SYSTEM";
    token.groups = {Sid::Administrators(), Sid::Everyone(), Sid::AuthenticatedUsers()};
    return token;
  }
  if (id == "networkservice") {
    token.user = Sid::NetworkService();
    token.user_name = "NETWORK SERVICE";
  } else if (id == "localservice") {
    token.user = Sid::LocalService();
    token.user_name = "LOCAL SERVICE";
  } else {
    return std::nullopt;
  }
  const Sid implicit[] = {Sid::Everyone(), Sid::AuthenticatedUsers(), Sid::Service()};
  token.groups = TokenGroups(m_.state(), token.user, implicit);
  return token;
}

}  // namespace fakes
