// "Exactly as found" (invariants.h, FirstDifference): what the sweep compares between the
// machine an apply found and the machine an episode left, and what it leaves out.
#include <map>
#include <string>
#include <string_view>

#include "fakes/event_log.h"
#include "fixer/name_case.h"
#include "fixer/ports/aspnet.h"
#include "fixer/ports/secrets.h"
#include "sim/invariants.h"
#include "sim/machine_diff.h"

namespace sim {
namespace {

// The worker account (ASPNET): the only account whose password material "as found" leaves out.
bool IsWorker(std::string_view name) { return fixer::SameWindowsName(name, fixer::kMachineWorkerAccount); }

// The name inside "accounts[NAME]" (or "accounts[NAME (SID)]") when `path` is a field of an account.
std::string_view AccountOf(std::string_view path) {
  constexpr std::string_view kAccounts = "accounts[";
  if (!path.starts_with(kAccounts)) return {};
  path.remove_prefix(kAccounts.size());
  const size_t end = path.find_first_of(" ]");
  return end == std::string_view::npos ? std::string_view() : path.substr(0, end);
}

// A service that logs on as the worker: the password the SCM keeps for it follows the worker's.
bool LogsOnAsWorker(const fakes::MachineState& s, std::string_view service) {
  const fixer::ServiceInfo* svc = s.services.FindName(service);
  if (!svc) return false;
  const size_t cut = svc->account.find('\\');
  return IsWorker(cut == std::string::npos ? std::string_view(svc->account)
                                           : std::string_view(svc->account).substr(cut + 1));
}

// What "exactly as found" compares: everything but the bookkeeping a restore cannot and need not
// undo (randomness, clock, events and their sources' registration, the journal) and what README's
// exit-1 row exempts, the worker's new password: ASPNET's password hash, history and age, its
// bad-password count, lockout and last logon (an unlock cannot be undone, a logon resets the count
// and sets the time), the LSA
// secret ASP.NET keeps that password in, and the password the SCM keeps for a service logging on as
// ASPNET. WorkerPasswordIsTheSecret judges those (the account and the secret must agree). Every
// other account's password state, ASPNET's "must change password at next logon", every other secret
// and service password are compared.
bool IgnoredInAsFound(const std::string& path, const fakes::MachineState& found, const fakes::MachineState& now) {
  for (const char* prefix : {"rng_state", "clock", "events", "journal"})
    if (path.rfind(prefix, 0) == 0) return true;
  constexpr std::string_view kSecrets = "secrets[";
  // The secret, or a capture's record of it, which storing the secret drops (LsaState::redacted_secrets).
  for (const std::string_view end : {"]", "].redacted", "].logs_on"}) {
    if (path.starts_with(kSecrets) && path.ends_with(end) && path.size() >= kSecrets.size() + end.size())
      return fixer::SameWindowsName(
          std::string_view(path).substr(kSecrets.size(), path.size() - kSecrets.size() - end.size()),
          fixer::kAspNetWorkerSecret);
  }
  constexpr std::string_view kServicePasswords = "service_passwords[";
  if (path.starts_with(kServicePasswords) && path.ends_with("]")) {
    const std::string_view service =
        std::string_view(path).substr(kServicePasswords.size(), path.size() - kServicePasswords.size() - 1);
    return LogsOnAsWorker(found, service) || LogsOnAsWorker(now, service);
  }
  if (!IsWorker(AccountOf(path))) return false;
  for (const char* field : {".password_hash", ".password_history", ".password_last_set", ".bad_password_count",
                            ".last_bad_password_at", ".locked_out_at", ".last_logon"})
    if (path.ends_with(field)) return true;
  return false;
}

// The registration of a source an event in the log was written from (fakes::EventLogs::
// RegisterSource): it goes with that event, which no restore takes back either, and taking it away
// would make Event Viewer show the event as "The description ... cannot be found" again
// (docs/windows-reference.md#event-sources).
bool RegisteredForAnEvent(const std::string& path, const fakes::MachineState& now) {
  for (const fixer::EventRecord& e : now.events) {
    if (path.starts_with("objects[registry " + fakes::EventSourceKeyPath(e.log, e.source) + "]")) return true;
  }
  return false;
}

// An unlock cannot be undone (Windows has no call that locks an account) and leaves nothing
// worse: the worker's flags list that differs only by locked_out counts as found.
std::string WithoutLockout(std::string flags) {
  for (const char* form : {"locked_out, ", ", locked_out", "locked_out"}) {
    if (auto at = flags.find(form); at != std::string::npos) flags.erase(at, std::string_view(form).size());
  }
  return flags;
}

// The worker account without what FirstDifference ignores in it (its password material, its
// lockout); "must change password at next logon" stays, as a restore sets it back.
fakes::UserAccount WithoutPassword(fakes::UserAccount u) {
  u.password_hash.clear();
  u.password_history.clear();
  u.password_last_set = 0;
  u.bad_password_count = 0;
  u.locked_out_at = 0;
  u.last_bad_password_at = 0;
  u.last_logon = 0;  // the repair's profile logon: no call sets it back
  u.flags.locked_out = false;
  return u;
}
// The sam sections equal but for the password material, compared in place (copying both was a
// twentieth of a pair sweep): only accounts that differ are copied to look again.
bool EqualButPasswords(const fakes::SamState& a, const fakes::SamState& b) {
  // Stops compiling when SamState gains a field: decide here whether "as found" compares it.
  [[maybe_unused]] const auto& [domain, next_rid, users, groups] = a;
  if (a.domain != b.domain || a.next_rid != b.next_rid || a.groups != b.groups || a.users.size() != b.users.size())
    return false;
  for (size_t i = 0; i < a.users.size(); ++i)
    if (a.users[i] != b.users[i] &&
        (!IsWorker(a.users[i].name) || WithoutPassword(a.users[i]) != WithoutPassword(b.users[i])))
      return false;
  return true;
}
// Two secret maps (or maps of what a capture recorded of them) equal but for the worker's
// (ASP.NET's password, which follows the account's).
template <class Value>
bool EqualButWorkerSecret(const std::map<std::string, Value, fixer::WindowsNameLess>& a,
                          const std::map<std::string, Value, fixer::WindowsNameLess>& b) {
  auto next = [](auto it, auto end) {
    while (it != end && fixer::SameWindowsName(it->first, fixer::kAspNetWorkerSecret)) ++it;
    return it;
  };
  auto ia = next(a.begin(), a.end()), ib = next(b.begin(), b.end());
  for (; ia != a.end() && ib != b.end(); ia = next(++ia, a.end()), ib = next(++ib, b.end()))
    if (*ia != *ib) return false;
  return ia == a.end() && ib == b.end();
}
bool EqualButSecrets(const fakes::LsaState& a, const fakes::LsaState& b) {
  // Stops compiling when LsaState gains a field: decide here whether "as found" compares it.
  // The passwords services keep are compared whole here (ignoring less only sends a case to the
  // slow path, which leaves out those of services logging on as the worker).
  [[maybe_unused]] const auto& [policy, lockout, limit_blank, rights, secrets, redacted, service_passwords] = a;
  return a.password_policy == b.password_policy && a.lockout == b.lockout &&
         a.limit_blank_password_use == b.limit_blank_password_use && a.rights == b.rights &&
         a.service_passwords == b.service_passwords && EqualButWorkerSecret(a.secrets, b.secrets) &&
         EqualButWorkerSecret(a.redacted_secrets, b.redacted_secrets);
}

// Equal but for what FirstDifference ignores (never more: ignoring less only sends a case to
// the slow path), so equal means there is no difference to find. DiffMachines writes both
// states as YAML, which was most of a sweep's time; a restored machine is usually equal this
// way. The large sections are compared in place: copying both states was a sixth of the sweep.
bool EqualButIgnored(const fakes::MachineState& a, const fakes::MachineState& b) {
  // Stops compiling when MachineState gains a field: decide here whether "as found" compares it.
  [[maybe_unused]] const auto& [seed, rng_state, clock, sam, lsa, profiles, objects, sql, services, products, session,
                                events, journal, capture] = a;
  return a.seed == b.seed && a.capture == b.capture && a.services == b.services && a.profiles == b.profiles &&
         a.session == b.session && a.products == b.products && a.sql == b.sql && a.objects == b.objects &&
         EqualButPasswords(a.sam, b.sam) && EqualButSecrets(a.lsa, b.lsa);
}

}  // namespace

std::optional<Change> FirstDifference(const fakes::MachineState& found, const fakes::MachineState& now) {
  if (EqualButIgnored(found, now)) return std::nullopt;
  for (Change& c : DiffMachines(found, now)) {
    if (IgnoredInAsFound(c.path, found, now) || RegisteredForAnEvent(c.path, now)) continue;
    if (c.path.ends_with(".flags") && IsWorker(AccountOf(c.path)) &&
        WithoutLockout(c.before) == WithoutLockout(c.after))
      continue;
    return std::move(c);
  }
  return std::nullopt;
}

}  // namespace sim
