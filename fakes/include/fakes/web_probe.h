// ModelWebProbe: the fixer's WebProbe port answered by the fake machine's web stack model (web_stack.h).
// Each probe is a WebStack::Answer (a Probe without the texts of passed conditions), so
// diagnosing never changes the machine. A real GET starts the worker: a failed start writes an
// event and a wrong processModel password counts a failed logon. The model reports the entry the
// request would write (HttpResponse::event) instead of writing it, and the fixer's diagnosis says
// what it did ([M] choice-probe-effects). Nothing listening answers 1060 (no web server) or
// 1062 (not running); otherwise the page.
//
//   #include "fakes/machine_ports.h"
//   fakes::ModelWebProbe probe(machine);
//   fakes::MachinePorts machine_ports(machine, &probe);
#pragma once

#include "fakes/machine.h"
#include "fixer/ports/web_probe.h"

namespace fakes {

class ModelWebProbe : public fixer::WebProbe {
 public:
  explicit ModelWebProbe(fakes::Machine& machine) : machine_(machine) {}
  fixer::Result<fixer::HttpResponse> Get(const std::string& application_path) override;

 private:
  fakes::Machine& machine_;
};

}  // namespace fakes
