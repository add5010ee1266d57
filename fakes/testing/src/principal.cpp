#include "fakes/testing/principal.h"

#include "fakes/sam.h"

namespace fakes_testing {

std::optional<fixer::Sid> Principal::Resolve(const fakes::Machine& machine) const {
  if (by_sid_) return sid_;
  auto found = fakes::Sam(ForReading(machine)).LookupName(name_);
  if (!found.ok()) return std::nullopt;
  return *found;
}

std::string Principal::Label(const fakes::Machine& machine) const {
  const std::optional<fixer::Sid> sid = Resolve(machine);
  if (!sid) return Written();
  const std::string shown = fakes::Sam(ForReading(machine)).DisplayName(*sid);
  // An orphan shows as its bare SID already; anyone else gets the SID after the name.
  return shown == sid->ToString() ? shown : shown + " (" + sid->ToString() + ")";
}

std::string Principal::Written() const { return by_sid_ ? sid_.ToString() : name_; }

}  // namespace fakes_testing
