// FreshMachineTest: a GoogleTest fixture holding a freshly installed fake machine of an edition,
// with the fixer's ports over it and an optional fault plan.
//
// The plan counts every mutating call made after it is installed, the fixture's own set-up
// included: pass it to the constructor to fault the set-up too, or install it with InjectFaults
// once the machine is as the test wants it.
//
//   class AspNetOnXp : public fakes_testing::FreshMachineTest {
//    protected:
//     AspNetOnXp() : FreshMachineTest({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7}) {
//       InstallAspNet("1.0.3705");
//     }
//   };
//   TEST_F(AspNetOnXp, WorkerAccountExists) {
//     EXPECT_THAT(machine(), fakes_testing::HasAccount("ASPNET").Enabled());
//   }
//
//   class EveryEdition : public fakes_testing::FreshMachineTest,
//                        public ::testing::WithParamInterface<fixer::OsEdition> {
//    protected:
//     EveryEdition() : FreshMachineTest({.os = GetParam()}) {}
//   };
//   INSTANTIATE_TEST_SUITE_P(Editions, EveryEdition, ::testing::ValuesIn(fakes_testing::AllEditions()),
//                            fakes_testing::EditionName);
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "fakes/faults.h"
#include "fakes/fresh_install.h"
#include "fakes/machine.h"
#include "fakes/machine_ports.h"
#include "fixer/ports/ports.h"
#include "fixer/secret.h"

namespace fakes_testing {

class FreshMachineTest : public ::testing::Test {
 protected:
  explicit FreshMachineTest(fakes::InstallOptions options = {}, fakes::FaultPlan faults = {});

  fakes::Machine& machine() { return machine_; }
  const fakes::InstallOptions& options() const { return options_; }
  // The fixer's ports over the machine (fakes::MachinePorts; its web probe answers 50).
  fixer::Ports& ports() { return ports_->ports(); }
  // Installs the plan now, its call counters from zero.
  void InjectFaults(fakes::FaultPlan faults);
  // Installs the .NET Framework of that version ("1.0.3705", "1.1.4322") and registers ASP.NET
  // (aspnet_regiis -i): the ASPNET account, its rights and ACLs. Fails the test if it fails.
  void InstallAspNet(const std::string& version);
  // The password FreshInstall gave Administrator on this machine.
  fixer::Secret AdministratorPassword() const;

 private:
  fakes::InstallOptions options_;
  fakes::Machine machine_;
  std::unique_ptr<fakes::MachinePorts> ports_;
};

// Every edition FreshInstall knows, for INSTANTIATE_TEST_SUITE_P.
std::vector<fixer::OsEdition> AllEditions();
// A test-name-safe name of an edition: "WindowsXpProfessional".
std::string EditionName(const ::testing::TestParamInfo<fixer::OsEdition>& info);

}  // namespace fakes_testing
