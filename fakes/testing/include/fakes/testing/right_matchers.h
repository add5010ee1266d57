// HasRight: a matcher for a user right or privilege held directly by a principal (the LSA's
// user rights assignment, as secpol.msc lists it), not through a group.
//
// Failures read "XPPRO\ASPNET (S-1-5-21-...-1003) does not hold SeBatchLogonRight; it holds
// SeDenyInteractiveLogonRight, SeServiceLogonRight" (or "it holds no rights").
//
// Right names are compared without case, as the LSA looks them up ("sebatchlogonright" is
// SeBatchLogonRight); a name that is no right on the machine's edition fails the test even
// under Not() (1313, NamesNothing).
//
//   EXPECT_THAT(machine, fakes_testing::HasRight("ASPNET", "SeBatchLogonRight"));
//   // XP denies the network logon to the Guest account, not to the Guests group
//   // (docs/windows-reference.md#fresh-install, "Deny access to this computer from the network").
//   EXPECT_THAT(machine, fakes_testing::HasRight("Guest", "SeDenyNetworkLogonRight"));
//   EXPECT_THAT(machine, ::testing::Not(fakes_testing::HasRight("Guests", "SeDenyNetworkLogonRight")));
#pragma once

#include <string>

#include "fakes/testing/machine_matcher.h"
#include "fakes/testing/principal.h"

namespace fakes_testing {

class RightMatcher : public MachineMatcher<RightMatcher> {
 public:
  RightMatcher(Principal principal, std::string right) : principal_(std::move(principal)), right_(std::move(right)) {}

  bool Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const;
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  Principal principal_;
  std::string right_;
};

inline RightMatcher HasRight(Principal principal, std::string right) {
  return RightMatcher(std::move(principal), std::move(right));
}

}  // namespace fakes_testing
