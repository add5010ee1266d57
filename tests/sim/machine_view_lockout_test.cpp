// `fixup-sim show` says an account's lockout as Windows computes it against the lockout duration
// (audit 16 item 10): the diagnosis' reading (fakes::IsLockedOutNow), so the two tools agree on one file.
#include <gtest/gtest.h>

#include <string>

#include "fakes/machine_yaml.h"
#include "sim/machine_view.h"

namespace machine_view_lockout {

// ASPNET locked out at 1000 under a 30-minute duration; the clock `clock` seconds on.
std::string Shown(int64_t clock) {
  const std::string file =
      "frameworks: ['1.0']\n"
      "accounts:\n"
      "  ASPNET: {flags: [locked_out, password_never_expires, cannot_change_password], locked_out_at: 1000, "
      "bad_password_count: 5}\n"
      "policy:\n"
      "  lockout: {threshold: 5, duration_minutes: 30, reset_minutes: 30}\n"
      "clock: " +
      std::to_string(clock) + "\n";
  const auto loaded = fakes::LoadMachineText(file, "m.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return loaded.ok() ? sim::RenderMachineText(*loaded.value) : "";
}

TEST(RenderMachineText, ALockoutThatHasRunOutIsNotShownLockedOut) {
  const std::string text = Shown(1061510400);
  EXPECT_NE(text.find("flags: lockout expired (not locked out), password never expires"), std::string::npos) << text;
  EXPECT_EQ(text.find("flags: locked out"), std::string::npos) << text;
}

TEST(RenderMachineText, ALockoutWithinItsDurationIsShownLockedOut) {
  const std::string text = Shown(1000 + 29 * 60);
  EXPECT_NE(text.find("flags: locked out, password never expires"), std::string::npos) << text;
  EXPECT_EQ(text.find("lockout expired"), std::string::npos) << text;
}

}  // namespace machine_view_lockout
