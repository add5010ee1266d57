// MachinePorts: the fixer's ports implemented over a fake Machine.
//
// One adapter class per port, all here, each a thin translation onto the subsystems (Sam, Lsa,
// LogonService, ProfileStore, ObjectStore, SqlServer, Scm, AspNetSetup). The journal lives in
// MachineState::journal (the fixer's file on this machine's disk); Random comes from the
// machine, so a run replays exactly from its seed. Every read asks the fault plan first
// (Machine::Read), so a test can make a lookup fail.
//
//   #include "fixer/fixer.h"
//   fakes::MachinePorts machine_ports(machine);
//   fixer::Fixer repair(machine_ports.ports(), logger);
#pragma once

#include <memory>

#include "fakes/machine.h"
#include "fixer/ports/ports.h"

namespace fakes {

class MachinePorts {
 public:
  // `web` answers WebProbe::Get; the simulator passes its web stack model. Without one, Get
  // answers 50 (ERROR_NOT_SUPPORTED) and the fixer diagnoses from causes alone.
  explicit MachinePorts(Machine& machine, fixer::WebProbe* web = nullptr);
  ~MachinePorts();
  MachinePorts(const MachinePorts&) = delete;
  MachinePorts& operator=(const MachinePorts&) = delete;

  fixer::Ports& ports();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace fakes
