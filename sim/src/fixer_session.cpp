#include "sim/fixer_session.h"

#include <sstream>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "fakes/machine_ports.h"
#include "sim/fixer_report.h"
#include "sim/web_probe.h"

namespace sim {

FixerRun RunFixer(fakes::Machine& machine, const std::string& command, const fixer::Options& options,
                  fakes::FaultPlan faults, bool verbose, PortsDecorator* decorator) {
  FixerRun run;
  run.command = command;
  std::ostringstream log_text;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_st>(log_text);
  sink->set_pattern("[%l] %v");
  auto logger = std::make_shared<spdlog::logger>("aspnet-fixer", sink);
  logger->set_level(verbose ? spdlog::level::debug : spdlog::level::info);

  ModelWebProbe probe(machine);
  fakes::MachinePorts ports(machine, &probe);
  machine.set_faults(std::move(faults));
  std::optional<fixer::Ports> decorated;
  if (decorator != nullptr) decorated.emplace(decorator->Decorate(ports.ports()));
  fixer::Fixer fixer(decorated ? *decorated : ports.ports(), logger, options);
  try {
    if (command == "diagnose") {
      run.diagnosis = fixer.Diagnose();
      run.exit_code = run.diagnosis->ok() ? 0 : 1;
      run.outcome = run.diagnosis->ok() ? std::string(fixer::ToString((*run.diagnosis)->verdict)) : "error";
    } else if (command == "plan") {
      auto d = fixer.Diagnose();
      if (d.ok()) {
        run.diagnosis = d;
        run.plan = fixer.MakePlan(*d);
        const bool refused = run.plan->ok() && (*run.plan)->refusal.has_value();
        run.exit_code = !run.plan->ok() ? 1 : (refused ? 3 : 0);
        run.outcome = refused ? "refused" : "planned";
      } else {
        run.diagnosis = d;
        run.exit_code = 1;
        run.outcome = "error";
      }
    } else if (command == "apply" || command == "resume" || command == "rollback") {
      run.result = command == "apply" ? fixer.Apply() : command == "resume" ? fixer.Resume() : fixer.Rollback();
      run.exit_code = run.result->exit_code();
      run.outcome = std::string(fixer::ToString(run.result->outcome));
    } else {
      run.exit_code = 2;
      run.outcome = "usage";
      run.log = "unknown command '" + command + "' (expected diagnose, plan, apply, resume, rollback)\n";
    }
    machine.faults().PowerLossIfPending();  // a crash_after fault on the run's last change
  } catch (const fakes::PowerLoss& loss) {
    run.result.reset();  // a process that lost power reports nothing
    run.crashed = true;
    run.crash = loss.what();
    run.exit_code = 4;
    run.outcome = "interrupted";
  }
  run.mutations = machine.faults().calls();
  run.trace = machine.faults().trace();
  machine.set_faults({});
  logger->flush();
  run.log += log_text.str();
  return run;
}

std::string RunTranscript(const FixerRun& run) {
  std::string text = run.log;
  if (run.result) text += RenderRunText(*run.result);
  if (run.diagnosis && run.diagnosis->ok()) text += RenderDiagnosisText(**run.diagnosis);
  if (run.plan && run.plan->ok()) text += RenderPlanText(**run.plan);
  if (run.crashed) text += "Power lost: " + run.crash + "\n";
  return text;
}

}  // namespace sim
