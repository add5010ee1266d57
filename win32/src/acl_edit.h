// DACL reading and editing shared by the file, registry and metabase ACL code of the security
// port: the explicit ACEs of a DACL that name a SID, and a DACL with ACEs added in canonical
// order. Not SetEntriesInAcl: its GRANT_ACCESS "combines the specified rights with any existing
// allowed or denied rights of the trustee" (ACCESS_MODE), so two allow ACEs of one SID became
// one and an allow took bits out of a deny; each ACE is kept here, as on the fake.
//
//   std::vector<fixer::Ace> mine = win32::ExplicitAcesFor(dacl, sid);
//   auto merged = win32::WithAces(dacl, aces);   // nullopt: every ACE was there already
//   auto rest = win32::WithoutAces(dacl, aces);  // nullopt: none of them was there
#pragma once

#include <windows.h>

#include <memory>
#include <optional>
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
// Every allow or deny ACE of `dacl`, inherited ones too, in DACL order: what AccessCheck walks.
std::vector<fixer::Ace> AllowAndDenyAces(const ACL* dacl);
// Every explicit allow or deny ACE's SID in `dacl`, with its ACE, in DACL order.
std::vector<fixer::Ace> ExplicitAces(const ACL* dacl);
// `dacl` with those of `aces` it does not hold added (an exact duplicate is skipped), each in
// canonical order: new denies after the explicit denies, new allows after the explicit allows,
// before the inherited ACEs; the old ACEs keep their order. nullopt when none is new. Error 50
// for a null `dacl` (no DACL or a NULL DACL: everyone has access; the fake has no such object).
fixer::Result<std::optional<std::vector<BYTE>>> WithAces(const ACL* dacl, std::span<const fixer::Ace> aces);
// `dacl` without its explicit allow and deny ACEs equal to one of `aces` (type, SID, mask and
// flags), every other ACE kept in its order. nullopt when it holds none of them (a null `dacl`
// holds none).
fixer::Result<std::optional<std::vector<BYTE>>> WithoutAces(const ACL* dacl, std::span<const fixer::Ace> aces);

}  // namespace win32
