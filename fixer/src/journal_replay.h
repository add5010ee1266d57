// journal_replay: what a journal left on disk says: the plan it ran (strategy, account, SID,
// step ids), the last phase of each step, and the data each step recorded for its undo.
//
//   auto replay = ReplayJournal(*ports.journal.Load());
//   if (replay->PhaseOf("delete-account") == StepPhase::kDone) ...   // past the point of no return
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/journal_codec.h"
#include "fixer/options.h"
#include "fixer/ports/journal.h"
#include "fixer/sid.h"

namespace fixer {

inline constexpr const char* kPlanRecordStep = "plan";
inline constexpr const char* kRunRecordStep = "run";
// A "reopen" record's data: {act_on: recorded} runs the step again on what it recorded;
// without it the step is prepared again from the machine.
inline constexpr const char* kReopenActOn = "act_on";
inline constexpr const char* kReopenRecorded = "recorded";

enum class StepPhase { kPending, kBegun, kDone, kUndoBegun, kUndone };

struct JournalReplay {
  Strategy strategy = Strategy::kKeepSid;
  std::string account;
  Sid sid;  // the steps are the strategy's (StepIdsOf): CheckJournal holds the plan record to them
  std::map<std::string, StepPhase, std::less<>> phases;  // transparent: looked up by a step's id() view
  std::map<std::string, StepData> data;                  // begin data merged with done data
  bool finished = false;                                 // the run reached its end
  bool rollback_asked = false;  // its undo was a rollback's, not a failed step's (kRollbackAsked)
  uint32_t next_seq = 0;

  StepPhase PhaseOf(std::string_view step) const;
  bool AnyUndo() const;  // an undo was under way
  bool AllDone() const;
};

// The key an undo-begin record carries when a rollback asked for the undo: a resume that finishes
// it then ends rolled-back (exit 0), not failed-restored (exit 1).
inline constexpr const char* kRollbackAsked = "rollback";

// The first record of every journal: what the run is (its steps are the strategy's, StepIdsOf).
JournalRecord PlanRecord(Strategy strategy, const std::string& account, const Sid& sid);

// 87 if the journal does not start with a plan record or names an unknown step or strategy.
// Takes the records: their data moves into the replay.
Result<JournalReplay> ReplayJournal(std::vector<JournalRecord> records);

// Record 1's problem when the plan's SID is not `account_sid`, the SID the account the plan names
// has now, while the run has not yet begun its irreversible step; nullopt otherwise, and when
// there is no such account (the run says so). CheckJournalOnMachine's own check.
std::optional<JournalProblem> IdentityProblem(const JournalReplay& journal, const std::optional<Sid>& account_sid);

}  // namespace fixer
