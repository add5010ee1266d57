// The stops a user gives a changing run (Ctrl-C, SIGTERM), each with the name aspnet-fixer says it
// by, for the e2e tests parameterised on them:
//
//   INSTANTIATE_TEST_SUITE_P(Signals, StopTest, ::testing::ValuesIn(e2e::StopSignals()), e2e::StopSignalTestName);
#pragma once

#include <csignal>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace e2e {

struct StopSignal {
  int number;
  std::string name;  // as the tool says it: "stopped by SIGINT (Ctrl-C) ..."
};

inline std::vector<StopSignal> StopSignals() { return {{SIGINT, "SIGINT (Ctrl-C)"}, {SIGTERM, "SIGTERM"}}; }

inline std::string StopSignalTestName(const ::testing::TestParamInfo<StopSignal>& info) {
  return info.param.number == SIGINT ? "SIGINT" : "SIGTERM";
}

}  // namespace e2e
