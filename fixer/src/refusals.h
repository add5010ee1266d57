// The refusals the fixer gives before anything changes, each with what to do instead.
#pragma once

#include <string>

#include "fixer/diagnosis.h"
#include "fixer/plan.h"
#include "fixer/result.h"

namespace fixer {

Refusal NotAdministrator(const CallerInfo& caller);
Refusal NotAffected(const Diagnosis& d);
// The paper's advice for a worker that runs under its own account.
Refusal CustomAccount(const WorkerIdentity& worker);
Refusal TempPasswordRejected(const std::string& account, const Status& why);
Refusal ToolsMissing();
Refusal JournalPending();
Refusal CannotRollBack(const std::string& account);
Refusal DiagnoseFailed(const Status& why);

}  // namespace fixer
