// MachineBackend: a fake Machine in memory as the backend aspnet-fixer's verbs run on: the
// fixer's ports over it (fakes/machine_ports.h), with the web stack model (fakes/web_stack.h)
// answering the fixer's web probe. The machine in memory is its own durable state, so there is
// nothing to save; the simulator runs every scenario's `fixer:` step and the sweep on it.
//
//   #include "fakes/fresh_install.h"
//   fakes::Machine affected(fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 42}));
//   fakes::MachineBackend backend(affected);
//   fixer::Ports& ports = backend.ports();
//   bool changed = backend.Changed();   // false until a port changes the machine
#pragma once

#include <memory>
#include <optional>

#include "fakes/machine.h"
#include "fakes/machine_ports.h"
#include "fakes/web_probe.h"
#include "fixer/backend.h"

namespace fakes {

class MachineBackend : public fixer::Backend {
 public:
  // `found`, when given, equals machine.state() now (Machine::MarkFound(found)): nothing is copied.
  explicit MachineBackend(Machine& machine, std::shared_ptr<const MachineState> found = nullptr)
      : machine_(machine), probe_(machine), ports_(machine, &probe_) {
    if (found) {
      machine_.MarkFound(std::move(found));
    } else {
      machine_.MarkFound();
    }
  }
  ~MachineBackend() override { machine_.ForgetFound(); }

  // The machine's ports, or those handed to UsePorts.
  fixer::Ports& ports() override { return replaced_ ? *replaced_ : ports_.ports(); }
  // Test seam: the fixer sees `ports` (wrappers around ports(), fixer/ports/wrappers.h)
  // instead; they must outlive the run.
  void UsePorts(const fixer::Ports& ports) { replaced_.emplace(ports); }

  fixer::Status BeginChanges() override { return {}; }
  fixer::Status EndChanges() override { return {}; }
  bool Changed() const override { return machine_.Changed(); }

  Machine& machine() { return machine_; }

 private:
  Machine& machine_;
  ModelWebProbe probe_;
  MachinePorts ports_;
  std::optional<fixer::Ports> replaced_;
};

}  // namespace fakes
