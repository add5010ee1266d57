// FixerSession: one verb of aspnet-fixer run in-process on a fake machine, as the scenario
// runner and the sweep need it: the same app::RunVerb the command runs (app/verbs.h), on the
// machine's ports (fakes::MachineBackend), with an optional fault plan whose trace is kept.
//
//   fakes::Machine machine(fakes::FreshInstall(fixer::OsEdition::kWindowsXpProfessional, 42));
//   sim::FixerRun run = sim::RunFixer(machine, "apply", fixer::Options{}, fakes::FaultPlan{});
//   if (run.crashed) { std::string where = run.crash; }  // the journal is what resume sees
//   std::string text = app::RunTranscript(run);
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/verbs.h"
#include "fakes/faults.h"
#include "fakes/machine.h"
#include "fixer/ports/ports.h"

namespace sim {

// Test seam: replaces some of the fixer's ports with doubles (fixer/ports/wrappers.h), e.g. a
// broken undo, to prove a sweep catches it. Decorate is called once per run; the decorator
// owns whatever wrappers it hands out until it is destroyed.
class PortsDecorator {
 public:
  virtual ~PortsDecorator() = default;
  virtual fixer::Ports Decorate(fixer::Ports& real) = 0;
};

// A fresh decorator per fixer run, so scenarios and sweep cases can run on several threads.
using PortsDecoratorFactory = std::function<std::unique_ptr<PortsDecorator>()>;

// The decorator that replaces one port by `Double`, a wrapper of that port (e.g. a
// fixer::JournalWrapper) constructed from the real bundle; every other port stays real.
//
//   struct NoUndo : fixer::JournalWrapper {
//     explicit NoUndo(fixer::Ports& real) : JournalWrapper(real.journal) {}
//   };
//   sim::PortsDecoratorFactory f = [] { return std::make_unique<sim::WrapOnePort<NoUndo>>(); };
template <class Double>
class WrapOnePort : public PortsDecorator {
 public:
  fixer::Ports Decorate(fixer::Ports& real) override {
    double_ = std::make_unique<Double>(real);
    return real.With(*double_);
  }

 private:
  std::unique_ptr<Double> double_;
};

// The verb's run (app::VerbRun) and the mutating calls it made.
struct FixerRun : app::VerbRun {
  std::string command;
  uint64_t mutations = 0;                   // mutating calls the run made (or began)
  std::vector<fakes::MutationEvent> trace;  // each of them, in order
  std::map<std::string, uint64_t> reads;    // the reads the run made of each op a read fault names
  // The applications a request of the run reached (WebProbe::Get on the machine, beneath any
  // decorator) after its last change to the machine (its journal and event log aside): exit 0
  // "fixed and verified" promises every ASP.NET 1.0 application among them (ExitCodePromises).
  std::set<std::string> verified;
};

using app::RunTranscript;

// `command`: diagnose | plan | apply | resume | rollback; exit 2 (usage) for anything else.
// `found`, when given, equals machine.state() now: the run compares with it instead of copying it.
// `diagnosis_as_found`: what an apply on `found` (with these options and decorator) diagnosed,
// taken by an apply instead of reading it again (app::RunVerb); its requests count as this run's.
FixerRun RunFixer(fakes::Machine& machine, const std::string& command, const fixer::Options& options,
                  fakes::FaultPlan faults, bool verbose = false, PortsDecorator* decorator = nullptr,
                  std::shared_ptr<const fakes::MachineState> found = nullptr,
                  std::shared_ptr<const fixer::Diagnosis> diagnosis_as_found = nullptr);

}  // namespace sim
