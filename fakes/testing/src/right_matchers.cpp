#include "fakes/testing/right_matchers.h"

#include <algorithm>

#include "fakes/lsa.h"
#include "fixer/win_error.h"

namespace fakes_testing {

bool RightMatcher::Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const {
  const std::optional<fixer::Sid> sid = principal_.Resolve(machine);
  if (!sid) {
    *listener << "no account, group or well-known principal is named " << principal_.Written() << " ("
              << fixer::Status::Win(fixer::kErrorNoneMapped).ToString() << ")";
    return false;
  }
  // Right names in any case, as the LSA looks them up; one this edition lacks is 1313.
  const std::string* right = fakes::CanonicalRightOn(machine.state().products.os, right_);
  if (right == nullptr) {
    return NamesNothing(listener, "there is no right " + right_ + " on this machine (" +
                                      fixer::Status::Win(fixer::kErrorNoSuchPrivilege).ToString() + ")");
  }
  const std::vector<std::string> held = fakes::Lsa(ForReading(machine)).RightsOf(*sid);
  const bool holds = std::find(held.begin(), held.end(), *right) != held.end();
  *listener << principal_.Label(machine) << (holds ? " holds " : " does not hold ") << *right;
  if (!holds) {
    *listener << "; it holds " << (held.empty() ? "no rights" : "");
    for (size_t i = 0; i < held.size(); ++i) *listener << (i ? ", " : "") << held[i];
  }
  return holds;
}

void RightMatcher::DescribeTo(std::ostream* os) const { *os << "grants " << right_ << " to " << principal_.Written(); }

void RightMatcher::DescribeNegationTo(std::ostream* os) const {
  *os << "does not grant " << right_ << " to " << principal_.Written();
}

}  // namespace fakes_testing
