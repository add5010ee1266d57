// RunContext: what a scenario run carries from step to step: the machine, what it looked like
// when the scenario began and before the last fixer run, and the last response, output and
// exit code that expectations read.
//
//   sim::RunContext ctx(scenario.machine);   // its seed was given when it loaded
//   ExecuteStep(ctx, step);     // steps.h
//   CheckExpectation(ctx, e);   // expectations.h
#pragma once

#include "sim/fixer_session.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fakes/machine.h"
#include "fixer/result.h"
#include "sim/batch.h"
#include "sim/machine_diff.h"
#include "sim/printed_words.h"

namespace sim {

struct LastResponse {
  std::string app;
  int status = 0;
  std::string page;
  std::string explanation;  // why, from the web stack model
};

// What the last fixer run left for expectations and invariants.
struct LastFixerRun {
  std::string command;
  int exit_code = 0;
  std::string outcome;  // "fixed", "nothing-to-do", "refused", ...
  int regranted = 0;
  bool crashed = false;            // a crash fault fired: the process "lost power"
  fakes::MachineState before;      // the machine as the run found it
  std::string unreached_fault;     // why a fault the step asked for never happened; "" if none
  std::string impossible_error;    // the fail_error the faulted call cannot give (ErrorsFor); "" if none
  std::set<std::string> verified;  // the applications it requested after its last change (FixerRun::verified)
};

// What the last `logon` step answered.
struct LastLogon {
  std::string user;
  fixer::Status status;  // Ok, or the Windows error LogonUser gave (1326, 1331, 1909 ...)
};

// One invariant as CheckInvariants judged it (InvariantName: "services", "grants" ...).
struct CheckedInvariant {
  std::string name;
  bool passed = true;
  std::string detail;  // "what: expected X, got Y"
};

struct RunContext {
  explicit RunContext(fakes::MachineState initial) : machine(initial), initial_state(std::move(initial)) {}

  fakes::Machine machine;
  fakes::MachineState initial_state;  // as the scenario began (for "sid: unchanged")
  std::string scenario_dir;           // relative paths in steps resolve against it

  std::optional<LastResponse> response;
  std::optional<LastFixerRun> fixer;
  // The machine as the fixer first found it in this episode (an apply and the resume or
  // rollback that finish it); invariants compare against it.
  std::optional<fakes::MachineState> episode_start;
  bool episode_changed_by_others = false;             // NoteStepInEpisode (invariants.h)
  std::map<std::string, int> episode_start_statuses;  // what each application answered then
  std::optional<LastLogon> logon;
  std::optional<int> exit_code;         // last fixer / legacy / command run
  std::vector<BatchCommand> commands;   // the programs the last legacy / command run ran
  std::string output;                   // its console output and log
  fakes::MachineState before_step;      // for machine_unchanged
  std::vector<std::string> all_output;  // everything printed in the run (secret scan)
  PrintedWordHashes all_output_words;   // its words' NT hashes, as far as a legacy step's scan got
  PortsDecoratorFactory decorate;       // RunOptions::decorate, for every fixer step
  // Every password a `legacy` or `command` step's batch gave net user (LegacyRun::passwords): the
  // secret scan looks for them too, in the output of every later step. Each once, however many
  // steps gave it. Never printed.
  std::set<std::string> batch_passwords;
  // The invariants checked after the last fixer run (CheckInvariants), for the `invariant` check.
  std::optional<std::vector<CheckedInvariant>> invariants;
};

}  // namespace sim
