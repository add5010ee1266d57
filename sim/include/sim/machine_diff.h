// MachineDiff: what changed between two states of a machine, read as a change log.
//
// Computed section by section on the structures themselves: a section equal in both states
// (operator==) costs one comparison and is skipped, and inside a changed list only the entries
// that differ are described, so a step that changes nothing costs next to nothing. Entries are
// matched by identity (an account or service by name, an object by namespace and path, a
// hotfix by id, an event by position), so an insertion does not renumber the rest:
//
//   + hotfixes[MS03-032]                       a new entry, its fields in Change::fields
//   - accounts[ASPNET]                         a removed entry, likewise
//   ~ services[W3SVC].state: running -> stopped
//
// Password hashes, password histories and LSA secrets are never shown, only that they changed.
//
//   for (const sim::Change& c : sim::DiffMachines(before, after)) std::cout << sim::FormatChange(c);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fakes/state.h"

namespace sim {

struct ChangeField {
  std::string name;   // "state", "acl[allow ASPNET]"
  std::string value;  // "(secret)" for password material
};

struct Change {
  enum class Kind { kChanged, kAdded, kRemoved };
  std::string path;    // "services[W3SVC].state", "hotfixes[MS03-032]"
  std::string before;  // "(none)" when the entry was added
  std::string after;   // "(none)" when it was removed
  Kind kind = Kind::kChanged;
  std::vector<ChangeField> fields;  // kAdded / kRemoved: the entry's fields
  // kChanged of a list (rights[ASPNET], a group's members): the entries in `after` only, then in
  // `before` only; FormatChange names them when the lists are too long to show whole.
  std::vector<std::string> added, removed;
};

std::vector<Change> DiffMachines(const fakes::MachineState& before, const fakes::MachineState& after);

// "~ path: before -> after\n" ("~ path: + A, - B\n" for a list too long to show whole), or "+ path\n" followed by "
// field: value\n" lines; each line starts with `indent`. Each value is cut as a message cuts a value, each label (the
// path, a field's name: `acl[allow ASPNET (S-1-5-21-...-1004)]`) as a line (fixer::CappedValue, kShownLineBytes),
// its last entry kept whole (an ACE's type, principal and SID; else the SID it names), the cut said:
// `... (60 of 10000 bytes shown)`. Entries in their keys' numbers' order
// (fixer::NumberedKeyLess): `journal[seq 2]` before `journal[seq 10]`.
std::string FormatChange(const Change& change, const std::string& indent = "");

// An access mask as machine files spell it: its name for `ns` ("modify", a key's "read"), else
// "0x1F01FF".
std::string MaskText(fixer::ObjectNamespace ns, uint32_t mask);

}  // namespace sim
