// ServiceIs: a matcher for the state of a service of the fake machine's Service Control Manager.
//
// The service is named by key or display name, case-insensitive, as sc.exe and net.exe accept.
// Failures read "service W3SVC (World Wide Web Publishing) is stopped" or "there is no service
// W3SVC (1060: The specified service does not exist as an installed service.)".
//
//   EXPECT_THAT(machine, fakes_testing::ServiceIs("W3SVC", fixer::ServiceState::kRunning));
#pragma once

#include <string>

#include "fakes/testing/machine_matcher.h"
#include "fixer/ports/service_control.h"

namespace fakes_testing {

class ServiceStateMatcher : public MachineMatcher<ServiceStateMatcher> {
 public:
  ServiceStateMatcher(std::string name, fixer::ServiceState state) : name_(std::move(name)), state_(state) {}

  bool Match(const fakes::Machine& machine, ::testing::MatchResultListener* listener) const;
  void DescribeTo(std::ostream* os) const;
  void DescribeNegationTo(std::ostream* os) const;

 private:
  std::string name_;
  fixer::ServiceState state_;
};

inline ServiceStateMatcher ServiceIs(std::string name, fixer::ServiceState state) {
  return ServiceStateMatcher(std::move(name), state);
}

}  // namespace fakes_testing
