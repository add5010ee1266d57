// Automatic propagation of inheritable ACEs: after SetNamedSecurityInfo (or SetSecurityInfo)
// writes a folder's or registry key's DACL, Windows recomputes the inherited ACEs of every object
// below it from the new DACL (Microsoft Learn, "Automatic Propagation of Inheritable ACEs";
// SetNamedSecurityInfoW, Remarks). Each child keeps its explicit ACEs, its inherited ones are
// replaced by those its parent's DACL now gives (acl_inheritance.h), and a child whose DACL is
// protected is left alone, with all below it.
//
// The model keeps no SE_DACL_PROTECTED bit: a child whose DACL holds no inherited ACE is taken as
// protected [M: choice-protected-dacl]. A metabase node's AdminACL is no NTFS or registry DACL:
// nothing propagates there.
//
//   fakes::ObjectMap& objects = machine.state().objects;
//   fakes::PropagateInheritableAces(objects, fakes::ObjectKey(fixer::ObjectNamespace::kFile, R"(C:\data)"));
#pragma once

#include <string_view>

#include "fakes/object_map.h"

namespace fakes {

// Recomputes the inherited ACEs of every object below the one `key` (an ObjectKey) names from its
// DACL as it is now; only an object whose DACL changes is written (copied when shared). One walk
// of the objects below it, each looked up once per level between it and `key`: linear in them.
void PropagateInheritableAces(ObjectMap& objects, std::string_view key);

}  // namespace fakes
