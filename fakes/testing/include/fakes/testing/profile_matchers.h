// HasProfile: a matcher for the user profile of an account: a ProfileList entry for its SID,
// optionally at a given folder, optionally with that folder present.
//
// The account is a Principal (name or SID), so the profile a deleted account left behind can be
// asked about by its old SID. Failures: "XPPRO\ASPNET (S-1-5-21-...-1003) has no profile (no
// ProfileList entry for its SID)", "... has its profile at C:\Documents and Settings\ASPNET.XPPRO".
//
//   EXPECT_THAT(machine, fakes_testing::HasProfile("ASPNET").At(R"(C:\Documents and Settings\ASPNET)"));
//   EXPECT_THAT(machine, fakes_testing::HasProfile(old_sid).WithFolder());
#pragma once

#include <optional>
#include <string>

#include "fakes/testing/machine_matcher.h"
#include "fakes/testing/principal.h"

namespace fakes_testing {

class ProfileMatcher : public MachineMatcher<ProfileMatcher> {
 public:
  explicit ProfileMatcher(Principal account) : account_(std::move(account)) {}

  // ProfileImagePath, compared case-insensitively.
  ProfileMatcher At(std::string path) const;
  // The profile folder exists on the machine's disk.
  ProfileMatcher WithFolder() const;

  bool Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const;
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  Principal account_;
  std::optional<std::string> path_;
  bool with_folder_ = false;
};

inline ProfileMatcher HasProfile(Principal account) { return ProfileMatcher(std::move(account)); }

}  // namespace fakes_testing
