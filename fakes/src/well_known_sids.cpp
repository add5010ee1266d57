#include "fakes/well_known_sids.h"

#include <vector>

#include "fakes/state.h"
#include "fixer/name_case.h"

namespace fakes {
namespace {

// Names as XP's LookupAccountSid returns them [M; SIDs from MS-DTYP 2.4.2.4, docs/windows-reference.md#sids].
const std::vector<WellKnownSid>& Table() {
  static const std::vector<WellKnownSid> table = {
      {fixer::Sid::Everyone(), "Everyone", ""},
      {fixer::Sid::CreatorOwner(), "CREATOR OWNER", ""},
      {fixer::Sid::Network(), "NETWORK", "NT AUTHORITY"},
      {fixer::Sid::Batch(), "BATCH", "NT AUTHORITY"},
      {fixer::Sid::Interactive(), "INTERACTIVE", "NT AUTHORITY"},
      {fixer::Sid::Service(), "SERVICE", "NT AUTHORITY"},
      {fixer::Sid::AuthenticatedUsers(), "Authenticated Users", "NT AUTHORITY"},
      {fixer::Sid::LocalSystem(), "SYSTEM", "NT AUTHORITY"},
      {fixer::Sid::LocalService(), "LOCAL SERVICE", "NT AUTHORITY"},
      {fixer::Sid::NetworkService(), "NETWORK SERVICE", "NT AUTHORITY"},
      {fixer::Sid::Administrators(), "Administrators", "BUILTIN"},
      {fixer::Sid::Users(), "Users", "BUILTIN"},
      {fixer::Sid::Guests(), "Guests", "BUILTIN"},
      {fixer::Sid::PowerUsers(), "Power Users", "BUILTIN"},
  };
  return table;
}

}  // namespace

std::string WellKnownSid::QualifiedName() const {
  if (domain.empty()) return std::string(name);
  return std::string(domain) + "\\" + std::string(name);
}

std::span<const WellKnownSid> WellKnownSids() { return Table(); }

const WellKnownSid* FindWellKnownSid(const fixer::Sid& sid) {
  for (const WellKnownSid& w : Table()) {
    if (w.sid == sid) return &w;
  }
  return nullptr;
}

const WellKnownSid* FindWellKnownName(std::string_view name) {
  for (const WellKnownSid& w : Table()) {
    if (fixer::SameWindowsName(name, w.name) || fixer::SameWindowsName(name, w.QualifiedName())) return &w;
  }
  return nullptr;
}

}  // namespace fakes
