// Reading a journal back; see journal_replay.h.
#include "journal_replay.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fixer/name_case.h"
#include "fixer/quoted_value.h"
#include "step.h"

namespace fixer {

StepPhase JournalReplay::PhaseOf(std::string_view step) const {
  auto it = phases.find(step);
  return it == phases.end() ? StepPhase::kPending : it->second;
}

bool JournalReplay::AnyUndo() const {
  return std::any_of(phases.begin(), phases.end(),
                     [](const auto& p) { return p.second == StepPhase::kUndoBegun || p.second == StepPhase::kUndone; });
}

bool JournalReplay::AllDone() const {
  const std::vector<std::string>& ids = StepIdsOf(strategy);
  return std::all_of(ids.begin(), ids.end(), [&](const std::string& s) { return PhaseOf(s) == StepPhase::kDone; });
}

namespace {
// A strategy's step ids as the plan record lists them: joined once per process, not per run.
const std::string& StepListOf(Strategy strategy) {
  static const std::string keep_sid = JoinList(StepIdsOf(Strategy::kKeepSid));
  static const std::string recreate = JoinList(StepIdsOf(Strategy::kRecreate));
  return strategy == Strategy::kKeepSid ? keep_sid : recreate;
}
}  // namespace

JournalRecord PlanRecord(Strategy strategy, const std::string& account, const Sid& sid) {
  JournalRecord plan{.seq = 0, .step = kPlanRecordStep, .phase = JournalPhase::kBegin};
  // Emplaced: a braced list of pairs would make each text twice (its elements are copied).
  plan.data.emplace("strategy", ToString(strategy));
  plan.data.emplace("account", account);
  plan.data.emplace("sid", sid.ToString());
  plan.data.emplace("steps", StepListOf(strategy));
  return plan;
}

namespace {
constexpr uint32_t kFirstUserRid = 1000;  // the first RID the SAM gives an account setup did not make

// The keys the plan record holds (PlanRecord).
constexpr std::array<std::string_view, 4> kPlanKeys = {"strategy", "account", "sid", "steps"};

// Whether `key` is one a record of this phase may hold: the step's own, or the run's on that phase.
// A family's name ("ace.N") is no key: its keys are numbered, and the loader took those in order.
bool KnownKey(const std::vector<std::string_view>& step_keys, JournalPhase phase, std::string_view key) {
  if (phase == JournalPhase::kUndoBegin && key == kRollbackAsked) return true;
  if (phase == JournalPhase::kReopen && key == kReopenActOn) return true;
  // A family's name is among the step's keys: asked only of a key found there (".N" ends each).
  return std::find(step_keys.begin(), step_keys.end(), key) != step_keys.end() &&
         !(key.ends_with(".N") && IsGrantKeyFamily(key));
}

// How many keys of a grant family ("ace") the record's typed grants hold: the loader took ace.0,
// ace.1, ... into them, up to the first number missing.
size_t GrantsTaken(const JournalRecord& rec, std::string_view family) {
  if (!rec.grants) return 0;
  if (family == "login") return rec.grants->logins.size();
  if (family == "dbuser") return rec.grants->db_users.size();
  size_t aces = 0;
  for (const ObjectAces& object : rec.grants->aces) aces += object.aces.size();
  return aces;
}

// The number of a family's key written as the fixer writes it ("ace.5": 5; "ace.05", "ace.x": none).
std::optional<size_t> KeyNumber(std::string_view key, std::string_view family) {
  if (key.size() <= family.size() + 1 || !key.starts_with(family) || key[family.size()] != '.') return std::nullopt;
  const std::string_view digits = key.substr(family.size() + 1);
  if (digits.size() > 1 && digits[0] == '0') return std::nullopt;
  size_t n = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return n;
}

// A key of a grant family the record's step holds ("ace.5") that the loader left: its numbering
// skips a number (ace.1 to ace.4 missing) or is not the fixer's ("ace.05"). Said as what it is, at
// the first key after the gap; a record of another step is told its keys as any other key is.
std::optional<JournalProblem> GrantKeyProblem(size_t index, const JournalRecord& rec,
                                              const std::vector<std::string_view>& known, const std::string& key) {
  const size_t dot = key.rfind('.');
  if (dot == std::string::npos) return std::nullopt;
  const std::string family = key.substr(0, dot);
  const std::string family_name = family + ".N";
  if (!IsGrantKeyFamily(family_name) || std::find(known.begin(), known.end(), family_name) == known.end())
    return std::nullopt;
  const auto rule =
      "a record's " + family_name + " keys are numbered " + family + ".0, " + family + ".1, ... without gaps";
  if (!KeyNumber(key, family))
    return JournalProblem{index, "its data key " + QuotedValue(key) + " is no " + family_name + " key: " + rule, key};
  std::optional<size_t> first_after;
  for (const auto& [k, v] : rec.data) {
    const std::optional<size_t> n = KeyNumber(k, family);
    if (n && (!first_after || *n < *first_after)) first_after = n;
  }
  const size_t from = GrantsTaken(rec, family);
  if (*first_after < from + 1) return std::nullopt;  // not read into grants at all: no gap to name
  const std::string first_key = family + "." + std::to_string(*first_after);
  const std::string missing = family + "." + std::to_string(from) +
                              (*first_after - 1 > from ? " to " + family + "." + std::to_string(*first_after - 1) : "");
  return JournalProblem{index,
                        "its " + family_name + " keys skip " + missing + " (" + first_key +
                            (from == 0 ? " is the first" : " follows " + family + "." + std::to_string(from - 1)) +
                            "): " + rule,
                        first_key};
}

// "services, paused", or "none" for a step that records nothing.
std::string KeyList(const std::vector<std::string_view>& keys) {
  std::string out;
  for (std::string_view k : keys) out.append(out.empty() ? "" : ", ").append(k);
  return out.empty() ? "none" : out;
}

// A data key no record of this fixer holds: a hand edit, or another tool's. Resume and rollback would
// act on the record without it, so the journal is refused at that key rather than the key ignored.
std::optional<JournalProblem> UnknownDataKey(const std::vector<JournalRecord>& records, Strategy strategy) {
  const DataKeys& keys = DataKeysOf(strategy);
  static const std::vector<std::string_view> plan_keys(kPlanKeys.begin(), kPlanKeys.end());
  static const std::vector<std::string_view> none;
  for (size_t i = 0; i < records.size(); ++i) {
    const JournalRecord& rec = records[i];
    const auto step = keys.find(rec.step);
    const std::vector<std::string_view>& known = i == 0 ? plan_keys : step == keys.end() ? none : step->second;
    const auto unknown = [&](const std::string& key) {
      return JournalProblem{i,
                            "its data key " + QuotedValue(key) + " is none a " + rec.step + " " +
                                std::string(ToString(rec.phase)) + " record holds (its keys: " + KeyList(known) + ")",
                            key};
    };
    for (const auto& [key, value] : rec.data) {
      if (KnownKey(known, rec.phase, key)) continue;
      if (auto problem = GrantKeyProblem(i, rec, known, key)) return problem;
      return unknown(key);
    }
    // The loader typed the grant keys of any record (ace.0, ...): one whose step records none of
    // that family holds a key it never writes, though no longer as text. None without grants.
    if (!rec.grants) continue;
    for (std::string_view family_name : kGrantKeyFamilies) {
      const std::string family(family_name.substr(0, family_name.size() - 2));
      if (GrantsTaken(rec, family) > 0 && std::find(known.begin(), known.end(), family_name) == known.end())
        return unknown(family + ".0");
    }
  }
  return std::nullopt;
}

// Records are written in the order of their seq, each one more than the last: one that does not
// follow the record before was moved or edited, and the order resume and rollback read the steps in
// is then not the order they ran in.
std::optional<JournalProblem> OutOfSequence(const std::vector<JournalRecord>& records) {
  for (size_t i = 1; i < records.size(); ++i) {
    if (records[i].seq > records[i - 1].seq) continue;
    return JournalProblem{i,
                          "its seq " + std::to_string(records[i].seq) + " does not follow record " + std::to_string(i) +
                              "'s (" + std::to_string(records[i - 1].seq) +
                              "): a journal's records are in the order they were written, each seq greater than "
                              "the last",
                          "", "seq"};
  }
  return std::nullopt;
}
}  // namespace

std::optional<JournalProblem> CheckJournal(const std::vector<JournalRecord>& records) {
  if (records.empty()) return std::nullopt;
  // Each problem is said at the value at fault (a data key's, a field's of the record), else at its record.
  auto at_key = [](size_t record, std::string key, std::string why) {
    return JournalProblem{record, std::move(why), std::move(key)};
  };
  auto at_field = [](size_t record, std::string field, std::string why) {
    return JournalProblem{record, std::move(why), "", std::move(field)};
  };
  const JournalRecord& plan = records.front();
  if (plan.step != kPlanRecordStep) return {{0, "it does not start with its plan (a record of step 'plan')"}};
  auto strategy = StrategyFromString(Get(plan.data, "strategy"));
  if (!strategy) return at_key(0, "strategy", "unknown strategy " + QuotedValue(Get(plan.data, "strategy")));
  // A hand-edited plan may name another account: resume would delete it or set its password.
  if (!SameWindowsName(Get(plan.data, "account"), kMachineWorkerAccount)) {
    return at_key(0, "account",
                  "the plan names the account " + QuotedValue(Get(plan.data, "account")) +
                      "; this fixer repairs only " + std::string(kMachineWorkerAccount));
  }
  const Result<Sid> sid = Sid::Parse(Get(plan.data, "sid"));
  if (!sid) return JournalProblem{0, MalformedSidError(Get(plan.data, "sid")), "sid"};
  // ASPNET is a local account made after setup's: never a well-known or built-in SID (500, 501...).
  if (!sid->IsAccountSid() || sid->Rid() < kFirstUserRid) {
    return at_key(0, "sid",
                  "the SID '" + sid->ToString() + "' cannot be " + std::string(kMachineWorkerAccount) +
                      "'s: not a local account's from RID " + std::to_string(kFirstUserRid) + " up");
  }
  const std::vector<std::string>& ids = StepIdsOf(*strategy);
  // Split only when the list is not written as this fixer writes it (an escaped step id splits the same).
  const std::string& listed = Get(plan.data, "steps");
  if (listed != StepListOf(*strategy) && SplitList(listed) != ids) {
    return at_key(0, "steps",
                  "its steps " + QuotedValue(Get(plan.data, "steps")) + " are not this fixer's steps for " +
                      std::string(ToString(*strategy)) + " (" + JoinList(ids) + ")");
  }
  for (size_t i = 1; i < records.size(); ++i) {
    const JournalRecord& rec = records[i];
    if (rec.step == kRunRecordStep && rec.phase == JournalPhase::kFinished) continue;
    if (std::find(ids.begin(), ids.end(), rec.step) == ids.end())
      return at_field(i, "step", "unknown step " + QuotedValue(rec.step));
    if (rec.phase == JournalPhase::kFinished) return at_field(i, "phase", "a step record marked finished");
  }
  if (auto problem = OutOfSequence(records)) return problem;
  if (auto problem = UnknownDataKey(records, *strategy)) return problem;
  return CheckJournalServiceLists(records);
}

std::string JournalProblemText(const JournalProblem& problem) {
  return "journal record " + std::to_string(problem.record + 1) +
         ": not a journal aspnet-fixer can resume or roll back: " + problem.why;
}

std::string UnfinishedRepairHead(const std::string& why) {
  return "holds a repair that did not end (" + why + "): writing the machine there would lose the only record of it";
}

std::string UnfinishedRepairText(const std::string& out, const std::string& why, const std::string& log) {
  return UnfinishedRepairHead(why) + "; resume it or roll it back with --machine " + out + ", or remove " +
         (log.empty() ? out : out + " and " + log) + " to write there";
}

Status UnreadableJournal(const JournalProblem& problem) {
  return Status::Explained(kErrorInvalidParameter, JournalProblemText(problem), StatusReason::kUnusableJournal);
}

bool IsUnreadableJournal(const Status& status) { return status.reason() == StatusReason::kUnusableJournal; }

std::optional<JournalProblem> IdentityProblem(const JournalReplay& journal, const std::optional<Sid>& account_sid) {
  if (!account_sid || *account_sid == journal.sid) return std::nullopt;  // gone since: the run says so
  for (const auto& step : BuildSteps(journal.strategy))
    if (step->irreversible() && journal.PhaseOf(step->id()) != StepPhase::kPending) return std::nullopt;
  return JournalProblem{0,
                        "the plan's SID " + journal.sid.ToString() + " is not " + journal.account + "'s (" +
                            account_sid->ToString() + ")",
                        "sid"};
}

std::optional<JournalProblem> CheckJournalOnMachine(const std::vector<JournalRecord>& records,
                                                    const std::optional<Sid>& account_sid) {
  if (auto problem = CheckJournal(records)) return problem;
  if (records.empty() || !account_sid) return std::nullopt;
  const Result<JournalReplay> replay = ReplayJournal(records);  // a copy: the typed grants are shared
  if (!replay) return std::nullopt;                             // CheckJournal read it
  return IdentityProblem(*replay, account_sid);
}

Result<JournalReplay> ReplayJournal(std::vector<JournalRecord> records) {
  if (records.empty()) return UnreadableJournal({0, "it does not start with its plan"});
  if (auto problem = CheckJournal(records)) return UnreadableJournal(*problem);
  JournalReplay r;
  TextFields& head = records.front().data;
  r.strategy = *StrategyFromString(Get(head, "strategy"));
  r.sid = *Sid::Parse(Get(head, "sid"));
  r.account = std::move(head["account"]);
  r.next_seq = records.front().seq + 1;

  // A step's records follow one another (begin, done): its entries are looked up once for them.
  const std::string* last_step = nullptr;
  StepPhase* phase = nullptr;
  StepData* data = nullptr;
  for (size_t i = 1; i < records.size(); ++i) {
    JournalRecord& rec = records[i];
    r.next_seq = std::max(r.next_seq, rec.seq + 1);
    if (rec.step == kRunRecordStep && rec.phase == JournalPhase::kFinished) {
      r.finished = true;
      continue;
    }
    if (last_step == nullptr || *last_step != rec.step) {
      phase = &r.phases[rec.step];
      data = nullptr;  // made at the first record that brings data, as before
      last_step = &rec.step;
    }
    switch (rec.phase) {
      case JournalPhase::kBegin: *phase = StepPhase::kBegun; break;
      case JournalPhase::kDone: *phase = StepPhase::kDone; break;
      case JournalPhase::kUndoBegin:
        *phase = StepPhase::kUndoBegun;
        if (auto asked = rec.data.find(kRollbackAsked); asked != rec.data.end()) {
          r.rollback_asked = DecodeBool(asked->second);
          rec.data.erase(asked);  // the run's, not the step's
        }
        break;
      case JournalPhase::kUndone: *phase = StepPhase::kUndone; break;
      case JournalPhase::kFinished: break;  // CheckJournal refused it
      case JournalPhase::kReopen:
        *phase = Get(rec.data, kReopenActOn) == kReopenRecorded ? StepPhase::kBegun : StepPhase::kPending;
        continue;  // the step keeps the data it recorded before
    }
    if (data == nullptr) data = &r.data[rec.step];
    if (data->empty()) {
      data->TextFields::operator=(std::move(rec.data));
    } else {
      for (auto& [k, v] : rec.data) data->insert_or_assign(k, std::move(v));
    }
    if (rec.grants) data->grants = std::move(rec.grants);  // shared, not copied
  }
  return r;
}

}  // namespace fixer
