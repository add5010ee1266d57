#include "fakes/cacls_format.h"

#include <fmt/format.h>

#include "fakes/sam.h"
#include "fixer/access_check.h"

namespace fakes {
namespace {

constexpr uint32_t kCaclsRead = 0x1200A9;  // what cacls grants for "R"

std::string AccessLetters(fixer::ObjectNamespace ns, uint32_t raw_mask) {
  const uint32_t mask = fixer::MapGenericRights(ns, raw_mask);
  if (ns == fixer::ObjectNamespace::kRegistry) {
    if ((mask & fixer::kKeyAllAccess) == fixer::kKeyAllAccess) return "F";
    if (mask == fixer::kKeyRead) return "R";
  } else {
    if ((mask & fixer::kFileAllAccess) == fixer::kFileAllAccess) return "F";
    if (mask == fixer::kFileModify) return "C";
    if (mask == fixer::kFileGenericRead || mask == kCaclsRead) return "R";
    if (mask == fixer::kFileGenericWrite) return "W";
  }
  return fmt::format("(special access:0x{:08X})", mask);
}

}  // namespace

std::string AccountLabel(Machine& machine, const fixer::Sid& sid) {
  // Sam qualifies names as LookupAccountSid's domain does and falls back to the bare SID.
  return Sam(machine).DisplayName(sid);
}

std::string FormatCaclsAce(Machine& machine, fixer::ObjectNamespace ns, const fixer::Ace& ace) {
  std::string line = AccountLabel(machine, ace.sid) + ":";
  if (ace.flags & fixer::kObjectInheritAce) line += "(OI)";
  if (ace.flags & fixer::kContainerInheritAce) line += "(CI)";
  if (ace.flags & fixer::kInheritOnlyAce) line += "(IO)";
  if (ace.flags & fixer::kInheritedAce) line += "(I)";
  if (ace.type == fixer::AceType::kDeny) line += "(DENY)";
  return line + AccessLetters(ns, ace.mask);
}

}  // namespace fakes
