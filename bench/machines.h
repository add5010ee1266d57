// The machines the benchmarks run on, built the way scenarios build them.
#pragma once

#include <cstddef>

#include "fakes/state.h"

namespace bench {

// A typical affected machine: Windows XP Professional SP1 with ASP.NET 1.0 registered, one
// application, a custom ACE and a SQL login for ASPNET, and MS03-032 installed (loaded from a
// few lines of state file, then fakes::InstallHotfix).
const fakes::MachineState& TypicalAffectedMachine();

// The same machine plus `files` files under C:\Inetpub\wwwroot\big, each with
// `aces_per_file` explicit ACEs naming ASPNET (distinct type/mask/flags), written straight
// into MachineState::objects.
fakes::MachineState MachineWithAspnetAces(size_t files, size_t aces_per_file);

}  // namespace bench
