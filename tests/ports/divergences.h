// The divergence list (like Wine's todo_wine): where a backend is known to differ from what
// Windows does, the contract test still runs and prints its result, and counts as an expected
// failure; a listed test that passes fails, so an entry goes when the backend is fixed. The
// expectation in the test is never changed to fit a backend.
//
//   const ports_contract::Divergence* d = ports_contract::FindDivergence("win32", "Accounts.CreateLookupDelete");
//   bool expected_to_fail = d != nullptr;
#pragma once

#include <string_view>

namespace ports_contract {

struct Divergence {
  std::string_view backend;  // "fake", "win32" (under wine64 in CI)
  std::string_view test;     // "Suite.Name" of the contract test
  std::string_view windows;  // what Windows does, and the source
  std::string_view instead;  // what this backend does instead
};

inline constexpr Divergence kDivergences[] = {
    // Filled from runs: see docs/windows.md, "What was verified where".
    {"none", "none", "", ""},  // keeps the array non-empty; matches no backend
};

inline const Divergence* FindDivergence(std::string_view backend, std::string_view test) {
  for (const Divergence& d : kDivergences) {
    if (d.backend == backend && d.test == test) return &d;
  }
  return nullptr;
}

}  // namespace ports_contract
