// MachineMatcher: what every matcher of fakes/testing shares: it matches a fakes::Machine or a
// fakes::MachineState (through a copy), and gtest prints a machine by name, not as bytes.
//
// A matcher derives from MachineMatcher<Self> and defines `bool Match(const fakes::Machine&,
// ::testing::MatchResultListener*) const`, `void DescribeTo(std::ostream*) const` and `void
// DescribeNegationTo(std::ostream*) const`, and is then usable wherever gtest takes a matcher
// of a Machine or a MachineState:
//
//   #include <gmock/gmock.h>
//   #include "fakes/testing/service_matchers.h"
//   EXPECT_THAT(machine, fakes_testing::ServiceIs("W3SVC", fixer::ServiceState::kRunning));
//   EXPECT_THAT(machine.state(), ::testing::Not(fakes_testing::ServiceIs("W3SVC", fixer::ServiceState::kStopped)));
#pragma once

// gtest-matchers.h, not gmock.h: a matcher needs only Matcher and MatchResultListener, and every
// source file of this library compiles in two thirds of the time (5.4 s against 8.4 s, loaded).
#include <gtest/gtest-matchers.h>

#include <ostream>
#include <string>

#include "fakes/machine.h"
#include "fakes/state.h"
#include "fixer/ports/inventory.h"

namespace fixer {
// "Windows XP Professional", not "4-byte object <03-00 00-00>", in parameterised test names.
void PrintTo(OsEdition edition, std::ostream* os);
}  // namespace fixer

namespace fakes {
// "XPPRO (Windows XP Professional SP1, machine seed 7)": how gtest shows a machine in a failure.
void PrintTo(const MachineState& state, std::ostream* os);
void PrintTo(const Machine& machine, std::ostream* os);
}  // namespace fakes

namespace fakes_testing {

// A word the matcher was given names nothing on any machine of this edition (a right that does not
// exist, 1313): the test fails whatever the matcher's negation, so that
// Not(HasRight("ASPNET", "SeNoSuchRight")) cannot pass by a typo. Says `why` and returns false.
// A missing account, service or object is a fact of the machine, not a typo: a matcher says it
// and fails, and its negation passes (a deleted ASPNET holds no right).
bool NamesNothing(::testing::MatchResultListener* listener, const std::string& why);

template <typename Self>
class MachineMatcher {
 public:
  using is_gtest_matcher = void;

  bool MatchAndExplain(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const {
    return static_cast<const Self&>(*this).Match(machine, listener);
  }
  bool MatchAndExplain(const fakes::MachineState& state, ::testing::MatchResultListener* listener) const {
    return static_cast<const Self&>(*this).Match(fakes::Machine(state), listener);
  }
};

}  // namespace fakes_testing
