// Backend: the machine a tool repairs, as the tool is given it. It opens the ports and says how
// a change is made durable; the fixer itself knows only the ports.
//
// A mutating verb calls BeginChanges() before the fixer runs: from then on the backend makes
// each change durable before the next one that depends on it begins (the state-file backend
// appends every journal record, with the changes made before it, to a log beside the file), so
// an interruption leaves a whole state whose journal resume or rollback continues. EndChanges() after every verb makes
// the end state durable, and writes nothing when nothing changed (an input is never rewritten by a verb that changes
// nothing). A backend that cannot keep a change durable throws Interruption, as a power loss would.
//
//   if (fixer::Status st = backend.BeginChanges(); !st.ok()) logger->error("not durable: {}", st);
//   fixer::Fixer repair(backend.ports(), logger);
//   fixer::RunResult r = repair.Apply();
//   fixer::Status saved = backend.EndChanges();
//   bool changed = backend.Changed();
#pragma once

#include <stdexcept>
#include <string>

#include "fixer/ports/ports.h"
#include "fixer/result.h"

namespace fixer {

// The process stopped between two changes (a simulated power loss, or a change the backend
// could not make durable). Never caught by the fixer: the journal is what resume sees.
class Interruption : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The user asked the tool to stop (Ctrl-C, SIGINT, SIGTERM): thrown by a backend at a safe point,
// right after a journal record was made durable, or before the first change (`before_any_change`).
class StopRequested : public Interruption {
 public:
  StopRequested(const std::string& what, bool before_any_change)
      : Interruption(what), before_any_change_(before_any_change) {}
  bool before_any_change() const { return before_any_change_; }

 private:
  bool before_any_change_;
};

// How much of a changing run a backend holds durably after its EndChanges failed.
enum class Kept {
  kAll,           // every change and the journal as the run left them (only the final rewrite failed)
  kToLastRecord,  // the machine as at the last journal record that was written (the journal pending)
};

class Backend {
 public:
  virtual ~Backend() = default;
  // The ports over this machine, valid as long as the backend.
  virtual Ports& ports() = 0;
  // Before the first change of a mutating verb: from now on each change is made durable
  // before the next one. A failure (the machine cannot be written where it goes) changes
  // nothing: aspnet-fixer says so and exits 2, not 4.
  virtual Status BeginChanges() = 0;
  // After the verb (every verb): the end state made durable if anything changed.
  virtual Status EndChanges() = 0;
  // Before a verb that changes nothing: whether its EndChanges could write where the machine goes
  // (a file named to receive it), so that one that cannot is said before the work, as
  // BeginChanges says it for a changing verb. By default it can: nothing is written.
  virtual Status CheckCanSave() { return Status::Ok(); }
  // Whether the machine differs from the one the backend opened.
  virtual bool Changed() const = 0;
  // After EndChanges of a changing run failed: what it holds (a backend whose changes are made
  // on the machine itself, never lost, holds them all).
  virtual Kept KeptAfterFailedEnd() const { return Kept::kAll; }
  // After EndChanges of a changing run failed: takes back every record the run wrote, so the
  // machine is held as the run found it (a run that restored it but could not record that).
  // Unsupported by default: 50.
  virtual Status KeepAsFound() { return Status::Win(50); }
};

}  // namespace fixer
