// The recoveries a sweep worker already ran (sweep_detail.h): found by equality of the machine,
// the command, the recovery and the faults to come, never by a hash alone.
#include <functional>

#include "sweep_detail.h"

namespace sim::sweep {
namespace {

// What one cache holds at most (then it forgets its older half): a group's machines, not a sweep's.
constexpr size_t kMaxEntries = 256;

void Mix(uint64_t& h, uint64_t v) { h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2); }

// Appends `entry`, forgetting the older half of `entries` first when it holds kMaxEntries.
template <class Entry>
void KeepAtMost(std::vector<Entry>& entries, Entry entry) {
  if (entries.size() >= kMaxEntries) entries.erase(entries.begin(), entries.begin() + kMaxEntries / 2);
  entries.push_back(std::move(entry));
}

}  // namespace

uint64_t FingerprintButJournal(const fakes::MachineState& s) {
  uint64_t h = s.rng_state;
  Mix(h, static_cast<uint64_t>(s.clock));
  Mix(h, s.events.size());
  for (const fixer::ServiceInfo& svc : s.services) Mix(h, static_cast<uint64_t>(svc.state));
  Mix(h, s.sam.next_rid);
  for (const fakes::UserAccount& u : s.sam.users) Mix(h, std::hash<std::string>{}(u.password_hash));
  Mix(h, s.objects.size());
  Mix(h, s.profiles.size());
  return h;
}

uint64_t Fingerprint(const fakes::MachineState& s) {
  uint64_t h = FingerprintButJournal(s);
  Mix(h, s.journal.size());
  for (const fixer::JournalRecord& r : s.journal) {
    Mix(h, r.seq);
    Mix(h, static_cast<uint64_t>(r.phase));
    Mix(h, std::hash<std::string>{}(r.step));
    Mix(h, r.data.size());
  }
  return h;
}

bool SameButJournal(const fakes::MachineState& a, const fakes::MachineState& b) {
  if (&a == &b) return true;
  // Stops compiling when MachineState gains a field: decide here whether it is compared.
  [[maybe_unused]] const auto& [seed, rng_state, clock, sam, lsa, profiles, objects, sql, services, products, session,
                                events, journal, capture] = a;
  return a.seed == b.seed && a.rng_state == b.rng_state && a.clock == b.clock && a.events == b.events &&
         a.services == b.services && a.sam == b.sam && a.lsa == b.lsa && a.profiles == b.profiles &&
         a.session == b.session && a.products == b.products && a.sql == b.sql && a.objects == b.objects &&
         a.capture == b.capture;
}

bool SameMachine(const fakes::MachineState& a, const fakes::MachineState& b) {
  if (&a == &b) return true;
  if (!(a == b)) return false;
  for (size_t i = 0; i < a.journal.size(); ++i)
    if ((a.journal[i].grants == nullptr) != (b.journal[i].grants == nullptr)) return false;
  return true;
}

std::vector<SweepFault> FaultsAfter(const std::vector<SweepFault>& faults, uint64_t consumed) {
  std::vector<SweepFault> after;
  for (SweepFault f : faults) {
    if (f.call <= consumed) continue;
    f.call -= consumed;
    after.push_back(f);
  }
  return after;
}

const Recovery* RecoveryCache::Find(const fakes::MachineState& start, uint64_t fingerprint,
                                    const RecoveryKey& key) const {
  for (const Entry& e : entries_) {
    if (e.fingerprint != fingerprint || e.key.command != key.command || e.key.recovery != key.recovery ||
        e.key.runs_before != key.runs_before || e.key.faults != key.faults)
      continue;
    if (SameMachine(*e.start, start)) return &e.recovery;
  }
  return nullptr;
}

std::shared_ptr<const fakes::MachineState> RecoveryCache::SameStart(const fakes::MachineState& state,
                                                                    uint64_t fingerprint) const {
  for (const Entry& e : entries_)
    if (e.fingerprint == fingerprint && SameMachine(*e.start, state)) return e.start;
  return nullptr;
}

void RecoveryCache::Keep(std::shared_ptr<const fakes::MachineState> start, uint64_t fingerprint, RecoveryKey key,
                         Recovery recovery) {
  KeepAtMost(entries_, Entry{fingerprint, std::move(start), std::move(key), std::move(recovery)});
}

const JournalReadResult* RecoveryCache::FindJournalRead(const fakes::MachineState& start, uint64_t fingerprint) const {
  for (const JournalReadEntry& e : journal_reads_)
    if (e.fingerprint == fingerprint && SameButJournal(*e.start, start)) return &e.result;
  return nullptr;
}

void RecoveryCache::KeepJournalRead(std::shared_ptr<const fakes::MachineState> start, uint64_t fingerprint,
                                    JournalReadResult result) {
  KeepAtMost(journal_reads_, JournalReadEntry{fingerprint, std::move(start), std::move(result)});
}

}  // namespace sim::sweep
