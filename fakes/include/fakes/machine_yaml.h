// Machine state files: a whole fake machine as YAML (docs/machine-format.md).
//
// Loading starts from FreshInstall(os, seed) and applies what the file says, so a state file
// can be a few lines long. Unknown keys, wrong types, unknown SIDs and duplicate names are
// rejected with "FILE:LINE:COL: message". Saving writes a temporary file beside the target,
// flushes it, and renames it over the target, so a crash never leaves half a file.
//
//   fakes::Loaded<fakes::MachineState> state = fakes::LoadMachineFile("machines/xp.yaml");
//   if (!state.ok()) std::cerr << state.error->ToString();   // load_result.h
//   fakes::SaveMachineFile(*state.value, "machines/xp.yaml");
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "fakes/atomic_file.h"
#include "fakes/load_result.h"
#include "fakes/state.h"
#include "fakes/yaml_tree.h"
#include "fixer/result.h"

namespace fakes {

Loaded<MachineState> LoadMachineFile(const std::string& path);
// Parsed by fakes' own YAML parser (fakes/yaml_parse.h); JSON is YAML too.
Loaded<MachineState> LoadMachineText(std::string_view text, const std::string& file_name);
// A node of an already parsed tree, for scenario files that embed a machine (`machine:` key);
// errors point into `file_name` at the tree's marks. A machine that gives no `seed:` gets
// `default_seed` (a scenario run's `--seed`).
Loaded<MachineState> LoadMachineTree(const yaml::Tree& tree, yaml::NodeId node, const std::string& file_name,
                                     uint64_t default_seed = 1);

// A top-level key of a machine state file ("os", "accounts", ...): lets a scenario's loader say
// that it was given a machine file, or a machine's key left outside `machine:`.
bool IsMachineFileKey(std::string_view key);
// The top-level keys of a scenario file (sim/ reads them; a scenario embeds a machine under
// `machine:`), in the order the docs list them. The machine loader names them when it is given a
// scenario, or a scenario key indented under `machine:`.
inline constexpr std::array<std::string_view, 5> kScenarioFileKeys = {"name", "summary", "tags", "machine", "steps"};
bool IsScenarioFileKey(std::string_view key);

std::string MachineToText(const MachineState& state);
// The form a machine file is saved in: the saved form's YAML, or the same as JSON (every scalar a
// string, keys in the YAML's order; what `fixup-sim show --format json` prints), so a JSON file (a
// capture) stays JSON.
enum class MachineFileFormat { kYaml, kJson };
std::string MachineToText(const MachineState& state, MachineFileFormat format);
// The form a verb saves its machine in: an `out` named *.json is JSON and *.yaml or *.yml YAML;
// any other `out`, or none (in place), the form of the file read (`read_text`: JSON starts `{`).
MachineFileFormat MachineFileFormatOf(std::string_view out, std::string_view read_text);
// Atomic: temp file, flush + fsync, rename. 5 / 3 / 112 style errors as Status.
fixer::Status SaveMachineFile(const MachineState& state, const std::string& path);
// The same save, `before_rename` and `replace` as WriteFileAtomically's (a run's lock moves to the
// new file there; kNothing takes the name only where no file is), in `format`.
fixer::Status SaveMachineFile(const MachineState& state, const std::string& path, const BeforeRename& before_rename,
                              Replace replace, unsigned new_file_mode = kNewFileMode,
                              MachineFileFormat format = MachineFileFormat::kYaml);

}  // namespace fakes
