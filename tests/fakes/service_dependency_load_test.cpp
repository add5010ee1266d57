// The service control manager starts a service's dependencies before it and stops its dependents
// before it (StartService: 1068 ERROR_SERVICE_DEPENDENCY_FAIL; `net stop iisadmin` stops W3SVC
// first), so no machine has a started service whose dependency is stopped or missing. A machine
// file that says so is a load error at the service's state (audit 7: W3SVC running with IISADMIN
// stopped loaded).
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"

namespace {

using ::testing::HasSubstr;

fakes::Loaded<fakes::MachineState> LoadServices(const std::string& services) {
  return fakes::LoadMachineText("os: windows-xp-professional\nservices: " + services + "\n", "m.yaml");
}

TEST(ServiceDependencyLoad, ARunningServiceWithItsDependencyStoppedIsAnErrorAtItsState) {
  const auto both = LoadServices("{W3SVC: {state: running}, IISADMIN: {state: stopped}}");
  ASSERT_FALSE(both.ok());
  EXPECT_EQ(both.error->line, 2);
  EXPECT_EQ(both.error->column, 27);  // W3SVC's `running`
  EXPECT_THAT(both.error->message, HasSubstr("'W3SVC' is running but depends on 'IISADMIN', which is stopped"));
  // W3SVC left as installed (running): the error is where the file stops IISADMIN.
  const auto one = LoadServices("{IISADMIN: {state: stopped}}");
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.error->column, 30);
  EXPECT_THAT(one.error->message, HasSubstr("which is stopped"));
  // Paused is started too.
  EXPECT_FALSE(LoadServices("{W3SVC: {state: paused}, IISADMIN: {state: stopped}}").ok());
  // Removed altogether.
  const auto gone = LoadServices("{IISADMIN: {absent: true}}");
  ASSERT_FALSE(gone.ok());
  EXPECT_THAT(gone.error->message, HasSubstr("which is not installed"));
}

TEST(ServiceDependencyLoad, StoppedDependentsAndStartedDependenciesLoad) {
  EXPECT_TRUE(LoadServices("{W3SVC: {state: stopped}, SMTPSVC: {state: stopped}, IISADMIN: {state: stopped}}").ok());
  EXPECT_TRUE(LoadServices("{W3SVC: {state: stopped}}").ok());
  EXPECT_TRUE(LoadServices("{IISADMIN: {state: paused}}").ok());  // a paused dependency is started
  EXPECT_TRUE(LoadServices("{W3SVC: {state: running}, IISADMIN: {state: running}}").ok());
}

}  // namespace
