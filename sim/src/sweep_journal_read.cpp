// What the sweep checks of a journal read that fails: see sweep_detail.h.
#include <string>

#include "fakes/faults.h"
#include "sim/fixer_session.h"
#include "sweep_detail.h"

namespace sim::sweep {

std::vector<CheckResult> JournalReadPromises(const fakes::MachineState& machine,
                                             const fakes::MachineState* episode_found, const fixer::Options& options) {
  std::vector<CheckResult> broken;
  auto add = [&](CheckResult c) {
    if (!c.passed) broken.push_back(std::move(c));
  };
  for (const char* command : {"apply", "resume", "rollback"}) {
    fakes::Machine now(machine);
    fakes::FaultPlan plan;
    plan.Add({.op = "journal.load", .nth = 1, .error = fixer::kErrorAccessDenied, .read = true});
    const FixerRun run = RunFixer(now, command, options, std::move(plan));
    const std::string what = std::string(command) + " with its journal read failing (5)";
    const int exit = fixer::ToInt(run.exit_code);
    const int refused = fixer::ToInt(fixer::ExitCode::kRefused);
    add({"sweep", what + ": exit code", exit == refused, "exit 3 (diagnose-failed: a read failed, no input error)",
         "exit " + std::to_string(exit) + " (" + run.outcome + ")"});
    add({"sweep", what + ": nothing changed", now.state() == machine && run.trace.empty(), "the machine as it was",
         std::to_string(run.trace.size()) + " mutating calls"});
    const std::string text = RunTranscript(run);
    add({"sweep", what + ": the error is named", text.find("5: Access is denied.") != std::string::npos,
         "'5: Access is denied.' in its output", text.substr(0, 200)});
    for (CheckResult& c : ExitCodePromises(exit, run.outcome, machine, episode_found, now, run.verified))
      add(std::move(c));
  }
  return broken;
}

}  // namespace sim::sweep
