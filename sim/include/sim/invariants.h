// Invariants: what must hold after every fixer run, whatever the scenario expects.
//
// Checked against the machine as the fixer first found it (the start of an episode: an apply
// and any resume or rollback that continue it):
//  - services:  every service in the state it had (unless the run was interrupted);
//  - grants:    every ACE, right and SQL login the worker account held still works for it;
//  - widened:   the worker account holds no right, group or ACE access it did not hold, beyond
//               what the repair itself grants (aspnet_regiis -i, its profile, Users when recreated);
//  - secrets:   no password (the worker's secret, a custom worker's password in clear or in the
//               registry value an aspnet_setreg reference names, the known 1pass@word, an
//               operator's temporary password, one a batch of the scenario gave net user) in any
//               output, journal record or event;
//  - worker:    the worker account's password is the one in the LSA secret (so a temporary
//               password is never left valid);
//  - site:      no application that answered 200 before now fails;
//  - idempotent: a second apply on a fixed machine changes nothing;
//  - exit codes: each run's exit code keeps its promise (ExitCodePromises): 0 "fixed" (or
//               "nothing-to-do", of any verb) only with every ASP.NET 1.0 application answering 200,
//               each after the run's own request;
//               1 "failed-restored" only with the machine as its episode's apply found it
//               (FirstDifference); 3 only with the machine exactly as that run found it; 4 only
//               with a journal left for a resume or rollback;
//  - diagnose:  a diagnosis agrees with what a request shows (DiagnosisAgreesWithRequests);
//  - read-only: diagnose, plan and a dry run change nothing, the journal included
//               (ReadOnlyRunChangesNothing).
//
//   for (auto& c : sim::CheckInvariants(ctx, step)) if (!c.passed) ...
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/ports/aspnet.h"
#include "sim/expectations.h"
#include "sim/run_context.h"

namespace sim {

// The worker account the invariants follow.
inline const std::string kWorkerAccount(fixer::kMachineWorkerAccount);

// After a `fixer` step, every invariant below; after a `legacy` step (fixup.cmd), `secrets` only,
// with ctx.before_step the machine before it.
std::vector<CheckResult> CheckInvariants(RunContext& ctx, const Step& fixer_or_legacy_step);

// The passwords the `secrets` invariant looks for beside those SecretSearch reads off the machines:
// the published 1pass@word, `given` (a fixer's temporary password, what was typed at runas), and
// every password a batch gave net user (RunContext::batch_passwords, LegacyRun::passwords). One
// list for run, explore, sweep, compare and legacy, so none of them misses a batch's password.
//
//   sim::KnownPasswords({"Tmp#2003-xyz"}, ctx.batch_passwords);   // {"1pass@word", "Tmp#2003-xyz", ...}
std::vector<std::string> KnownPasswords(const std::vector<std::string>& given, const std::set<std::string>& batch);
// The same for a `fixer` step (its temp_password) or a `legacy` step (its answer) of a scenario,
// with the passwords the scenario's batches gave net user before it (ctx.batch_passwords).
std::vector<std::string> KnownPasswords(const RunContext& ctx, const Step& fixer_or_legacy_step);

// The individual invariants, for the sweep (fixer episode start vs. now).
CheckResult ServicesAsFound(const fakes::MachineState& found, const fakes::MachineState& now);
CheckResult GrantsStillWork(const fakes::MachineState& found, const fakes::MachineState& now,
                            const std::string& account);
// Never wider than found (invariants_widened.cpp): `account` holds no right, group membership or
// allowed ACE access it did not hold in `found`, beyond what the fixer's documented repair grants.
CheckResult NoGrantWidened(const fakes::MachineState& found, const fakes::MachineState& now,
                           const std::string& account);
// The same against one found machine for many `now`s (the sweep's episodes of one apply): what
// `account` held and what the repair may grant (a registration on a copy) are worked out once.
//
//   sim::GrantWidening widening(found, "ASPNET");
//   for (const fakes::MachineState& end : ends) if (!widening.Check(end).passed) ...
class GrantWidening {
 public:
  GrantWidening(const fakes::MachineState& found, const std::string& account);
  ~GrantWidening();
  CheckResult Check(const fakes::MachineState& now) const;

 private:
  struct Baseline;
  std::unique_ptr<const Baseline> baseline_;
};
CheckResult NoSecretIn(const std::vector<std::string>& texts, const fakes::MachineState& found,
                       const fakes::MachineState& now, const std::vector<std::string>& known);
// The same over views of the texts (the sweep's transcripts, not copied).
CheckResult NoSecretIn(std::span<const std::string_view> texts, const fakes::MachineState& found,
                       const fakes::MachineState& now, const std::vector<std::string>& known);
// NoSecretIn split for many texts against one end machine (the sweep's episodes that end on the
// same machine): the passwords to look for, and whether one is in `now`'s journal or events, are
// worked out once; each text is searched after.
//
//   sim::SecretSearch search(found, now, {"1pass@word"});
//   std::vector<std::string_view> texts = {transcript};
//   if (!search.Check(texts).passed) ...
class SecretSearch {
 public:
  SecretSearch(const fakes::MachineState& found, const fakes::MachineState& now, const std::vector<std::string>& known);
  bool In(std::string_view text) const;
  // NoSecretIn(texts, found, now, known); `leaked` when a text searched earlier holds one.
  CheckResult Check(std::span<const std::string_view> texts, bool leaked = false) const;

 private:
  struct Needle {
    std::string text;
    size_t anchor = 0;  // the byte looked for first: the one least likely in a transcript
  };
  std::vector<Needle> secrets_;
  bool in_records_ = false;  // in the journal or the event log
};
// A word of `texts` that is an account's password, before or after (its NT hash an account's
// current hash in `found` or `now`): what a batch file printed by setting a password it made up,
// which no list of known passwords holds. `printed` keeps the hashes between the checks of a run.
CheckResult NoAccountPasswordIn(PrintedWordHashes& printed, std::span<const std::string> texts,
                                const fakes::MachineState& found, const fakes::MachineState& now);
// The same for texts checked once.
CheckResult NoAccountPasswordIn(std::span<const std::string> texts, const fakes::MachineState& found,
                                const fakes::MachineState& now);
// `account`'s password is the LSA secret's (the hashes compared; no logon, so a lockout or a
// disabled account hides no mismatch); passes when either is missing.
CheckResult WorkerPasswordIsTheSecret(const fakes::MachineState& now, const std::string& account);
// Never worse than found: the same, passing too when the secret was not the password in `found` either
// (an administrator's `net user ASPNET x` before the fixer ran is not the fixer's doing).
CheckResult WorkerSecretNotWorse(const fakes::MachineState& found, const fakes::MachineState& now,
                                 const std::string& account);
CheckResult SiteNotWorse(const fakes::MachineState& found, const fakes::MachineState& now);
// The same from each application's status (StatusOfEveryApp) before and now.
CheckResult SiteNotWorse(const std::map<std::string, int>& before, std::map<std::string, int> after);
// `diagnose`, `plan` and every dry run (`what`: "plan", "apply --dry-run") leave the machine as
// they found it, the journal and the event log included: their state file stays byte-identical.
CheckResult ReadOnlyRunChangesNothing(const std::string& what, const fakes::MachineState& before,
                                      const fakes::MachineState& now);

// The first difference between two states that "nothing changed" (exit 3) counts, in words
// ("sam.users.ASPNET.flags: [] -> [disabled]"): everything, the journal and passwords included,
// but the clock, the random state and the event log; nothing when there is none.
std::optional<std::string> ChangedByARefusal(const fakes::MachineState& before, const fakes::MachineState& now);
// The first difference between the machine a repair found and `now` that "exactly as found"
// counts: not the bookkeeping a restore cannot and need not undo (randomness, clock, events, the
// journal), the worker's new password (its hash, history and age, ASP.NET's LSA secret and a
// service's kept password that follow it: WorkerPasswordIsTheSecret judges them) or the worker's
// unlock; every other account's password state, every other secret and "must change password at
// next logon" are compared; nullopt when
// there is none. What exit 1 promises (README: "restored as found") and a sweep's episode ends on
// unless fixed. sim/src/sweep_as_found.cpp.
std::optional<Change> FirstDifference(const fakes::MachineState& found, const fakes::MachineState& now);

// The promises of one run's exit code, whatever its verb (`outcome` as fixer::ToString prints
// it), against the machine the run found (`before`) and left (`now`), and for exit 1 against the
// machine its episode's apply found (`episode_found`; nullptr when someone else changed the machine
// during the episode, so that "as found" no longer applies). `verified`: the applications the
// run requested after its last change (FixerRun::verified): exit 0 "fixed" or "nothing-to-do"
// promises every ASP.NET 1.0 application among them, not only that they answer 200.
// `statuses`, when given, is StatusOfEveryApp(now), which the caller has already probed;
// `found_difference`, FirstDifference(*episode_found, now.state()), which it has already worked out.
std::vector<CheckResult> ExitCodePromises(int exit_code, const std::string& outcome, const fakes::MachineState& before,
                                          const fakes::MachineState* episode_found, fakes::Machine& now,
                                          const std::set<std::string>& verified,
                                          const std::map<std::string, int>* statuses = nullptr,
                                          const std::optional<Change>* found_difference = nullptr);

// A diagnosis agrees with what requesting every ASP.NET 1.0 application shows now: "affected"
// only while one does not answer 200; "already-fixed" while one answers 503 says why (a
// `missing:` or `note:` line of `output`, the diagnosis's text).
CheckResult DiagnosisAgreesWithRequests(const std::string& verdict, const std::string& output, fakes::Machine& now);

// A step other than the fixer's (an administrator's) that changed the machine while an episode is
// open (a crash left a journal) marks the episode: what the administrator changed is not the
// fixer's doing, so at its end only each run's own promises are checked (exit codes, secrets,
// idempotence), not the comparisons with the machine as found. Bookkeeping (the clock, the
// event log, the random stream) does not count as a change. `before` is the machine before the step.
void NoteStepInEpisode(RunContext& ctx, const fakes::MachineState& before);

// The short name of an invariant check ("services", "grants", "widened", "secrets", "worker-password",
// "site", "idempotent", "exit-code", "diagnose"), from its `what`; "" for any other check.
// The `invariant` expectation (docs/scenario-format.md) and explore's shrinker name them so.
std::string InvariantName(const CheckResult& check);
std::vector<std::string_view> InvariantNames();

}  // namespace sim
