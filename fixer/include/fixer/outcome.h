// Outcome and RunResult: how a run ended, the exit code it maps to, and what it did.
//
//   0 fixed, nothing to do, dry run planned, or rolled back
//   1 a step failed and the machine was restored as found
//   2 usage or input error (e.g. an unreadable journal)
//   3 refused: nothing was changed
//   4 failed or interrupted and NOT restored: run resume or rollback
//
//   fixer::RunResult r = fixer.Apply();
//   for (auto& m : r.messages) std::cout << m << "\n";
//   return r.exit_code();
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/diagnosis.h"
#include "fixer/plan.h"

namespace fixer {

enum class Outcome {
  kFixed,           // 0
  kNothingToDo,     // 0
  kPlanned,         // 0: dry run, nothing changed
  kRolledBack,      // 0: rollback finished, the machine is as found
  kFailedRestored,  // 1
  kInputError,      // 2
  kRefused,         // 3
  kNotRestored,     // 4
};
std::string_view ToString(Outcome o);  // "fixed", "nothing-to-do", ...
int ExitCode(Outcome o);

struct StepError {
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
  std::vector<StepError> errors;
  std::vector<RegrantItem> regranted;
  std::vector<std::string> messages;  // human-readable account of the run; never a password

  int exit_code() const { return ExitCode(outcome); }
};

}  // namespace fixer
