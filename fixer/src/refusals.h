// The refusals the fixer gives before anything changes, each with what to do instead.
#pragma once

#include <string>
#include <string_view>

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
// The site fails, or would fail after the repair, because of `p`, which the fixer leaves to the
// administrator (an account disabled or denied its logon, IIS stopped): nothing is changed.
Refusal OtherCause(const Diagnosis& d, const Precondition& p);
// This fixer repaired the machine before, but a page still does not answer (or cannot be asked).
Refusal StillFails(const Diagnosis& d);
Refusal NoJournal(std::string_view verb, const Diagnosis& d);
Refusal DiagnoseFailed(const Status& why);

}  // namespace fixer
