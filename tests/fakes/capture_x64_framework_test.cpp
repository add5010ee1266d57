// A capture of an XP x64 machine holding an ASP.NET 1.0 folder (audit 24 item 2): aspnet-fixer.exe
// reads it as an installed 1.0 (Wine's winxp64 prefix, where scripts/test-windows.sh runs it), so
// the capture loads with it and its reproduction holds it; a machine file that is no capture
// still fails 1.0's setup on that edition (choice-x64-framework-error).
#include <string>

#include <gtest/gtest.h>

#include "app/capture.h"
#include "capture_helpers.h"
#include "fakes/machine_backend.h"
#include "fakes/machine_yaml.h"

namespace capture_x64_framework {

constexpr const char* kMachine = R"(os: windows-xp-professional-x64
frameworks:
  - version: 1.0.3705
    tools_present: true
    process_model: {userName: machine, password: AutoGenerate}
)";

constexpr const char* kCaptured = "capture:\n  tool: aspnet-fixer.exe 0.1.0\n";

TEST(CaptureX64Framework, ACapturedFrameworkLoadsOnTheEditionItsSetupRefuses) {
  const auto loaded = fakes::LoadMachineText(std::string(kMachine) + kCaptured, "f1.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  fakes::Machine machine(*loaded.value);
  fakes::MachineBackend backend(machine);
  const auto frameworks = backend.ports().aspnet.Frameworks();
  ASSERT_TRUE(frameworks.ok()) << frameworks.status().ToString();
  ASSERT_EQ(frameworks->size(), 1u);
  EXPECT_EQ((*frameworks)[0].version, "1.0.3705");
  // Captured again, the reproduction gives the framework back.
  const app::Capture c = capture_helpers::CaptureOf(machine);
  EXPECT_EQ(c.document["os"], "windows-xp-professional-x64");
  EXPECT_EQ(c.document["frameworks"][0]["version"], "1.0.3705") << app::CaptureText(c);
  const auto again = fakes::LoadMachineText(app::CaptureText(c), "again.json");
  EXPECT_TRUE(again.ok()) << again.error->ToString();
}

TEST(CaptureX64Framework, AMachineFileThatIsNoCaptureStillFailsTheSetup) {
  const auto loaded = fakes::LoadMachineText(kMachine, "m.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.error->ToString().find("1603: Fatal error during installation."), std::string::npos)
      << loaded.error->ToString();
}

}  // namespace capture_x64_framework
