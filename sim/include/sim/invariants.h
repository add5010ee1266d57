// Invariants: what must hold after every fixer run, whatever the scenario expects.
//
// Checked against the machine as the fixer first found it (the start of an episode: an apply
// and any resume or rollback that continue it):
//  - services:  every service in the state it had (unless the run was interrupted);
//  - grants:    every ACE, right and SQL login the worker account held still works for it;
//  - secrets:   no password (the worker's secret, the known 1pass@word, an operator's
//               temporary password) in any output, journal record or event;
//  - worker:    the worker account's password is the one in the LSA secret (so a temporary
//               password is never left valid);
//  - site:      no application that answered 200 before now fails;
//  - idempotent: a second apply on a fixed machine changes nothing.
//
//   for (auto& c : sim::CheckInvariants(ctx, step)) if (!c.passed) ...
#pragma once

#include <map>
#include <string>
#include <vector>

#include "sim/expectations.h"
#include "sim/run_context.h"

namespace sim {

std::vector<CheckResult> CheckInvariants(RunContext& ctx, const Step& fixer_step);

// The individual invariants, for the sweep (fixer episode start vs. now).
CheckResult ServicesAsFound(const fakes::MachineState& found, const fakes::MachineState& now);
CheckResult GrantsStillWork(const fakes::MachineState& found, const fakes::MachineState& now,
                            const std::string& account);
CheckResult NoSecretIn(const std::vector<std::string>& texts, const fakes::MachineState& found,
                       const fakes::MachineState& now, const std::vector<std::string>& known);
CheckResult WorkerSecretLogsOn(const fakes::MachineState& now, const std::string& account);
CheckResult SiteNotWorse(const fakes::MachineState& found, const fakes::MachineState& now);
// The same from each application's status (StatusOfEveryApp) before and now.
CheckResult SiteNotWorse(const std::map<std::string, int>& before, std::map<std::string, int> after);

}  // namespace sim
