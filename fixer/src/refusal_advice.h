// What the administrator does about each cause the fixer leaves to them (refusals.h), and the
// refusals' advice made of those: one cause's, or every cause's in one list, so one round of
// fixes is enough before the fixer runs again.
#pragma once

#include <span>
#include <string>

#include "fixer/diagnosis.h"

namespace fixer {

// What to do about `p` (a failing precondition of the worker's start, or a need of the repair's own
// steps): an action, without a closing full stop and without "run the fixer again", which the
// refusal adds where a run would then repair something.
struct Advice {
  std::string action;
  std::string why_rerun;  // said after "then run the fixer again" of a single cause: ": it ...", or ""
};
Advice AdviceFor(const Diagnosis& d, const Precondition& p);

// Whether `p` is a need of the repair's own steps (Diagnosis::repair_needs), not of the worker's start.
bool IsRepairNeed(const Precondition& p);

// How to make a custom account's logon work: its password where processModel gives it (no full stop);
// `logon_error` 1327: a blank one the blank-password policy refuses.
std::string CustomPasswordAdvice(const WorkerIdentity& w, uint32_t logon_error);

// The advice of a refusal of `causes`: one cause's action, then "run the fixer again"; several, each
// by its id, all before the fixer runs again (it refuses while any is left).
std::string RerunAdvice(const Diagnosis& d, std::span<const Precondition* const> causes);

// The same for a machine that needs no MS03-032 repair: what fixes the site, with no run of the fixer
// after it (it would find nothing to repair); `diagnose` then shows whether every page answers.
std::string NoRepairAdvice(const Diagnosis& d, std::span<const Precondition* const> causes);

}  // namespace fixer
