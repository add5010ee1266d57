#include "fakes/testing/fresh_machine_test.h"

#include <cctype>

#include "fakes/aspnet_setup.h"

namespace fakes_testing {

FreshMachineTest::FreshMachineTest(fakes::InstallOptions options, fakes::FaultPlan faults)
    : options_(std::move(options)),
      machine_(fakes::FreshInstall(options_)),
      ports_(std::make_unique<fakes::MachinePorts>(machine_)) {
  machine_.set_faults(std::move(faults));
}

void FreshMachineTest::InjectFaults(fakes::FaultPlan faults) { machine_.set_faults(std::move(faults)); }

void FreshMachineTest::InstallAspNet(const std::string& version) {
  const fixer::Status installed = fakes::AspNetSetup(machine_).InstallFramework(version);
  ASSERT_TRUE(installed.ok()) << "installing the .NET Framework " << version << ": " << installed.ToString();
}

fixer::Secret FreshMachineTest::AdministratorPassword() const {
  return fakes::FreshAdministratorPassword(options_.seed);
}

std::vector<fixer::OsEdition> AllEditions() {
  using fixer::OsEdition;
  return {OsEdition::kWindows2000Professional, OsEdition::kWindows2000Server, OsEdition::kWindowsXpHome,
          OsEdition::kWindowsXpProfessional,   OsEdition::kWindowsServer2003, OsEdition::kWindowsXpProfessionalX64};
}

std::string EditionName(const ::testing::TestParamInfo<fixer::OsEdition>& info) {
  std::string name;
  for (char c : fixer::ToString(info.param)) {
    if (std::isalnum(static_cast<unsigned char>(c))) name += c;
  }
  return name;
}

}  // namespace fakes_testing
