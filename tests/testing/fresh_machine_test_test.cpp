// FreshMachineTest: a machine per edition, the fault plan given at construction or injected
// later, the ports over the machine, and how gtest prints a machine.
#include "fakes/testing/fresh_machine_test.h"

#include <gmock/gmock.h>

#include "fakes/testing/account_matchers.h"
#include "fakes/testing/service_matchers.h"

namespace {

using fakes_testing::HasAccount;

class EveryEdition : public fakes_testing::FreshMachineTest, public ::testing::WithParamInterface<fixer::OsEdition> {
 protected:
  EveryEdition() : FreshMachineTest({.os = GetParam(), .seed = 3}) {}
};

TEST_P(EveryEdition, IsAFreshInstallOfThatEdition) {
  EXPECT_EQ(machine().state().products.os.edition, GetParam());
  EXPECT_THAT(machine(), HasAccount("Administrator").Enabled());
  EXPECT_THAT(machine(), HasAccount("Guest").Disabled());
  auto os = ports().inventory.Os();
  ASSERT_TRUE(os.ok());
  EXPECT_EQ(os->edition, GetParam());
}

INSTANTIATE_TEST_SUITE_P(Editions, EveryEdition, ::testing::ValuesIn(fakes_testing::AllEditions()),
                         fakes_testing::EditionName);

TEST(EditionName, IsTheEditionWithoutSpaces) {
  EXPECT_EQ(fakes_testing::EditionName({fixer::OsEdition::kWindowsXpProfessional, 0}), "WindowsXPProfessional");
}

class FaultedFromTheStart : public fakes_testing::FreshMachineTest {
 protected:
  static fakes::FaultPlan FirstCreateDenied() {
    fakes::FaultPlan plan;
    plan.Add({.op = "sam.create_user", .nth = 1, .error = fixer::kErrorAccessDenied});
    return plan;
  }
  FaultedFromTheStart() : FreshMachineTest({}, FirstCreateDenied()) {}
};

TEST_F(FaultedFromTheStart, ThePlanFailsTheFirstAccountCreation) {
  auto created = ports().accounts.Create({.name = "Tester"}, fixer::Secret::FromString("1pass@word"));
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.status().code(), fixer::kErrorAccessDenied);
  EXPECT_THAT(machine(), ::testing::Not(HasAccount("Tester")));
  EXPECT_TRUE(ports().accounts.Create({.name = "Tester"}, fixer::Secret::FromString("1pass@word")).ok());
}

class FaultedAfterSetUp : public fakes_testing::FreshMachineTest {};

TEST_F(FaultedAfterSetUp, InjectFaultsCountsFromZero) {
  InstallAspNet("1.0.3705");  // many mutations, none faulted
  fakes::FaultPlan plan;
  plan.Add({.nth = 1, .kind = fakes::FaultKind::kFail, .error = fixer::kErrorAccessDenied});
  InjectFaults(plan);
  EXPECT_EQ(machine().faults().calls(), 0u);
  EXPECT_EQ(ports().services.Stop("W3SVC").code(), fixer::kErrorAccessDenied);
  EXPECT_THAT(machine(), fakes_testing::ServiceIs("W3SVC", fixer::ServiceState::kRunning));
}

TEST(PrintTo, ShowsAMachineByNameEditionAndSeedAndAnEditionByName) {
  fakes::Machine machine(fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7}));
  EXPECT_EQ(::testing::PrintToString(machine), "XPPRO (Windows XP Professional SP1, machine seed 7)");
  EXPECT_EQ(::testing::PrintToString(machine.state()), "XPPRO (Windows XP Professional SP1, machine seed 7)");
  EXPECT_EQ(::testing::PrintToString(fixer::OsEdition::kWindows2000Server), "Windows 2000 Server");
}

}  // namespace
