// HasRight: rights held directly by users, groups and well-known principals, and the rights a
// principal does hold when the asked one is missing.
#include "fakes/testing/right_matchers.h"

#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>

#include "explain.h"
#include "fakes/lsa.h"
#include "fakes/sam.h"
#include "fakes/testing/fresh_machine_test.h"

namespace {

using fakes_testing::HasRight;
using ::testing::Not;
using testing_test::Describe;
using testing_test::DescribeNegation;
using testing_test::Explain;

class HasRightTest : public fakes_testing::FreshMachineTest {
 protected:
  HasRightTest() : FreshMachineTest({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7}) {
    InstallAspNet("1.0.3705");
    sid_ = *fakes::UserSidIn(machine().state(), "ASPNET");
  }
  fixer::Sid sid_;
};

TEST_F(HasRightTest, TheWorkerAccountGetsBatchAndServiceLogon) {
  EXPECT_THAT(machine(), HasRight("ASPNET", "SeBatchLogonRight"));
  EXPECT_THAT(machine(), HasRight(sid_, "SeServiceLogonRight"));
  EXPECT_THAT(machine(), HasRight("Users", "SeNetworkLogonRight"));
  EXPECT_EQ(Explain(HasRight("ASPNET", "SeBatchLogonRight"), machine()),
            R"(XPPRO\ASPNET ()" + sid_.ToString() + ") holds SeBatchLogonRight");
}

TEST_F(HasRightTest, AMissingRightListsTheRightsHeld) {
  EXPECT_THAT(machine(), Not(HasRight("ASPNET", "SeInteractiveLogonRight")));
  EXPECT_EQ(Explain(HasRight("ASPNET", "SeInteractiveLogonRight"), machine()),
            R"(XPPRO\ASPNET ()" + sid_.ToString() +
                ") does not hold SeInteractiveLogonRight; it holds SeBatchLogonRight, SeDenyInteractiveLogonRight, "
                "SeDenyRemoteInteractiveLogonRight, SeServiceLogonRight");
}

TEST_F(HasRightTest, RightsHeldThroughAGroupDoNotCount) {
  // Administrator logs on interactively through Administrators, holding nothing itself.
  const fixer::Sid admin = machine().state().sam.domain.WithRid(500);
  EXPECT_THAT(machine(), Not(HasRight("Administrator", "SeInteractiveLogonRight")));
  EXPECT_EQ(
      Explain(HasRight("Administrator", "SeInteractiveLogonRight"), machine()),
      R"(XPPRO\Administrator ()" + admin.ToString() + ") does not hold SeInteractiveLogonRight; it holds no rights");
}

TEST_F(HasRightTest, ARevokedRightIsGone) {
  ASSERT_TRUE(fakes::Lsa(machine()).Revoke(sid_, "SeBatchLogonRight").ok());
  EXPECT_THAT(machine(), Not(HasRight("ASPNET", "SeBatchLogonRight")));
}

TEST_F(HasRightTest, AnUnknownNameIs1332) {
  EXPECT_EQ(Explain(HasRight("NOBODY", "SeBatchLogonRight"), machine()),
            "no account, group or well-known principal is named NOBODY (1332: No mapping between account names and "
            "security IDs was done.)");
}

// Right names in any case, as the LSA looks them up; a held right's negation then fails
// (audit 11 item 7: Not(HasRight("ASPNET", "sebatchlogonright")) passed while ASPNET held it).
TEST_F(HasRightTest, ARightIsNamedInAnyCase) {
  EXPECT_THAT(machine(), HasRight("ASPNET", "sebatchlogonright"));
  EXPECT_THAT(machine(), HasRight("aspnet", "SEBATCHLOGONRIGHT"));
  EXPECT_FALSE(::testing::Value(machine(), Not(HasRight("ASPNET", "sebatchlogonright"))));
}

// A misspelt right fails the test under Not() too: 1313, never a vacuous pass.
TEST_F(HasRightTest, AnUnknownRightFailsEvenNegated) {
  EXPECT_NONFATAL_FAILURE((void)::testing::Value(machine(), Not(HasRight("ASPNET", "SeNoSuchRight"))),
                          "there is no right SeNoSuchRight on this machine (1313");
  EXPECT_NONFATAL_FAILURE((void)::testing::Value(machine(), HasRight("ASPNET", "SeNoSuchRight")), "(1313");
}

TEST(HasRightDescription, NamesRightAndPrincipal) {
  EXPECT_EQ(Describe(HasRight("ASPNET", "SeBatchLogonRight")), "grants SeBatchLogonRight to ASPNET");
  EXPECT_EQ(DescribeNegation(HasRight("ASPNET", "SeBatchLogonRight")), "does not grant SeBatchLogonRight to ASPNET");
}

}  // namespace
