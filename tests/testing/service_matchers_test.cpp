// ServiceIs: key and display names, every state a stop leaves, and 1060 for a missing service.
#include "fakes/testing/service_matchers.h"

#include <gmock/gmock.h>

#include "explain.h"
#include "fakes/scm.h"
#include "fakes/testing/fresh_machine_test.h"

namespace {

using fakes_testing::ServiceIs;
using fixer::ServiceState;
using ::testing::Not;
using testing_test::Describe;
using testing_test::DescribeNegation;
using testing_test::Explain;

class ServiceIsTest : public fakes_testing::FreshMachineTest {
 protected:
  ServiceIsTest() : FreshMachineTest({.os = fixer::OsEdition::kWindowsXpProfessional}) {}
};

TEST_F(ServiceIsTest, AFreshXpProfessionalRunsIis) {
  EXPECT_THAT(machine(), ServiceIs("W3SVC", ServiceState::kRunning));
  EXPECT_THAT(machine(), ServiceIs("w3svc", ServiceState::kRunning));
  EXPECT_THAT(machine(), ServiceIs("World Wide Web Publishing", ServiceState::kRunning));
  EXPECT_EQ(Explain(ServiceIs("W3SVC", ServiceState::kRunning), machine()),
            "service W3SVC (World Wide Web Publishing) is running");
}

TEST_F(ServiceIsTest, AStoppedServiceFailsRunning) {
  ASSERT_TRUE(fakes::Scm(machine()).StopWithDependents("IISADMIN").ok());
  EXPECT_THAT(machine(), ServiceIs("W3SVC", ServiceState::kStopped));
  EXPECT_THAT(machine(), Not(ServiceIs("W3SVC", ServiceState::kRunning)));
  EXPECT_EQ(Explain(ServiceIs("W3SVC", ServiceState::kRunning), machine()),
            "service W3SVC (World Wide Web Publishing) is stopped");
}

TEST_F(ServiceIsTest, AMissingServiceIsError1060) {
  EXPECT_EQ(Explain(ServiceIs("aspnet_state", ServiceState::kStopped), machine()),
            "there is no service aspnet_state (1060: The specified service does not exist as an installed service.)");
}

TEST(ServiceIsOnXpHome, ThereIsNoWebServer) {
  fakes::Machine home(fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpHome}));
  EXPECT_THAT(home, Not(ServiceIs("W3SVC", ServiceState::kRunning)));
  EXPECT_THAT(Explain(ServiceIs("W3SVC", ServiceState::kRunning), home), ::testing::HasSubstr("1060"));
}

TEST(ServiceIsDescription, NamesServiceAndState) {
  EXPECT_EQ(Describe(ServiceIs("W3SVC", ServiceState::kRunning)), "has service W3SVC running");
  EXPECT_EQ(DescribeNegation(ServiceIs("W3SVC", ServiceState::kRunning)), "does not have service W3SVC running");
}

}  // namespace
