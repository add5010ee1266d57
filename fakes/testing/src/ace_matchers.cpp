#include "fakes/testing/ace_matchers.h"

#include <fmt/format.h>

#include "fakes/cacls_format.h"
#include "fakes/objects.h"
#include "fixer/access_check.h"
#include "fixer/win_error.h"

namespace fakes_testing {
namespace {

std::string_view TypeWord(fixer::AceType type) { return type == fixer::AceType::kAllow ? "allow" : "deny"; }

std::string Mask(uint32_t mask) { return fmt::format("0x{:X}", mask); }

}  // namespace

AceMatcher AceMatcher::Deny() const {
  AceMatcher m = *this;
  m.type_ = fixer::AceType::kDeny;
  return m;
}

bool AceMatcher::Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const {
  fakes::Machine& reading = ForReading(machine);
  const fakes::SecurableObject* object = fakes::ObjectStore(reading).Find(object_);
  if (!object) {
    // As GetNamedSecurityInfo answers: 3 for a metabase path, 2 for a file or key.
    const uint32_t code =
        object_.ns == fixer::ObjectNamespace::kMetabase ? fixer::kErrorPathNotFound : fixer::kErrorFileNotFound;
    *listener << object_.path << " does not exist (" << fixer::Status::Win(code).ToString() << ")";
    return false;
  }
  const std::optional<fixer::Sid> sid = principal_.Resolve(machine);
  if (!sid) {
    *listener << "no account, group or well-known principal is named " << principal_.Written() << " ("
              << fixer::Status::Win(fixer::kErrorNoneMapped).ToString() << ")";
    return false;
  }
  for (const fixer::Ace& ace : object->dacl) {
    if (ace.type == type_ && ace.sid == *sid && (fixer::MapGenericRights(object_.ns, ace.mask) & mask_) == mask_) {
      *listener << object_.path << " has " << fakes::FormatCaclsAce(reading, object_.ns, ace);
      return true;
    }
  }
  *listener << object_.path << " has no " << TypeWord(type_) << " ACE for " << principal_.Label(machine) << " granting "
            << Mask(mask_) << "; its DACL: ";
  if (object->dacl.empty()) *listener << "(empty)";
  for (size_t i = 0; i < object->dacl.size(); ++i) {
    *listener << (i ? ", " : "") << fakes::FormatCaclsAce(reading, object_.ns, object->dacl[i]);
  }
  return false;
}

void AceMatcher::DescribeTo(std::ostream* os) const {
  *os << "has an " << TypeWord(type_) << " ACE on " << fixer::ToString(object_.ns) << " " << object_.path << " for "
      << principal_.Written() << " covering " << Mask(mask_);
}

void AceMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "has no " << TypeWord(type_) << " ACE on " << fixer::ToString(object_.ns) << " " << object_.path << " for "
      << principal_.Written() << " covering " << Mask(mask_);
}

}  // namespace fakes_testing
