// One verb of aspnet-fixer run in-process on a fake machine: the same app::RunVerb the command
// runs, on a fakes::MachineBackend, with the fault plan installed and its trace kept.
#include "sim/fixer_session.h"

#include <map>

#include "fakes/machine_backend.h"
#include "fixer/ports/web_probe.h"

namespace sim {
namespace {

// Notes each application a request of the fixer reaches, beneath any decorator, with the mutating
// calls the run had made by then (its latest request's).
class RequestLog : public fixer::WebProbeWrapper {
 public:
  RequestLog(fixer::WebProbe& web, fakes::Machine& machine) : WebProbeWrapper(web), machine_(machine) {}
  fixer::Result<fixer::HttpResponse> Get(const std::string& application_path) override {
    calls_at_[application_path] = machine_.faults().calls();
    return WebProbeWrapper::Get(application_path);
  }
  // The requests a diagnosis made before the run (fixer::Fixer::UseDiagnosisAsFound), as made now.
  void RequestedBy(const fixer::Diagnosis& d) {
    for (const fixer::ProbeResult& p : d.probes)
      if (p.not_requested.empty()) calls_at_.emplace(p.application, 0);
  }
  // Those requested after the last call of `trace` that changed the machine: its journal and its
  // event log (the mark verify-site writes after its requests) are the run's bookkeeping.
  std::set<std::string> RequestedAfterTheLastChange(const std::vector<fakes::MutationEvent>& trace) const {
    uint64_t last_change = 0;
    for (const fakes::MutationEvent& e : trace)
      if (!e.op.starts_with("journal.") && e.op != "eventlog.write") last_change = e.call;
    std::set<std::string> out;
    for (const auto& [app, calls] : calls_at_)
      if (calls >= last_change) out.insert(app);
    return out;
  }

 private:
  fakes::Machine& machine_;  // faults() only counts its calls
  std::map<std::string, uint64_t> calls_at_;
};

}  // namespace

FixerRun RunFixer(fakes::Machine& machine, const std::string& command, const fixer::Options& options,
                  fakes::FaultPlan faults, bool verbose, PortsDecorator* decorator,
                  std::shared_ptr<const fakes::MachineState> found,
                  std::shared_ptr<const fixer::Diagnosis> diagnosis_as_found) {
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
  RequestLog requests(backend.ports().web, machine);
  if (diagnosis_as_found && *verb == app::Verb::kApply) requests.RequestedBy(*diagnosis_as_found);
  fixer::Ports watched = backend.ports().With(requests);
  backend.UsePorts(decorator != nullptr ? decorator->Decorate(watched) : watched);
  machine.set_faults(std::move(faults));
  static_cast<app::VerbRun&>(run) = app::RunVerb(backend, *verb, options, verbose, std::move(diagnosis_as_found));
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
  for (const fakes::FaultRule& rule : machine.faults().rules()) {
    if (rule.read && rule.op) run.reads[*rule.op] = machine.faults().reads(*rule.op);
  }
  run.verified = requests.RequestedAfterTheLastChange(run.trace);
  machine.set_faults({});
  return run;
}

}  // namespace sim
