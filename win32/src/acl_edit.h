// DACL reading and editing shared by the file, registry and metabase ACL code of the security
// port: the explicit ACEs of a DACL that name a SID, and a DACL with ACEs added through
// SetEntriesInAcl (which puts deny ACEs before allow ACEs, the canonical order).
//
//   std::vector<fixer::Ace> mine = win32::ExplicitAcesFor(dacl, sid);
//   auto merged = win32::WithAces(dacl, aces);   // LocalFree'd by its owner
#pragma once

#include <windows.h>

#include <memory>
#include <span>
#include <vector>

#include "fixer/ports/security.h"
#include "fixer/result.h"

namespace win32 {

// Owns memory the security functions LocalAlloc'ed (an ACL, a security descriptor).
struct LocalFreeDeleter {
  void operator()(void* p) const { LocalFree(p); }
};
template <class T>
using LocalPtr = std::unique_ptr<T, LocalFreeDeleter>;

// The allow and deny ACEs of `dacl` (null: no DACL) naming `sid` that are not inherited.
std::vector<fixer::Ace> ExplicitAcesFor(const ACL* dacl, const fixer::Sid& sid);
// Every explicit allow or deny ACE's SID in `dacl`, with its ACE, in DACL order.
std::vector<fixer::Ace> ExplicitAces(const ACL* dacl);
// `dacl` with `aces` added, by SetEntriesInAcl.
fixer::Result<LocalPtr<ACL>> WithAces(ACL* dacl, std::span<const fixer::Ace> aces);

}  // namespace win32
