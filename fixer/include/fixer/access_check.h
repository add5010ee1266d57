// AccessCheck's walk of a DACL, for a token given as its SIDs: what the fake's worker meets and
// what the fixer predicts before it changes anything (docs/windows-reference.md#acls).
//
//   fixer::Sid aspnet_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fixer::ObjectSecurity sd = *security.ReadSecurity({fixer::ObjectNamespace::kFile, "C:\\Inetpub\\wwwroot"});
//   std::vector<fixer::Sid> token = {aspnet_sid, fixer::Sid::Everyone(), fixer::Sid::Users()};
//   fixer::AccessVerdict v = fixer::CheckAccess(sd, token, fixer::kFileGenericRead, fixer::ObjectNamespace::kFile);
//   // v.granted; else v.denied_by (the deny ACE met first) or v.missing (the bits no ACE granted)
#pragma once

#include <cstdint>
#include <optional>
#include <span>

#include "fixer/ports/security.h"

namespace fixer {

// GENERIC_READ/WRITE/EXECUTE/ALL bits mapped to the namespace's specific rights (files and
// metabase nodes: FILE_GENERIC_*; registry keys: KEY_READ/KEY_WRITE/KEY_ALL_ACCESS).
uint32_t MapGenericRights(ObjectNamespace ns, uint32_t mask);

struct AccessVerdict {
  bool granted = false;
  std::optional<Ace> denied_by;  // the deny ACE that refused a wanted bit, when one did
  uint32_t missing = 0;          // the wanted bits no allow ACE granted (0 when granted or denied)
};

// Whether a token holding `token` gets every bit of `desired` on an object: deny and allow ACEs in
// DACL order (inherit-only ones skipped), the first deny naming a wanted bit refuses; the owner
// always gets READ_CONTROL and WRITE_DAC (before Vista); a NULL DACL grants everything.
AccessVerdict CheckAccess(const ObjectSecurity& sd, std::span<const Sid> token, uint32_t desired, ObjectNamespace ns);
// The same walk over a DACL held elsewhere (present: not NULL), read in place.
AccessVerdict CheckAccess(const Sid& owner, std::span<const Ace> dacl, std::span<const Sid> token, uint32_t desired,
                          ObjectNamespace ns);

}  // namespace fixer
