// Password and lockout policies Windows cannot hold are input errors at their value in a machine
// file (docs/windows-reference.md#lockout, #password-age): a "reset account lockout counter
// after" of 0 or longer than a lockout duration, a minimum password age above a maximum one. The
// values Windows holds at the edges load.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/machine_yaml.h"

namespace {

using ::testing::HasSubstr;

fakes::Loaded<fakes::MachineState> Policy(const std::string& policy) {
  return fakes::LoadMachineText("policy:\n" + policy, "m.yaml");
}

TEST(MachineYamlPolicy, AResetWindowOfZeroIsRefusedAtItsValue) {
  const auto zero = Policy("  lockout: {threshold: 3, duration_minutes: 30, reset_minutes: 0}\n");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error->line, 2);
  EXPECT_EQ(zero.error->column, 64);
  EXPECT_THAT(zero.error->message,
              HasSubstr("policy.lockout.reset_minutes: expected an integer from 1 to 99999, got '0'"));
  const auto one = Policy("  lockout: {threshold: 3, duration_minutes: 30, reset_minutes: 1}\n");
  ASSERT_TRUE(one.ok()) << one.error->ToString();
  EXPECT_EQ(one.value->lsa.lockout.reset_minutes, 1u);
}

TEST(MachineYamlPolicy, AResetWindowLongerThanTheLockoutIsRefusedAtItsValue) {
  const auto longer = Policy("  lockout: {threshold: 3, duration_minutes: 5, reset_minutes: 30}\n");
  ASSERT_FALSE(longer.ok());
  EXPECT_THAT(longer.error->message,
              HasSubstr("policy.lockout.reset_minutes: 30 minutes is longer than the lockout duration (5 minutes)"));
  // Equal holds; a duration of 0 (until an administrator unlocks) bounds no window; a file that gives
  // only the duration keeps the default window, read as the duration.
  EXPECT_TRUE(Policy("  lockout: {threshold: 3, duration_minutes: 5, reset_minutes: 5}\n").ok());
  EXPECT_TRUE(Policy("  lockout: {threshold: 3, duration_minutes: 0, reset_minutes: 99999}\n").ok());
  const auto duration_only = Policy("  lockout: {threshold: 3, duration_minutes: 5}\n");
  ASSERT_TRUE(duration_only.ok()) << duration_only.error->ToString();
  EXPECT_EQ(duration_only.value->lsa.lockout.reset_minutes, 30u);
}

TEST(MachineYamlPolicy, AMinimumPasswordAgeAboveTheMaximumIsRefusedAtItsValue) {
  const auto above = Policy("  password: {min_age_days: 50, max_age_days: 5}\n");
  ASSERT_FALSE(above.ok());
  EXPECT_EQ(above.error->line, 2);
  EXPECT_EQ(above.error->column, 28);
  EXPECT_THAT(above.error->message,
              HasSubstr("policy.password.min_age_days: a minimum password age of 50 days is more than the maximum "
                        "(5 days)"));
  // Only the maximum given, above the default minimum of 0: holds.
  const auto max_only = Policy("  password: {max_age_days: 1}\n");
  ASSERT_TRUE(max_only.ok()) << max_only.error->ToString();
  // Equal holds (NetUserModalsSet takes a maximum equal to the minimum); a maximum of 0 (never
  // expires) bounds nothing.
  EXPECT_TRUE(Policy("  password: {min_age_days: 5, max_age_days: 5}\n").ok());
  const auto never = Policy("  password: {min_age_days: 998, max_age_days: 0}\n");
  ASSERT_TRUE(never.ok()) << never.error->ToString();
  EXPECT_EQ(never.value->lsa.password_policy.min_age_days, 998u);
}

}  // namespace
