// HasAccount: each qualifier, names compared as Windows does, and the Windows-style failure text.
#include "fakes/testing/account_matchers.h"

#include <gmock/gmock.h>

#include "explain.h"
#include "fakes/sam.h"
#include "fakes/testing/fresh_machine_test.h"

namespace {

using fakes_testing::HasAccount;
using ::testing::Not;
using testing_test::Describe;
using testing_test::DescribeNegation;
using testing_test::Explain;

class HasAccountTest : public fakes_testing::FreshMachineTest {
 protected:
  HasAccountTest() : FreshMachineTest({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7}) {
    InstallAspNet("1.0.3705");
    sid_ = *fakes::UserSidIn(machine().state(), "ASPNET");
  }
  fixer::Sid sid_;
};

TEST_F(HasAccountTest, MatchesTheWorkerAccountWithItsSidEnabled) {
  EXPECT_THAT(machine(), HasAccount("ASPNET").WithSid(sid_).Enabled());
  EXPECT_THAT(machine(), HasAccount("aspnet").InGroup("users").PasswordNeverExpires());
  EXPECT_EQ(Explain(HasAccount("ASPNET"), machine()), "account ASPNET (" + sid_.ToString() + ") is enabled");
}

TEST_F(HasAccountTest, MatchesAMachineStateToo) {
  const fakes::MachineState& state = machine().state();
  EXPECT_THAT(state, HasAccount("ASPNET").WithSid(sid_));
  EXPECT_THAT(state, Not(HasAccount("NOBODY")));
}

TEST_F(HasAccountTest, AMissingAccountIsNamedWithError2221) {
  EXPECT_THAT(machine(), Not(HasAccount("NOBODY")));
  EXPECT_EQ(Explain(HasAccount("NOBODY"), machine()),
            "there is no account NOBODY (2221: The user name could not be found.)");
}

TEST_F(HasAccountTest, ADisabledAccountFailsEnabled) {
  // XP's HelpAssistant is created disabled.
  const fixer::Sid help = machine().state().sam.domain.WithRid(1000);
  EXPECT_THAT(machine(), HasAccount("HelpAssistant").Disabled());
  EXPECT_THAT(machine(), Not(HasAccount("HelpAssistant").Enabled()));
  EXPECT_EQ(Explain(HasAccount("HelpAssistant").Enabled(), machine()),
            "account HelpAssistant (" + help.ToString() + ") is disabled");

  ASSERT_TRUE(fakes::Sam(machine()).SetFlags("ASPNET", {.disabled = true}).ok());
  EXPECT_EQ(Explain(HasAccount("ASPNET").WithSid(sid_).Enabled(), machine()),
            "account ASPNET (" + sid_.ToString() + ") is disabled");
}

TEST_F(HasAccountTest, ARecreatedAccountHasAnotherSid) {
  fakes::Sam sam(machine());
  ASSERT_TRUE(sam.DeleteUser("ASPNET").ok());
  ASSERT_TRUE(sam.CreateUser({.name = "ASPNET"}, fixer::Secret::FromString("1pass@word")).ok());
  const fixer::Sid recreated = *fakes::UserSidIn(machine().state(), "ASPNET");
  EXPECT_THAT(machine(), Not(HasAccount("ASPNET").WithSid(sid_)));
  EXPECT_EQ(Explain(HasAccount("ASPNET").WithSid(sid_), machine()),
            "account ASPNET (" + recreated.ToString() + ") has another SID than " + sid_.ToString());
}

TEST_F(HasAccountTest, GroupMembershipIsDirect) {
  EXPECT_THAT(machine(), Not(HasAccount("ASPNET").InGroup("Administrators")));
  EXPECT_EQ(Explain(HasAccount("ASPNET").InGroup("Administrators"), machine()),
            "account ASPNET (" + sid_.ToString() + ") is not a member of Administrators");
}

TEST_F(HasAccountTest, APasswordThatExpiresFailsPasswordNeverExpires) {
  EXPECT_EQ(Explain(HasAccount("Administrator").PasswordNeverExpires(), machine()),
            "account Administrator (" + machine().state().sam.domain.WithRid(500).ToString() + ")'s password expires");
}

TEST(HasAccountDescription, ListsEveryQualifier) {
  const auto sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
  EXPECT_EQ(Describe(HasAccount("ASPNET")), "has an account ASPNET");
  EXPECT_EQ(Describe(HasAccount("ASPNET").WithSid(sid).Enabled().InGroup("Users").PasswordNeverExpires()),
            "has an account ASPNET with SID S-1-5-21-1-2-3-1004, enabled, a member of Users, whose password "
            "never expires");
  EXPECT_EQ(DescribeNegation(HasAccount("ASPNET")), "has no account ASPNET");
  EXPECT_EQ(DescribeNegation(HasAccount("ASPNET").Disabled()),
            "does not have an account ASPNET like this: has an account ASPNET, disabled");
}

}  // namespace
