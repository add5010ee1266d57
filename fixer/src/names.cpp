// Display names of the fixer's own enums (options, diagnosis, plan, outcome), kept in one place
// so reports, the journal and the CLI agree on them.
#include "fixer/diagnosis.h"
#include "fixer/options.h"
#include "fixer/outcome.h"
#include "fixer/plan.h"

namespace fixer {

std::string_view ToString(Strategy s) {
  switch (s) {
    case Strategy::kKeepSid: return "keep-sid";
    case Strategy::kRecreate: return "recreate";
  }
  return "?";
}

Result<Strategy> StrategyFromString(std::string_view s) {
  for (auto v : {Strategy::kKeepSid, Strategy::kRecreate}) {
    if (ToString(v) == s) return v;
  }
  return Status::Win(kErrorInvalidParameter);
}

std::string_view ToString(WorkerKind k) {
  switch (k) {
    case WorkerKind::kMachineAccount: return "machine";
    case WorkerKind::kLocalSystem: return "SYSTEM";
    case WorkerKind::kRegistryCredential: return "registry";
    case WorkerKind::kCustomAccount: return "custom";
  }
  return "?";
}

std::string_view ToString(SymptomCheck s) {
  switch (s) {
    case SymptomCheck::kSeen: return "seen";
    case SymptomCheck::kNotSeen: return "not-seen";
    case SymptomCheck::kUnavailable: return "unavailable";
    case SymptomCheck::kNoApplication: return "no-application";
  }
  return "?";
}

std::string_view ToString(Remedy r) {
  switch (r) {
    case Remedy::kNone: return "none";
    case Remedy::kRepaired: return "repaired";
    case Remedy::kRefused: return "refused";
    case Remedy::kPending: return "pending";
  }
  return "?";
}

std::string_view ToString(Verdict v) {
  switch (v) {
    case Verdict::kAffected: return "affected";
    case Verdict::kAlreadyFixed: return "already-fixed";
    case Verdict::kNotAffected: return "not-affected";
    case Verdict::kNotAdmin: return "not-admin";
    case Verdict::kRepairPending: return "repair-pending";
  }
  return "?";
}

std::string_view ToString(RefusalReason r) {
  switch (r) {
    case RefusalReason::kNotAdministrator: return "not-administrator";
    case RefusalReason::kNotAffected: return "not-affected";
    case RefusalReason::kCustomAccount: return "custom-account";
    case RefusalReason::kTempPasswordRejected: return "temp-password-rejected";
    case RefusalReason::kToolsMissing: return "tools-missing";
    case RefusalReason::kJournalPending: return "journal-pending";
    case RefusalReason::kNoJournal: return "no-journal";
    case RefusalReason::kDiagnoseFailed: return "diagnose-failed";
    case RefusalReason::kOtherCause: return "other-cause";
  }
  return "?";
}

std::string_view ToString(Outcome o) {
  switch (o) {
    case Outcome::kFixed: return "fixed";
    case Outcome::kNothingToDo: return "nothing-to-do";
    case Outcome::kPlanned: return "planned";
    case Outcome::kRolledBack: return "rolled-back";
    case Outcome::kFailedRestored: return "failed-restored";
    case Outcome::kInputError: return "input-error";
    case Outcome::kRefused: return "refused";
    case Outcome::kNotRestored: return "not-restored";
  }
  return "?";
}

ExitCode ExitCodeOf(Outcome o) {
  switch (o) {
    case Outcome::kFixed:
    case Outcome::kNothingToDo:
    case Outcome::kPlanned:
    case Outcome::kRolledBack: return ExitCode::kOk;
    case Outcome::kFailedRestored: return ExitCode::kFailed;
    case Outcome::kInputError: return ExitCode::kUsage;
    case Outcome::kRefused: return ExitCode::kRefused;
    case Outcome::kNotRestored: return ExitCode::kNotRestored;
  }
  return ExitCode::kNotRestored;
}

const Cause* Diagnosis::FindCause(std::string_view id) const {
  for (const Cause& c : causes) {
    if (c.id == id) return &c;
  }
  return nullptr;
}

}  // namespace fixer
