// Whether a file a run is about to replace with the machine it writes (aspnet-fixer's `--out`,
// `capture --out`: a file other than the one it loads) holds a repair that did not end. Such a
// file may be the only record of a half-done repair on a customer's machine, which `resume` or
// `rollback --machine FILE` continues; replacing it would lose that record, so every verb that
// writes an `--out` refuses it before any work (exit 2, nothing written).
//
//   if (std::optional<fakes::LoadError> kept = fakes::InterruptedRepairAt("o.yaml"))
//     std::cerr << kept->ToString() << "\n";   // o.yaml: holds a repair that did not end (...): ...
#pragma once

#include <optional>
#include <string>

#include "fakes/load_result.h"

namespace fakes {

// Refused, naming `out` and what to do: a machine file beside which lies a log with records the
// file does not hold (a run killed, or one whose last save failed), or one whose log cannot be
// replayed; or a machine file whose journal holds a run left unfinished (what `plan` and `apply`
// call `journal-pending`), or a journal aspnet-fixer cannot read (hand-edited: resume says why).
// nullopt for no file, a device or a pipe (written into, never replaced), a file that does not
// load as a machine (no repair of this tool's can be read in it), and a finished run's journal.
std::optional<LoadError> InterruptedRepairAt(const std::string& out);

}  // namespace fakes
