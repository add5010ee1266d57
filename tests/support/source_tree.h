// The project's scenarios/ folder as the tests read it: from FIXUP_SOURCE_DIR, which
// tests/CMakeLists.txt defines, never from __FILE__ (which ccache may make relative).
//
//   auto loaded = sim::LoadScenarioFile((test_support::ScenariosFolder() / "fixer" / "x.yaml").string());
#pragma once

#include <filesystem>

namespace test_support {

inline std::filesystem::path ScenariosFolder() { return std::filesystem::path(FIXUP_SOURCE_DIR) / "scenarios"; }

}  // namespace test_support
