// Journal: the fixer's durable record of what it did, for resume and rollback.
//
// Real backend: a file beside the tool, appended and flushed before each change. Records hold
// what an undo needs (names, SIDs, ACEs, service states), never a password.
//
//   fixer::Status st = journal.Append({.seq = 3, .step = "stop-services", .phase = fixer::JournalPhase::kBegin,
//                                      .data = {{"running", "W3SVC,IISADMIN"}}});
//   // A recreate's grants go once, typed, on its record-grants record (JournalRecord::grants).
//   std::vector<fixer::JournalRecord> records = {{.seq = 1, .step = "stop-services"}};
//   std::optional<fixer::JournalProblem> problem = fixer::CheckJournal(records);
//   // problem->record == 0: "it does not start with its plan (a record of step 'plan')"
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fixer/ports/security.h"
#include "fixer/ports/service_control.h"
#include "fixer/result.h"

namespace fixer {

// kReopen: a resume runs a step again that an earlier run had finished (see runner.cpp).
enum class JournalPhase { kBegin, kDone, kUndoBegin, kUndone, kFinished, kReopen };
// "begin", "done", "undo-begin", "undone", "finished", "reopen"
std::string_view ToString(JournalPhase p);
Result<JournalPhase> JournalPhaseFromString(std::string_view s);

// What names the old SID before a recreate deletes it, in typed form: a million ACEs are
// recorded once and then shared, never copied or encoded as text, by every record and step
// that reads them (a state file writes them out as the data keys ace.N, login.N, dbuser.N).
struct RecordedGrants {
  SharedObjectAces aces;  // grouped by object, as FindAcesByObject answers
  std::vector<SqlLogin> logins;
  std::vector<SqlDbUser> db_users;
  bool empty() const { return aces.empty() && logins.empty() && db_users.empty(); }
  friend bool operator==(const RecordedGrants&, const RecordedGrants&) = default;
};

struct JournalRecord {
  uint32_t seq = 0;
  std::string step;
  JournalPhase phase = JournalPhase::kBegin;
  std::map<std::string, std::string> data;
  std::shared_ptr<const RecordedGrants> grants;  // null unless the step recorded grants
  // Grants compare by value; null equals an empty list (a state file does not tell them apart).
  friend bool operator==(const JournalRecord& a, const JournalRecord& b);
};

// Why `records` is no journal this fixer wrote: it must open with the plan record (step "plan":
// a known strategy, the account ASPNET and a SID that can be its (a local account's, RID 1000 or
// more), and exactly this fixer's steps for that strategy), and
// every later record name one of those steps in a step's phase, or the run's end; each record's
// seq greater than the one before (they are written in that order), and its data only the keys
// its step records (and the run's own: `rollback` on an undo-begin, `act_on` on a reopen). `record` is
// the index of the record at fault. nullopt for a journal that reads, and for none at all.
struct JournalProblem {
  size_t record = 0;
  std::string why;    // "it does not start with its plan (a record of step 'plan')"
  std::string key;    // the record's data key at fault ("services"); empty: the record as a whole
  std::string field;  // else the record's own field at fault ("seq"); empty: the record as a whole
};
// Also CheckJournalServiceLists.
std::optional<JournalProblem> CheckJournal(const std::vector<JournalRecord>& records);
// The service lists of the stop-services and start-services begin records, which resume and
// rollback start again exactly: each must name at least one service, no name empty or twice, and
// `paused` only services it lists.
std::optional<JournalProblem> CheckJournalServiceLists(const std::vector<JournalRecord>& records);
// A service's configuration by key name, as ServiceControl::Query answers (1060: not installed).
using ServiceLookup = std::function<Result<ServiceInfo>(const std::string&)>;
// What only the machine tells of those lists: every service named is installed (1060 is refused:
// the journal no longer says what the run stopped) and one the repair stops (IISADMIN, a service
// depending on it directly or not, aspnet_state). A read failing otherwise is left to the run.
std::optional<JournalProblem> CheckJournalServicesOnMachine(const std::vector<JournalRecord>& records,
                                                            const ServiceLookup& lookup);
// CheckJournalServicesOnMachine through the service control port.
std::optional<JournalProblem> CheckJournalServicesThrough(const std::vector<JournalRecord>& records,
                                                          ServiceControl& scm);
// CheckJournal, then what only the machine tells: until the run has begun its irreversible step
// (a recreate deleting the account), the plan's SID must be the one the account it names has now,
// `account_sid` (nullopt: there is no such account, which the run itself says). A hand-edited SID
// would have resume and rollback act on one account by its SID and on ASPNET by name, so such a
// journal is no more one this fixer can resume or roll back than one CheckJournal refuses.
std::optional<JournalProblem> CheckJournalOnMachine(const std::vector<JournalRecord>& records,
                                                    const std::optional<Sid>& account_sid);
// "journal record N: not a journal aspnet-fixer can resume or roll back: <why>": the one text of a
// problem, wherever it is said (a machine file's journal at its line and column, a verb's error).
std::string JournalProblemText(const JournalProblem& problem);
// "holds a repair that did not end (<why>): writing the machine there would lose the only record of
// it": the one text of an --out that is a repair's only record, in both tools (the state file's,
// the .exe's, which has no --machine and so gives its own advice after it).
std::string UnfinishedRepairHead(const std::string& why);
// UnfinishedRepairHead, then "; resume it or roll it back with --machine OUT, or remove OUT [and
// LOG] to write there": the state-file tool's whole text.
std::string UnfinishedRepairText(const std::string& out, const std::string& why, const std::string& log = "");
// Whether `status` says a journal this fixer will not act on (one of those problems, as the
// fixer's verbs report it: "87: The parameter is incorrect. Journal record N: ..."), which every verb
// says as an input error (exit 2), rather than a journal that could not be read at all. Told by
// its reason (StatusReason::kUnusableJournal), never by its code or words: a port's error 87
// whose text reads alike is a read that failed.
bool IsUnreadableJournal(const Status& status);
// 87 with Windows' text, then JournalProblemText as a sentence; its reason StatusReason::kUnusableJournal
// (IsUnreadableJournal): what every verb says of a journal it will not act on, and what a journal
// port says of a record it cannot parse (a line edited by hand).
Status UnreadableJournal(const JournalProblem& problem);

class Journal {
 public:
  virtual ~Journal() = default;
  // Every record, oldest first; empty if there is no journal.
  virtual Result<std::vector<JournalRecord>> Load() = 0;
  // Durable when it returns. By value: the caller moves the record in and the journal keeps it.
  virtual Status Append(JournalRecord record) = 0;
  // Removes the journal once a run has finished or been rolled back.
  virtual Status Clear() = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class JournalWrapper : public Journal {
 public:
  explicit JournalWrapper(Journal& target) : target_(target) {}
  Journal& target() { return target_; }
  Result<std::vector<JournalRecord>> Load() override { return target_.Load(); }
  Status Append(JournalRecord record) override { return target_.Append(std::move(record)); }
  Status Clear() override { return target_.Clear(); }

 private:
  Journal& target_;
};

}  // namespace fixer
