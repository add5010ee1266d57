#include "fakes/testing/account_matchers.h"

#include "fakes/sam.h"
#include "fakes/testing/principal.h"
#include "fixer/name_case.h"
#include "fixer/win_error.h"

namespace fakes_testing {

AccountMatcher AccountMatcher::WithSid(fixer::Sid sid) const {
  AccountMatcher m = *this;
  m.sid_ = std::move(sid);
  return m;
}

AccountMatcher AccountMatcher::Enabled() const {
  AccountMatcher m = *this;
  m.disabled_ = false;
  return m;
}

AccountMatcher AccountMatcher::Disabled() const {
  AccountMatcher m = *this;
  m.disabled_ = true;
  return m;
}

AccountMatcher AccountMatcher::InGroup(std::string group) const {
  AccountMatcher m = *this;
  m.groups_.push_back(std::move(group));
  return m;
}

AccountMatcher AccountMatcher::PasswordNeverExpires() const {
  AccountMatcher m = *this;
  m.password_never_expires_ = true;
  return m;
}

bool AccountMatcher::Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const {
  const fakes::UserAccount* user = fakes::FindUserIn(machine.state(), name_);
  if (!user) {
    *listener << "there is no account " << name_ << " (" << fixer::Status::Win(fixer::kNerrUserNotFound).ToString()
              << ")";
    return false;
  }
  fakes::Sam sam(ForReading(machine));
  const fixer::Sid sid = sam.SidOf(*user);
  const std::string account = "account " + user->name + " (" + sid.ToString() + ")";
  if (sid_ && sid != *sid_) {
    *listener << account << " has another SID than " << sid_->ToString();
    return false;
  }
  if (disabled_ && user->flags.disabled != *disabled_) {
    *listener << account << (user->flags.disabled ? " is disabled" : " is enabled");
    return false;
  }
  const fixer::Account described = sam.Describe(*user);
  for (const std::string& group : groups_) {
    bool member = false;
    for (const std::string& g : described.groups) member = member || fixer::SameWindowsName(g, group);
    if (!member) {
      *listener << account << " is not a member of " << group;
      return false;
    }
  }
  if (password_never_expires_ && !user->flags.password_never_expires) {
    *listener << account << "'s password expires";
    return false;
  }
  *listener << account << (user->flags.disabled ? " is disabled" : " is enabled");
  return true;
}

void AccountMatcher::DescribeTo(std::ostream* os) const {
  *os << "has an account " << name_;
  if (sid_) *os << " with SID " << sid_->ToString();
  if (disabled_) *os << (*disabled_ ? ", disabled" : ", enabled");
  for (const std::string& group : groups_) *os << ", a member of " << group;
  if (password_never_expires_) *os << ", whose password never expires";
}

void AccountMatcher::DescribeNegationTo(std::ostream* os) const {
  if (!sid_ && !disabled_ && groups_.empty() && !password_never_expires_) {
    *os << "has no account " << name_;
    return;
  }
  *os << "does not have an account " << name_ << " like this: ";
  DescribeTo(os);
}

}  // namespace fakes_testing
