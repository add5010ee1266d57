// Plan: the ordered steps a repair will take, each with what it changes and how it is undone,
// or the refusal that stops the repair before anything changes.
//
//   #include <iostream>
//   #include "fixer/fixer.h"
//   fixer::Result<fixer::Diagnosis> diagnosis = repair.Diagnose();
//   fixer::Result<fixer::Plan> plan = repair.MakePlan(*diagnosis);
//   if (plan->refusal) std::cout << plan->refusal->why << "\n" << plan->refusal->instead;
//   else for (const auto& s : plan->steps) std::cout << s.id << ": " << s.action << "\n";
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/options.h"
#include "fixer/sid.h"

namespace fixer {

struct PlanStep {
  std::string id;             // "stop-services", "set-temp-password", ...
  std::string action;         // what it changes
  std::string undo;           // how it is undone
  bool irreversible = false;  // recreate's delete: after it, failures go forward
  friend bool operator==(const PlanStep&, const PlanStep&) = default;
};

enum class RefusalReason {
  kNotAdministrator,
  kNotAffected,
  kCustomAccount,
  kTempPasswordRejected,
  kToolsMissing,
  kJournalPending,  // a previous run left a journal: resume or roll back first
  kNoJournal,       // resume or rollback found no journal, and the site still fails
  kDiagnoseFailed,  // a read failed; nothing was changed
  kOtherCause,      // the site fails, or would after the repair, for a cause the fixer leaves
                    // to the administrator (account disabled, logon denied, IIS stopped)
};
std::string_view ToString(RefusalReason r);

struct Refusal {
  RefusalReason reason = RefusalReason::kNotAffected;
  std::string why;      // what was found
  std::string instead;  // what to do instead
  friend bool operator==(const Refusal&, const Refusal&) = default;
};

struct Plan {
  Strategy strategy = Strategy::kKeepSid;
  std::string account;  // the worker account the steps act on ("ASPNET")
  Sid sid;              // its SID when the plan was made
  std::vector<PlanStep> steps;
  // Other causes of the failure that the steps repair, one line each ("ASPNET is locked out
  // (1909): lift-restrictions unlocks it").
  std::vector<std::string> repairs;
  std::optional<Refusal> refusal;  // set: steps is empty and nothing will change
  bool nothing_to_do = false;      // already fixed: steps is empty
  // Every field: plans equal print the same text (sim::PlanTextOnce relies on it).
  friend bool operator==(const Plan&, const Plan&) = default;
};

}  // namespace fixer
