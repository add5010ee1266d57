// WellKnownSids: the fixed SIDs every Windows machine knows, with their names and domains.
//
// LookupAccountSid answers these without a SAM account behind them: "Everyone" (no domain),
// "NT AUTHORITY\SYSTEM", "BUILTIN\Users" and so on. Sam uses this table for lookups and for
// how a SID is displayed; LogonService uses it for the SIDs it puts in a token.
//
//   const fakes::WellKnownSid* w = fakes::FindWellKnownSid(fixer::Sid::NetworkService());
//   std::string_view name = w->name;            // "NETWORK SERVICE"
//   std::string qualified = w->QualifiedName(); // "NT AUTHORITY\\NETWORK SERVICE"
//   fixer::Sid system = fakes::FindWellKnownName("nt authority\\system")->sid;  // S-1-5-18
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "fixer/sid.h"

namespace fakes {

struct WellKnownSid {
  fixer::Sid sid;
  std::string_view name;    // "SYSTEM", "Users", "Everyone"
  std::string_view domain;  // "NT AUTHORITY", "BUILTIN", or "" (Everyone, CREATOR OWNER)
  // "DOMAIN\name", or the bare name when the domain is empty.
  std::string QualifiedName() const;
};

// The whole table, in a fixed order.
std::span<const WellKnownSid> WellKnownSids();
// nullptr when `sid` is not a well-known SID.
const WellKnownSid* FindWellKnownSid(const fixer::Sid& sid);
// By name, case-insensitive, bare ("SYSTEM") or qualified ("NT AUTHORITY\SYSTEM"); nullptr
// when none matches.
const WellKnownSid* FindWellKnownName(std::string_view name);

}  // namespace fakes
