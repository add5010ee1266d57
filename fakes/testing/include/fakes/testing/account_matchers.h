// HasAccount: a matcher for a local user account of a fake machine, and what it should be like.
//
// Each qualifier adds a condition; the failure names the first one that does not hold, as Windows
// would show it: "there is no account ASPNET (2221: The user name could not be found.)",
// "account ASPNET (S-1-5-21-...-1003) is disabled", "... is not a member of Administrators".
//
//   EXPECT_THAT(machine, fakes_testing::HasAccount("ASPNET").WithSid(sid).Enabled().InGroup("Users"));
//   EXPECT_THAT(machine, ::testing::Not(fakes_testing::HasAccount("AppSvc")));   // none made yet
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fakes/testing/machine_matcher.h"
#include "fixer/sid.h"

namespace fakes_testing {

class AccountMatcher : public MachineMatcher<AccountMatcher> {
 public:
  explicit AccountMatcher(std::string name) : name_(std::move(name)) {}

  AccountMatcher WithSid(fixer::Sid sid) const;
  AccountMatcher Enabled() const;
  AccountMatcher Disabled() const;
  // A direct member of this local group ("Users", "Administrators"), by name.
  AccountMatcher InGroup(std::string group) const;
  AccountMatcher PasswordNeverExpires() const;

  bool Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const;
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  std::string name_;
  std::optional<fixer::Sid> sid_;
  std::optional<bool> disabled_;
  std::vector<std::string> groups_;
  bool password_never_expires_ = false;
};

inline AccountMatcher HasAccount(std::string name) { return AccountMatcher(std::move(name)); }

}  // namespace fakes_testing
