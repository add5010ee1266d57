// What a matcher of fakes/testing prints: its description, its negation, and its explanation of
// one match, as gtest would show them in a failure.
//
//   EXPECT_EQ(Explain(fakes_testing::HasAccount("NOBODY"), machine()), "there is no account NOBODY (2221: ...)");
#pragma once

#include <gmock/gmock.h>

#include <string>

#include "fakes/machine.h"

namespace testing_test {

template <typename M>
std::string Explain(const M& matcher, const fakes::Machine& machine) {
  ::testing::StringMatchResultListener listener;
  ::testing::ExplainMatchResult(matcher, machine, &listener);
  return listener.str();
}

template <typename M>
std::string Describe(const M& matcher) {
  return ::testing::DescribeMatcher<const fakes::Machine&>(matcher);
}

template <typename M>
std::string DescribeNegation(const M& matcher) {
  return ::testing::DescribeMatcher<const fakes::Machine&>(matcher, /*negation=*/true);
}

}  // namespace testing_test
