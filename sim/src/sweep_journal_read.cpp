// What the sweep checks of a journal read that fails: see sweep_detail.h.
#include <algorithm>
#include <array>
#include <memory>
#include <string>

#include "fakes/faults.h"
#include "sim/fixer_session.h"
#include "sweep_detail.h"

namespace sim::sweep {
namespace {

constexpr std::array<const char*, 3> kCommands{"apply", "resume", "rollback"};

FixerRun RunWithJournalReadFailing(fakes::Machine& machine, const char* command, const fixer::Options& options,
                                   const PortsDecoratorFactory& decorate) {
  fakes::FaultPlan plan;
  plan.Add({.op = "journal.load", .nth = 1, .error = fixer::kErrorAccessDenied, .read = true});
  std::unique_ptr<PortsDecorator> decorator = decorate ? decorate() : nullptr;
  return RunFixer(machine, command, options, std::move(plan), false, decorator.get());
}

// The checks of `command`'s `run`, which left `now` (`unchanged`: exactly as `machine`, no call made).
void CheckRun(const char* command, const FixerRun& run, bool unchanged, const fakes::MachineState& machine,
              const fakes::MachineState* episode_found, fakes::Machine& now, std::vector<CheckResult>& broken) {
  auto add = [&](CheckResult c) {
    if (!c.passed) broken.push_back(std::move(c));
  };
  const std::string what = std::string(command) + " with its journal read failing (5)";
  const int exit = fixer::ToInt(run.exit_code);
  const int refused = fixer::ToInt(fixer::ExitCode::kRefused);
  add({"sweep", what + ": exit code", exit == refused, "exit 3 (diagnose-failed: a read failed, no input error)",
       "exit " + std::to_string(exit) + " (" + run.outcome + ")"});
  add({"sweep", what + ": nothing changed", unchanged, "the machine as it was",
       std::to_string(run.trace.size()) + " mutating calls"});
  const std::string text = RunTranscript(run);
  add({"sweep", what + ": the error is named", text.find("5: Access is denied.") != std::string::npos,
       "'5: Access is denied.' in its output", text.substr(0, 200)});
  // Exit 3 on an unchanged machine keeps every promise ExitCodePromises would check.
  if (exit != refused || !unchanged)
    for (CheckResult& c : ExitCodePromises(exit, run.outcome, machine, episode_found, now, run.verified))
      add(std::move(c));
}

}  // namespace

std::vector<CheckResult> JournalReadPromises(fakes::Machine& machine, const fakes::MachineState& as_is,
                                             const fakes::MachineState* episode_found, const fixer::Options& options,
                                             const PortsDecoratorFactory& decorate) {
  std::vector<CheckResult> broken;
  // The three run in turn on `machine`: where none calls a mutating port and it ends equal to
  // `as_is` (a sweep's every case), each left it as it was (a run may move the clock or the
  // random stream, never back). Else `machine` is set back and each runs again on its own copy,
  // so a change is told at the run that made it.
  std::vector<FixerRun> runs;
  for (const char* command : kCommands) runs.push_back(RunWithJournalReadFailing(machine, command, options, decorate));
  const bool untouched = std::all_of(runs.begin(), runs.end(), [](const FixerRun& r) { return r.trace.empty(); }) &&
                         machine.state() == as_is;
  if (untouched) {
    for (size_t i = 0; i < kCommands.size(); ++i)
      CheckRun(kCommands[i], runs[i], true, as_is, episode_found, machine, broken);
    return broken;
  }
  machine = fakes::Machine(as_is);
  for (const char* command : kCommands) {
    fakes::Machine own(as_is);
    const FixerRun run = RunWithJournalReadFailing(own, command, options, decorate);
    CheckRun(command, run, own.state() == as_is && run.trace.empty(), as_is, episode_found, own, broken);
  }
  return broken;
}

}  // namespace sim::sweep
