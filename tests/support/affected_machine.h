// The machine state file of an affected machine, for tests that run the tools on a file: Windows
// XP Professional with ASP.NET 1.0, MS03-032 installed and one application, so its site fails.
//
//   std::ofstream(folder / "m.yaml") << test_support::kAffectedMachine;
#pragma once

namespace test_support {

inline constexpr const char* kAffectedMachine =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

}  // namespace test_support
