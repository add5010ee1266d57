// "Exactly as found" (invariants.h, FirstDifference): what the sweep compares between the
// machine an apply found and the machine an episode left, and what it leaves out.
#include <string>
#include <string_view>

#include "fakes/event_log.h"
#include "sim/invariants.h"
#include "sim/machine_diff.h"

namespace sim {
namespace {

// What "exactly as found" compares: everything but the bookkeeping a restore cannot and need
// not undo (randomness, clock, events and their sources' registration, the journal) and the password material, which
// WorkerPasswordIsTheSecret judges instead (the account and the LSA secret must agree).
bool IgnoredInAsFound(const std::string& path) {
  // A service's kept password is password material too: the services' states judge it.
  for (const char* prefix : {"rng_state", "clock", "events", "journal", "secrets", "service_passwords"})
    if (path.rfind(prefix, 0) == 0) return true;
  for (const char* part : {".password_hash", ".password_history", ".password_last_set", ".bad_password_count",
                           ".last_bad_password_at", ".password_expired"})
    if (path.find(part) != std::string::npos) return true;
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
// worse: a flags list that differs only by locked_out counts as found.
std::string WithoutLockout(std::string flags) {
  for (const char* form : {"locked_out, ", ", locked_out", "locked_out"}) {
    if (auto at = flags.find(form); at != std::string::npos) flags.erase(at, std::string_view(form).size());
  }
  return flags;
}

// A user account without what FirstDifference ignores in it (the password material).
fakes::UserAccount WithoutPassword(fakes::UserAccount u) {
  u.password_hash.clear();
  u.password_history.clear();
  u.password_last_set = 0;
  u.bad_password_count = 0;
  u.password_expired = false;
  u.locked_out_at = 0;
  u.last_bad_password_at = 0;
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
    if (a.users[i] != b.users[i] && WithoutPassword(a.users[i]) != WithoutPassword(b.users[i])) return false;
  return true;
}
bool EqualButSecrets(const fakes::LsaState& a, const fakes::LsaState& b) {
  // Stops compiling when LsaState gains a field: decide here whether "as found" compares it.
  // The passwords services keep are password material too, ignored as the secrets are.
  [[maybe_unused]] const auto& [policy, lockout, limit_blank, rights, secrets, service_passwords] = a;
  return a.password_policy == b.password_policy && a.lockout == b.lockout &&
         a.limit_blank_password_use == b.limit_blank_password_use && a.rights == b.rights;
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
    if (IgnoredInAsFound(c.path) || c.path.ends_with(".locked_out_at") || RegisteredForAnEvent(c.path, now)) continue;
    if (c.path.ends_with(".flags") && WithoutLockout(c.before) == WithoutLockout(c.after)) continue;
    return std::move(c);
  }
  return std::nullopt;
}

}  // namespace sim
