// The refusals the fixer gives before anything changes, each with what to do instead.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "fixer/diagnosis.h"
#include "fixer/password_rules.h"
#include "fixer/plan.h"
#include "fixer/result.h"

namespace fixer {

Refusal NotAdministrator(const CallerInfo& caller);
Refusal NotAffected(const Diagnosis& d);
// The paper's advice for a worker that runs under its own account, and the other causes that fail
// its start (a missing batch logon right: register grants it to ASPNET, not to that account).
Refusal CustomAccount(const Diagnosis& d);
// The operator's --temp-password failed the policy (`why`: 2245) for `rule` (kNone: a rule the
// fixer cannot check itself, the history); the advice follows the rule.
Refusal TempPasswordRejected(const std::string& account, const Status& why, PasswordRule rule,
                             const PasswordPolicyInfo& policy);
// The operator's --temp-password is blank: runas would fail with 1327.
Refusal TempPasswordBlank(const std::string& account);
Refusal ToolsMissing();
Refusal JournalPending();
// The site fails, or would fail after the repair, because of `causes`, which the fixer leaves to the
// administrator: preconditions of the worker's start (an account disabled or denied its logon, IIS
// stopped, a password processModel gives, a deny ACE on an application's folder, aspnet_state
// stopped), then needs of the repair's own steps the steps do not mend (a service it stops that could
// not start again, Secondary Logon disabled or missing, the profile logon denied through a group; a
// service the repair never stops, p.fails_after_repair, said as what it is: the repair would finish,
// that service's next start fail). Every cause is named with its error and advice, so one round of
// fixes is enough; nothing is changed.
Refusal LeftToAdministrator(const Diagnosis& d, std::span<const Precondition* const> causes);
// This fixer repaired the machine before, but a page still does not answer (or cannot be asked).
Refusal StillFails(const Diagnosis& d);
Refusal NoJournal(std::string_view verb, const Diagnosis& d);
// Resume or rollback on a machine with no ASP.NET 1.0 application: no page can show the site works,
// so no exit 0. With no journal (no-journal), and after a run of this fixer that had finished on
// `account` (other-cause, as StillFails).
Refusal NoApplicationToCheck(std::string_view verb);
Refusal NoApplicationNow(const std::string& account);
Refusal DiagnoseFailed(const Status& why);

}  // namespace fixer
