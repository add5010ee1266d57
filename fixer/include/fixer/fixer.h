// Fixer: the repair a support engineer would run on a machine hit by the MS03-032 /
// ASP.NET 1.0 "Server Application Unavailable" failure, written only against the ports.
//
// Diagnose reads; MakePlan turns a diagnosis into steps or a refusal; Apply runs them, each
// journaled before and after it acts, undoing on failure; Resume continues a journal left by a
// crash; Rollback undoes it. Port exceptions (a simulated power loss) are never caught: the
// journal on disk is what Resume sees.
//
//   fixer::Fixer repair(ports, logger, {.strategy = fixer::Strategy::kKeepSid});
//   fixer::RunResult r = repair.Apply();   // or Resume() / Rollback()
//   int code = fixer::ToInt(r.exit_code());
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include <spdlog/logger.h>

#include "fixer/diagnosis.h"
#include "fixer/options.h"
#include "fixer/outcome.h"
#include "fixer/plan.h"
#include "fixer/ports/ports.h"

namespace fixer {

struct JournalReplay;

class Fixer {
 public:
  // `log` may be null: nothing is logged then.
  Fixer(Ports& ports, std::shared_ptr<spdlog::logger> log, Options options = {});

  // Reads only. A failed read comes back as its Status.
  Result<Diagnosis> Diagnose();
  // The steps for this diagnosis and the options, or a refusal; reads only (the policy check
  // of an operator temporary password, and the journal: a run left unfinished is refused as
  // Apply refuses it, since the machine may be half repaired by this fixer itself).
  Result<Plan> MakePlan(const Diagnosis& diagnosis);

  // Diagnose, plan, then act (or only plan, on dry run). Refuses if a journal is pending.
  RunResult Apply();
  // Test seam for the simulator's sweep, which runs thousands of applies on one machine as found:
  // Apply takes `found` (what Diagnose said of a machine equal to this one, through equal ports)
  // instead of reading it again, and logs it as Diagnose does. The tool never sets it.
  void UseDiagnosisAsFound(std::shared_ptr<const Diagnosis> found) { diagnosis_as_found_ = std::move(found); }
  // Continue a journal left by a crash or a failure after the point of no return.
  RunResult Resume();
  // Undo what a left journal records, in reverse.
  RunResult Rollback();
  // Of all three: a journal this fixer will not act on (IsUnreadableJournal) is an input error
  // (exit 2); a journal read that fails with a Windows error is refused before any change, as any
  // failed read (exit 3, diagnose-failed).

  // What the journal holds: nothing, a run that finished (its journal not yet removed), or a
  // run left unfinished (resume or rollback continues it). Reads only.
  enum class JournalHolds { kNothing, kFinishedRun, kUnfinishedRun };
  Result<JournalHolds> ReadJournalState();
  // The run left unfinished (nullopt: none), with what resume and rollback will do; the same
  // reads and errors as ReadJournalState. For MarkRepairPending.
  Result<std::optional<PendingRepair>> ReadPendingRepair();

 private:
  struct JournalRead {
    JournalHolds holds = JournalHolds::kNothing;
    std::optional<PendingRepair> pending;  // with kUnfinishedRun
  };
  Result<JournalRead> ReadJournal();
  PendingRepair PendingOf(JournalReplay journal);
  // Resume or rollback with no journal: nothing to `verb`. Exit 0 only if every ASP.NET 1.0
  // application answers now; else refused (exit 3), since nothing was changed either way.
  RunResult NothingTo(RunResult r, std::string_view verb);
  // Resume or rollback of a journal whose steps are all done: the journal is removed, and exit 0
  // only if every ASP.NET 1.0 application answers now (the machine may have changed since).
  RunResult FinishedRun(RunResult r);
  // MakePlan with what the journal holds already read (Apply reads it once, for both).
  Result<Plan> MakePlanFor(const Diagnosis& diagnosis, JournalHolds holds);
  // The refusal of the operator's temporary password for `account` (blank where the policy keeps
  // runas from it, or one the password policy rejects); none when none was given or it passes.
  // Apply's plan, and a resume or rollback that runs steps forward, ask it before any change.
  Result<std::optional<Refusal>> TempPasswordRefusal(const std::string& account);
  // Resume's or rollback's run `r` refused (exit 3, the journal kept) when TempPasswordRefusal
  // refuses the password for `account` (or cannot read the policy); nullopt: go on.
  std::optional<RunResult> RefuseTempPassword(RunResult& r, const std::string& account, std::string_view verb);

  // Diagnose's log lines for `d`.
  void LogDiagnosis(const Diagnosis& d);

  Ports& ports_;
  std::shared_ptr<spdlog::logger> log_;
  Options options_;
  std::shared_ptr<const Diagnosis> diagnosis_as_found_;
};

}  // namespace fixer
