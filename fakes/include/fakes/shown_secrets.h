// What output shows of a secret: the one placeholder, and which of a machine's data counts as
// one where the state itself is shown (docs/machine-format.md, "What output never shows").
//
// Every registry value's data is treated as a secret: aspnet_setreg keeps the worker's userName
// and password in values a processModel `registry:` reference names (any name), Winlogon keeps
// DefaultPassword, a connection string may hold `pwd=`, and nothing in a value says which it is.
//
//   fakes::MachineState shown = fakes::WithRegistryDataMasked(machine.state());
#pragma once

#include "fakes/state.h"
#include "fixer/secret.h"

namespace fakes {

// `state` with the data of every registry value replaced by fixer::kMaskedSecret (names kept).
MachineState WithRegistryDataMasked(MachineState state);

}  // namespace fakes
