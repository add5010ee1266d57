// FixerSession: one run of the real fixer against a fake machine, the way `aspnet-fixer` and
// the scenario runner both need it: ports over the machine, the web stack model as the probe,
// a log captured to text, an optional fault plan, and a simulated power loss caught and told.
//
//   sim::FixerRun run = sim::RunFixer(machine, "apply", options, fakes::FaultPlan{});
//   if (run.crashed) ... run.crash ...   // the journal on the machine is what resume sees
//   std::cout << run.log << sim::RenderRunText(*run.result);
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fakes/faults.h"
#include "fakes/machine.h"
#include "fixer/fixer.h"

namespace sim {

// Test seam (LevelDB's EnvWrapper): replaces some of the fixer's ports with doubles, e.g. a
// broken undo, to prove a sweep catches it. Decorate is called once per run; the decorator
// owns whatever wrappers it hands out until it is destroyed.
class PortsDecorator {
 public:
  virtual ~PortsDecorator() = default;
  virtual fixer::Ports Decorate(fixer::Ports& real) = 0;
};

// A fresh decorator per fixer run, so scenarios and sweep cases can run on several threads.
using PortsDecoratorFactory = std::function<std::unique_ptr<PortsDecorator>()>;

struct FixerRun {
  std::string command;
  std::optional<fixer::RunResult> result;          // absent when it crashed
  std::optional<fixer::Result<fixer::Diagnosis>> diagnosis;  // for "diagnose"
  std::optional<fixer::Result<fixer::Plan>> plan;            // for "plan"
  std::string log;       // every log line the fixer wrote
  bool crashed = false;  // a crash fault fired: the process "lost power"
  std::string crash;     // where
  int exit_code = 0;     // the aspnet-fixer exit code this run maps to
  std::string outcome;   // "fixed", ..., "interrupted"
  uint64_t mutations = 0;                    // mutating calls the run made (or began)
  std::vector<fakes::MutationEvent> trace;   // each of them, in order
};

// Everything a run printed, as a scenario report or a sweep transcript shows it: the log, then
// the result, diagnosis or plan, and where the power was lost.
std::string RunTranscript(const FixerRun& run);

// `command`: diagnose | plan | apply | resume | rollback. 2 for anything else.
FixerRun RunFixer(fakes::Machine& machine, const std::string& command, const fixer::Options& options,
                  fakes::FaultPlan faults, bool verbose = false, PortsDecorator* decorator = nullptr);

}  // namespace sim
