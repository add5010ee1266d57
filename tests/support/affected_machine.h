// The machine state file of an affected machine, for tests that run the tools on a file: Windows
// XP Professional with ASP.NET 1.0, MS03-032 installed and one application, so its site fails.
//
//   std::ofstream(folder / "m.yaml") << test_support::kAffectedMachine;
//   std::string text = test_support::ScenarioOnAffectedMachine("an apply", "  - fixer: apply\n");
#pragma once

#include <string>
#include <string_view>

namespace test_support {

inline constexpr const char* kAffectedMachine =
    "os: windows-xp-professional\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n"
    "applications:\n"
    "  - path: /LM/W3SVC/1/ROOT/app\n";

// A scenario on that machine: `summary`, then `steps` (lines under "steps:", each indented by two);
// `more_machine`: lines the machine has besides (indented by two too: "  accounts:\n    ...").
inline std::string ScenarioOnAffectedMachine(std::string_view summary, std::string_view steps,
                                             std::string_view more_machine = "") {
  std::string text = "summary: " + std::string(summary) + "\nmachine:\n";
  for (std::string_view rest = kAffectedMachine; !rest.empty();) {
    const size_t end = rest.find('\n') + 1;
    text += "  " + std::string(rest.substr(0, end));
    rest.remove_prefix(end);
  }
  return text + std::string(more_machine) + "steps:\n" + std::string(steps);
}

}  // namespace test_support
