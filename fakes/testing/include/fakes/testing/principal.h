// Principal: who a matcher asks about, by name ("ASPNET", "XPPRO\ASPNET", "BUILTIN\Users",
// "NETWORK SERVICE") or by SID, resolved on the machine being matched.
//
// Names resolve as LookupAccountName does on the fake (fakes::Sam::LookupName): local users,
// local groups, then well-known principals, case-insensitive, bare or qualified. A SID is taken
// as given, so an orphaned SID (a deleted account's) can still be asked about.
//
//   fakes_testing::Principal p("ASPNET");
//   std::optional<fixer::Sid> sid = p.Resolve(machine);   // nullopt: 1332, no such name
//   p.Label(machine);          // "XPPRO\ASPNET (S-1-5-21-...-1003)", or "ASPNET" if unresolved
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "fakes/machine.h"
#include "fixer/sid.h"

namespace fakes_testing {

class Principal {
 public:
  Principal(const char* name) : name_(name) {}                        // NOLINT: implicit, as a literal reads
  Principal(std::string name) : name_(std::move(name)) {}             // NOLINT
  Principal(fixer::Sid sid) : sid_(std::move(sid)), by_sid_(true) {}  // NOLINT

  std::optional<fixer::Sid> Resolve(const fakes::Machine& machine) const;
  // How Windows tools show the principal, with its SID: "XPPRO\ASPNET (S-1-5-21-...-1003)";
  // the bare SID string for an orphaned SID; the name as given when it does not resolve.
  std::string Label(const fakes::Machine& machine) const;
  // As the test wrote it: "ASPNET", or the SID string.
  std::string Written() const;

 private:
  // Not a std::variant: GCC 12 at -O1 warns (falsely) that a moved variant<string, Sid> may be
  // used uninitialized, and warnings are errors.
  std::string name_;
  fixer::Sid sid_;
  bool by_sid_ = false;
};

// The fakes' account subsystems take a Machine& because they also change it; their const reads
// change nothing, and a matcher only reads. The one place a matcher drops const.
inline fakes::Machine& ForReading(const fakes::Machine& machine) { return const_cast<fakes::Machine&>(machine); }

}  // namespace fakes_testing
