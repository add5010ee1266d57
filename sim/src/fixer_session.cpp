// One verb of aspnet-fixer run in-process on a fake machine: the same app::RunVerb the command
// runs, on a fakes::MachineBackend, with the fault plan installed and its trace kept.
#include "sim/fixer_session.h"

#include "fakes/machine_backend.h"

namespace sim {

FixerRun RunFixer(fakes::Machine& machine, const std::string& command, const fixer::Options& options,
                  fakes::FaultPlan faults, bool verbose, PortsDecorator* decorator,
                  std::shared_ptr<const fakes::MachineState> found) {
  FixerRun run;
  run.command = command;
  const std::optional<app::Verb> verb = app::VerbFromString(command);
  if (!verb) {
    run.exit_code = fixer::ExitCode::kUsage;
    run.outcome = "usage";
    run.log = "unknown command '" + command + "' (expected diagnose, plan, apply, resume, rollback)\n";
    return run;
  }
  fakes::MachineBackend backend(machine, std::move(found));
  if (decorator != nullptr) backend.UsePorts(decorator->Decorate(backend.ports()));
  machine.set_faults(std::move(faults));
  static_cast<app::VerbRun&>(run) = app::RunVerb(backend, *verb, options, verbose);
  try {
    machine.faults().PowerLossIfPending();  // a crash_after fault on the run's last change
  } catch (const fakes::PowerLoss& loss) {
    run.result.reset();  // a process that lost power reports nothing
    run.crashed = true;
    run.crash = loss.what();
    run.exit_code = fixer::ExitCode::kNotRestored;
    run.outcome = "interrupted";
  }
  run.mutations = machine.faults().calls();
  run.trace = machine.faults().TakeTrace();  // the plan is dropped next
  machine.set_faults({});
  return run;
}

}  // namespace sim
