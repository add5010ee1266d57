// ScenarioSetup: the machine a scenario describes, as the customer had it before any repair:
// its `machine`, then its steps up to (not including) the first `legacy` or `fixer` step
// (installing MS03-032, granting ACLs, starting services ...). A plain machine state file is
// taken as it is. For `fixup-sim legacy` and `fixup-sim compare`, which run the batch file that
// first `legacy` step names, if it names one.
//
//   auto setup = sim::PrepareScenarioMachine("scenarios/legacy/fixes-default-policy.yaml");
//   if (!setup.error.empty()) { std::cerr << setup.error; return 2; }
//   fakes::Machine a(*setup.state), b(*setup.state);
#pragma once

#include <optional>
#include <set>
#include <string>

#include "fakes/state.h"

namespace sim {

struct PreparedMachine {
  std::optional<fakes::MachineState> state;
  std::string error;  // "file:line:col: message" when it could not be prepared
  std::string scenario_dir;
  int steps_run = 0;
  // Every password a `command` step of the set-up gave net user (RunContext::batch_passwords):
  // the secret scan of what runs on the machine next looks for them too (KnownPasswords).
  std::set<std::string> batch_passwords;
  // The batch file of the `legacy` step the set-up stopped at, when that step names one
  // (`script:`, LegacyStepScript): what `legacy` and `compare` run without --script.
  std::string legacy_step_script;
  // That step's `answer`, when it gives one: what `compare` types at runas's prompt without --answer.
  std::optional<std::string> legacy_step_answer;
};

PreparedMachine PrepareScenarioMachine(const std::string& path);

}  // namespace sim
