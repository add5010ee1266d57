// ACL inheritance: the DACL Windows gives a new file, folder, registry key or metabase node
// from its parent's inheritable ACEs, when it is created without a security descriptor.
//
// Rules (MS-DTYP 2.5.3.4.1 / "How inheritance affects ACEs"): a container child takes the
// parent's CI ACEs (still OI/CI unless NP), and OI-only ACEs as inherit-only (OI|IO) so they
// reach its files; a file takes the OI ACEs; CREATOR OWNER is replaced by the new owner on
// the effective ACE. Every inherited ACE carries INHERITED_ACE (0x10).
//
// The model holds only the objects a scenario needs, so the "parent" is the nearest ancestor
// that exists in the store (our choice; Windows would fail with 3 without a parent).
//
//   #include "fakes/machine.h"
//   fixer::ObjectRef ref{fixer::ObjectNamespace::kFile, R"(C:\Inetpub\wwwroot\app)"};
//   const fakes::SecurableObject* parent = fakes::NearestAncestor(machine.state(), ref);
//   std::vector<fixer::Ace> dacl =
//       fakes::InheritedDacl(parent ? parent->dacl : std::vector<fixer::Ace>{}, /*container=*/true, parent->owner);
//   dacl = fakes::DaclForNewObject(machine.state(), ref, /*container=*/true, fixer::Sid::Administrators());
#pragma once

#include <vector>

#include "fakes/state.h"
#include "fixer/ports/security.h"

namespace fakes {

inline constexpr uint32_t kNoPropagateInheritAce = 0x4;  // winnt.h NO_PROPAGATE_INHERIT_ACE

std::vector<fixer::Ace> InheritedDacl(const std::vector<fixer::Ace>& parent_dacl, bool container,
                                      const fixer::Sid& owner);

// The parent path of an object: "C:\A\B" -> "C:\A", "HKLM\X\Y" -> "HKLM\X",
// "/LM/W3SVC/1/ROOT/app" -> "/LM/W3SVC/1/ROOT"; "" at the top.
std::string ParentObjectPath(fixer::ObjectNamespace ns, const std::string& path);

// The closest existing ancestor of `ref` in the state, or nullptr.
const SecurableObject* NearestAncestor(const MachineState& state, const fixer::ObjectRef& ref);

// The DACL of a drive's root as a fresh install leaves it: Windows 2000's from KB 244600
// (Administrators, SYSTEM and CREATOR OWNER full control, Everyone change); XP's and Server
// 2003's tighter one (Users read and execute instead of Everyone change) [M: choice-drive-root-dacl].
std::vector<fixer::Ace> DriveRootDacl(fixer::OsEdition os);

// The DACL Windows gives `ref` created without a security descriptor: its nearest ancestor's
// inheritable ACEs, or, for a file or folder with no ancestor in the store, its drive root's.
std::vector<fixer::Ace> DaclForNewObject(const MachineState& state, const fixer::ObjectRef& ref, bool container,
                                         const fixer::Sid& owner);

}  // namespace fakes
