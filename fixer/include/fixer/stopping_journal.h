// StoppingJournal: a journal that stops a changing run where the user asked it to (Ctrl-C,
// SIGTERM; a console closing on Windows) at the safe points of a backend whose changes are durable
// as each call returns (aspnet-fixer.exe on the live machine): right after a record is durable, the
// machine as that record says, and before the run's first change. Every change a run makes comes
// after a journal call (its plan record, a step's begin record, or the removal of a finished run's
// journal), so checking before those is checking before the first change. It throws
// fixer::StopRequested (backend.h) as the state-file backend does after its log's record, so both
// tools say a stop in the same words: "stopped by SIGINT (Ctrl-C) after journal record 5".
//
//   bool changed = false;   // the backend's own: set by its first change
//   fixer::StoppingJournal stopping(journal, []() -> const char* { return "SIGINT (Ctrl-C)"; }, [&] { return changed;
//   }); fixer::Status st = stopping.Append({.seq = 1, .step = "plan"});   // throws StopRequested: before any change
#pragma once

#include <functional>

#include "fixer/backend.h"
#include "fixer/ports/journal.h"

namespace fixer {

class StoppingJournal : public JournalWrapper {
 public:
  // `stop_asked`: the name of the stop received ("SIGINT (Ctrl-C)"), or null (empty: never).
  // `changed`: whether the run has changed the machine yet.
  StoppingJournal(Journal& target, std::function<const char*()> stop_asked, std::function<bool()> changed);
  // Before the record, a stop asked with nothing changed yet: StopRequested, before any change.
  // After it is durable, a stop asked: StopRequested naming the record (the journal's count).
  Status Append(JournalRecord record) override;
  // Before it, a stop asked with nothing changed yet: StopRequested, before any change.
  Status Clear() override;

 private:
  const char* StopAsked() const { return stop_asked_ ? stop_asked_() : nullptr; }
  void StopIfNothingChanged() const;

  std::function<const char*()> stop_asked_;
  std::function<bool()> changed_;
};

}  // namespace fixer
