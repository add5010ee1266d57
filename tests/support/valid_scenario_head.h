// The head of a valid scenario, for tests that write the steps after it and count lines: the
// machine has ASP.NET 1.0 (so ASPNET exists) and one application; line 7 is the first step.
//
//   auto loaded = sim::LoadScenarioText(test_support::kValidScenarioHead + "  - run_fixer: {}\n", "s.yaml");
#pragma once

#include <string>

namespace test_support {

inline const std::string kValidScenarioHead =
    "summary: s\n"                         // 1
    "machine:\n"                           // 2
    "  frameworks: [1.0]\n"                // 3
    "  applications:\n"                    // 4
    "    - path: /LM/W3SVC/1/ROOT/shop\n"  // 5
    "steps:\n";                            // 6

}  // namespace test_support
