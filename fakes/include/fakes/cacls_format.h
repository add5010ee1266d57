// How command-line tools of XP show accounts and ACEs: the cacls format of a DACL line.
//
// One line per ACE: "<account>:<flags><access>".
//   account  "XPPRO\ASPNET" (local account: computer name), "BUILTIN\Users",
//            "NT AUTHORITY\SYSTEM", "Everyone", or the bare SID string
//            "S-1-5-21-...-1004" when the SID resolves to no account (deleted).
//   flags    "(OI)" object inherit, "(CI)" container inherit, "(IO)" inherit only, as cacls;
//            then "(I)" for an inherited ACE (cacls prints nothing there; we borrow icacls'
//            marker so an inherited ACE can be told from an explicit one); then "(DENY)" for
//            an access-denied ACE.
//   access   "F" full control, "C" change (modify), "R" read, "W" write, or
//            "(special access:0x001201BF)" for any other mask (cacls lists the rights on
//            further lines; we keep one line per ACE and give the mask in hex instead).
//
//   fixer::Sid aspnet_sid = *fakes::Sam(machine).LookupName("ASPNET");   // the machine's ASPNET
//   std::string line = fakes::FormatCaclsAce(machine, fixer::ObjectNamespace::kFile,
//                                            {fixer::AceType::kAllow, aspnet_sid, fixer::kFileAllAccess,
//                                             fixer::kObjectInheritAce | fixer::kContainerInheritAce});
//   // "XPPRO\ASPNET:(OI)(CI)F"; a SID no account holds (one deleted) is shown bare:
//   // "S-1-5-21-1-2-3-1004:(OI)(CI)F"
#pragma once

#include <cstdint>
#include <string>

#include "fakes/machine.h"
#include "fixer/ports/security.h"

namespace fakes {

// "XPPRO\ASPNET", "BUILTIN\Administrators", "NT AUTHORITY\SYSTEM", "Everyone", or the bare
// SID string when the SID maps to nothing.
std::string AccountLabel(Machine& machine, const fixer::Sid& sid);

std::string FormatCaclsAce(Machine& machine, fixer::ObjectNamespace ns, const fixer::Ace& ace);

}  // namespace fakes
