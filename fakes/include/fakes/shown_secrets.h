// What output shows of a secret: the one placeholder, and which of a machine's data counts as
// one where the state itself is shown (docs/machine-format.md, "What output never shows").
//
// Every registry value's data is treated as a secret: aspnet_setreg keeps the worker's userName
// and password in values a processModel `registry:` reference names (any name), Winlogon keeps
// DefaultPassword, a connection string may hold `pwd=`, and nothing in a value says which it is.
// So is a processModel password machine.config keeps in clear (a custom worker account's); its
// `AutoGenerate` and a `registry:` reference are no password, and are shown.
//
//   fakes::MachineState shown = fakes::WithSecretsMasked(machine.state());
#pragma once

#include <string_view>

#include "fakes/state.h"
#include "fixer/secret.h"

namespace fakes {

// `state` with the data of every registry value and every processModel password in clear
// replaced by fixer::kMaskedSecret (names, `AutoGenerate` and `registry:` references kept).
MachineState WithSecretsMasked(MachineState state);

}  // namespace fakes
