// The journal a machine file holds, checked before aspnet-fixer's verbs read it: a journal the
// fixer cannot resume or roll back (hand-edited, from another tool, a plan whose SID is not
// ASPNET's: fixer::CheckJournalOnMachine) is an input error at its record, not a failure of
// whichever verb meets it first.
//
//   if (std::optional<fakes::LoadError> bad = fakes::CheckJournalOfMachineFile("m.yaml", state))
//     std::cerr << bad->ToString() << "\n";   // m.yaml:41:5: journal record 1: ... its plan ...
#pragma once

#include <optional>
#include <string>

#include "fakes/load_result.h"
#include "fakes/state.h"

namespace fakes {

// `state` is the machine file at `path` as loaded with its log. The error is at the record at
// fault: FILE:LINE:COL with its line when the file holds it, the log's name when the log added it.
std::optional<LoadError> CheckJournalOfMachineFile(const std::string& path, const MachineState& state);

}  // namespace fakes
