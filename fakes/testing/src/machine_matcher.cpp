#include "fakes/testing/machine_matcher.h"

#include <gtest/gtest.h>

#include "fixer/ports/inventory.h"

namespace fixer {

void PrintTo(OsEdition edition, std::ostream* os) { *os << ToString(edition); }

}  // namespace fixer

namespace fakes {

void PrintTo(const MachineState& state, std::ostream* os) {
  *os << state.products.os.computer_name << " (" << fixer::ToString(state.products.os.edition) << " SP"
      << state.products.os.service_pack << ", machine seed " << state.seed << ")";
}

void PrintTo(const Machine& machine, std::ostream* os) { PrintTo(machine.state(), os); }

}  // namespace fakes

namespace fakes_testing {

bool NamesNothing(::testing::MatchResultListener* listener, const std::string& why) {
  ADD_FAILURE() << "a matcher names what does not exist: " << why;
  *listener << why;
  return false;
}

}  // namespace fakes_testing
