// Runner: executes steps with the journal. Each step is journaled "begin" (with its undo data)
// before it acts and "done" after. On a failure before the point of no return it undoes, in
// reverse, every step that began; after it, it goes forward and reports. It never catches an
// exception: a crash leaves the journal as it was on disk.
//
//   Runner runner(ctx, steps, replay);
//   Outcome o = runner.Forward();      // apply or resume
//   Outcome o = runner.Rollback();     // undo what the journal records
#pragma once

#include <string>
#include <vector>

#include "journal_replay.h"
#include "step.h"

namespace fixer {

class Runner {
 public:
  Runner(RepairContext& ctx, Steps& steps, JournalReplay& journal) : ctx_(ctx), steps_(steps), journal_(journal) {}

  // Runs every step not yet done, in order, then clears the journal.
  Outcome Forward();
  // Undoes every step that began, in reverse; `restored` is the outcome when all went well.
  Outcome UndoAll(Outcome restored);
  // True if an irreversible step has acted (done, or begun and its effect is visible).
  Result<bool> PastPointOfNoReturn();
  // What a dry run of resume or rollback says, acting on nothing: the steps Forward would run, in
  // order (those a forward failure reopens, and the step that sets the temporary password again
  // for a later step needing it, among them), and the steps UndoAll would undo, in undo order (a
  // step begun and not done among them: it may have acted).
  std::vector<std::string> StepsForwardWouldRun() const;
  std::vector<std::string> StepsUndoWouldUndo() const;

 private:
  Status RunOne(Step& step);
  size_t IndexOf(std::string_view id) const;
  Status ReopenAfterForwardFailure();
  // The steps ReopenAfterForwardFailure runs again, each with whether it is prepared again from
  // the machine (else it acts again on what it recorded); none when no step failed forward.
  struct Reopening {
    size_t index;
    bool prepare_again;
  };
  std::vector<Reopening> Reopenings() const;
  Status Append(const std::string& step, JournalPhase phase, StepData data);
  Step* SetterBefore(size_t index);
  void Fail(const Step& step, const Status& st);
  Outcome ClearJournal(Outcome success);

  RepairContext& ctx_;
  Steps& steps_;
  JournalReplay& journal_;
};

}  // namespace fixer
