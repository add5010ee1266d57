// Tests of CreateServiceAccount on fresh fake machines, with the matchers of fixup::fakes_testing,
// and under a fault plan that fails one Windows call.
#include "service_account.h"

#include <gmock/gmock.h>

#include "fakes/testing/matchers.h"

namespace {

using fakes_testing::HasAccount;
using fakes_testing::HasAce;
using fakes_testing::HasRight;
using ::testing::Not;

constexpr const char* kData = R"(C:\Documents and Settings\All Users)";

class ServiceAccountTest : public fakes_testing::FreshMachineTest,
                           public ::testing::WithParamInterface<fixer::OsEdition> {
 protected:
  ServiceAccountTest() : FreshMachineTest({.os = GetParam(), .seed = 11}) {}
  fixer::Secret Password() const { return fixer::Secret::FromString("S3rvice!pw"); }
};

TEST_P(ServiceAccountTest, CreatesTheAccountWithItsRightAndAccess) {
  ASSERT_TRUE(CreateServiceAccount(ports(), "AppSvc", Password(), kData).ok());
  EXPECT_THAT(machine(), HasAccount("AppSvc").Enabled().InGroup("Users").PasswordNeverExpires());
  EXPECT_THAT(machine(), HasRight("AppSvc", "SeServiceLogonRight"));
  EXPECT_THAT(machine(), HasAce(kData, "AppSvc", fixer::kFileModify));
}

TEST_P(ServiceAccountTest, ANameTakenIsError2224AndChangesNothing) {
  EXPECT_EQ(CreateServiceAccount(ports(), "Guest", Password(), kData).code(), fixer::kNerrUserExists);
  EXPECT_THAT(machine(), HasAccount("Guest").Disabled());
}

TEST_P(ServiceAccountTest, AFailedGrantLeavesNoAccountBehind) {
  fakes::FaultPlan plan;
  plan.Add({.op = "acl.add_ace", .nth = 1, .kind = fakes::FaultKind::kFail, .error = fixer::kErrorAccessDenied});
  InjectFaults(plan);
  EXPECT_EQ(CreateServiceAccount(ports(), "AppSvc", Password(), kData).code(), fixer::kErrorAccessDenied);
  EXPECT_THAT(machine(), Not(HasAccount("AppSvc")));
}

INSTANTIATE_TEST_SUITE_P(Editions, ServiceAccountTest, ::testing::ValuesIn(fakes_testing::AllEditions()),
                         fakes_testing::EditionName);

}  // namespace
