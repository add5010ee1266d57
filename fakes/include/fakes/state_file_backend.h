// StateFileBackend: aspnet-fixer's backend for a machine state file (docs/machine-format.md),
// the fake machine's disk. The machine is loaded once; while a mutating verb runs it is saved
// atomically before every mutating call that follows a change (every earlier change is then
// complete), so a killed process leaves a whole file whose journal resume or rollback
// continues; at the end it is saved once more. The input file is rewritten only when the
// machine changed; with `out` set, the input is never written and `out` receives the machine
// as the verb leaves it (changed or not).
//
//   fakes::Loaded<std::unique_ptr<fakes::StateFileBackend>> opened = fakes::StateFileBackend::Open({.path = "m.yaml"});
//   if (!opened.ok()) logger->error("{}", opened.error->ToString());   // FILE:LINE:COL: ...
//   fixer::Backend& file = **opened.value;
//   fixer::Status saved = file.EndChanges();
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "fakes/machine.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"
#include "fixer/backend.h"

namespace fakes {

struct StateFileOptions {
  std::string path;               // the machine file to load
  std::string out;                // where to save; empty: `path` itself
  uint64_t kill_at_mutation = 0;  // test hook: SIGKILL the process right after the save before mutation N
};

class StateFileBackend : public fixer::Backend {
 public:
  static Loaded<std::unique_ptr<StateFileBackend>> Open(const StateFileOptions& options);

  fixer::Ports& ports() override { return memory_.ports(); }
  // Saves before every later mutating call; a failed save throws fixer::Interruption.
  fixer::Status BeginChanges() override;
  // Saves if the machine changed (always, to `out`); 5 / 3 / 112 style errors.
  fixer::Status EndChanges() override;
  bool Changed() const override { return memory_.Changed(); }

  const MachineState& state() const { return machine_.state(); }

 private:
  StateFileBackend(MachineState state, StateFileOptions options);
  const std::string& Destination() const { return options_.out.empty() ? options_.path : options_.out; }
  fixer::Status SaveIfNew();

  StateFileOptions options_;
  Machine machine_;
  MachineBackend memory_;
  MachineState saved_;          // what the destination holds (as loaded: the input's machine)
  bool destination_written_ = false;
  uint64_t mutations_ = 0;
};

}  // namespace fakes
