// Runner: executes steps with the journal. Each step is journaled "begin" (with its undo data)
// before it acts and "done" after. On a failure before the point of no return it undoes, in
// reverse, every step that began; after it, it goes forward and reports. It never catches an
// exception: a crash leaves the journal as it was on disk.
//
//   Runner runner(ctx, steps, replay);
//   Outcome o = runner.Forward();      // apply or resume
//   Outcome o = runner.Rollback();     // undo what the journal records
#pragma once

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

 private:
  Status RunOne(Step& step);
  size_t IndexOf(std::string_view id) const;
  Status ReopenAfterForwardFailure();
  Status Append(const std::string& step, JournalPhase phase, StepData data);
  Step* SetterBefore(size_t index);
  void Fail(const Step& step, const Status& st);
  Outcome ClearJournal(Outcome success);

  RepairContext& ctx_;
  Steps& steps_;
  JournalReplay& journal_;
};

}  // namespace fixer
