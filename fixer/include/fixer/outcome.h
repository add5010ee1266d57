// Outcome and RunResult: how a run ended, the exit code it maps to (fixer/exit_code.h), and
// what it did.
//
//   fixer::RunResult r = repair.Apply();
//   for (const std::string& m : r.messages) logger->info("{}", m);
//   int code = fixer::ToInt(r.exit_code());   // fixer/exit_code.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/diagnosis.h"
#include "fixer/exit_code.h"
#include "fixer/plan.h"

namespace fixer {

enum class Outcome {
  kFixed,           // kOk
  kNothingToDo,     // kOk
  kPlanned,         // kOk: dry run, nothing changed
  kRolledBack,      // kOk: rollback finished, the machine is as found
  kFailedRestored,  // kFailed
  kInputError,      // kUsage
  kRefused,         // kRefused
  kNotRestored,     // kNotRestored
};
std::string_view ToString(Outcome o);  // "fixed", "nothing-to-do", ...
ExitCode ExitCodeOf(Outcome o);

struct StepFailure {
  std::string step;
  uint32_t code = 0;
  std::string message;  // the Windows text for `code`
};

// One grant moved from the old SID to the new one (recreate), or why it could not be.
struct RegrantItem {
  std::string kind;  // "ace" (one object's ACEs, written at once), "right", "group", "sql-login", "db-user"
  std::string what;  // "file C:\Inetpub\wwwroot\app: 2 ACEs"
  bool ok = true;
  std::string error;
};

struct RunResult {
  Outcome outcome = Outcome::kNothingToDo;
  std::optional<Diagnosis> diagnosis;
  std::optional<Plan> plan;
  std::optional<Refusal> refusal;
  std::vector<std::string> steps_done;    // in the order they finished
  std::vector<std::string> steps_undone;  // in the order they were undone
  // A dry run of resume or rollback on a journal left pending: the steps the run would run, in
  // order (resume, and a rollback that rolls forward; the last verifies the site), and those it
  // would undo, in undo order (rollback, and a resume finishing an undo; a step begun and not
  // done among them). Empty otherwise.
  std::vector<std::string> steps_to_run;
  std::vector<std::string> steps_to_undo;
  std::vector<StepFailure> errors;
  std::vector<RegrantItem> regranted;
  std::vector<std::string> messages;  // human-readable account of the run; never a password

  ExitCode exit_code() const { return ExitCodeOf(outcome); }
};

}  // namespace fixer
