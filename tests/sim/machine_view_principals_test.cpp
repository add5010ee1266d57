// `fixup-sim show` (text) shows the rights held by groups, well-known principals and SIDs of no
// account, and each group with its members (audit 15 item 4): a refusal naming "Everyone holds
// SeDenyInteractiveLogonRight", or the rights an old SID kept after a recreate, must be readable
// in the text a support engineer runs to see why.
#include <gtest/gtest.h>

#include <string>

#include "fakes/machine_yaml.h"
#include "sim/machine_view.h"

namespace machine_view_principals {

std::string Shown(const char* machine_file) {
  const auto loaded = fakes::LoadMachineText(machine_file, "m.yaml");
  EXPECT_TRUE(loaded.ok()) << loaded.error->ToString();
  return loaded.ok() ? sim::RenderMachineText(*loaded.value) : std::string();
}

// The line of `text` that begins with `start` (after its indent), or "".
std::string LineStarting(const std::string& text, const std::string& start) {
  const size_t at = text.find("\n  " + start);
  if (at == std::string::npos) return "";
  const size_t end = text.find('\n', at + 1);
  return text.substr(at + 3, end - at - 3);
}

TEST(RenderMachineText, ShowsTheRightsOfEveryoneAGroupAndAnOldSid) {
  const std::string text = Shown(R"(
os: windows-xp-professional
frameworks: ["1.0"]
hotfixes: [MS03-032]
applications: [{path: /LM/W3SVC/1/ROOT/shop}]
rights:
  Everyone: [SeDenyInteractiveLogonRight]
  Users: [SeBatchLogonRight]
  HelpServicesGroup: [SeBatchLogonRight]
  S-1-5-21-1-2-3-1077: [SeServiceLogonRight]
)");
  ASSERT_NE(text.find("Rights of groups, well-known principals and SIDs of no account:\n"), std::string::npos) << text;
  EXPECT_EQ(LineStarting(text, "Everyone: "), "Everyone: SeDenyInteractiveLogonRight") << text;
  EXPECT_NE(LineStarting(text, "BUILTIN\\Users: ").find("SeBatchLogonRight"), std::string::npos) << text;
  EXPECT_EQ(LineStarting(text, "XPPRO\\HelpServicesGroup: "), "XPPRO\\HelpServicesGroup: SeBatchLogonRight") << text;
  EXPECT_EQ(LineStarting(text, "S-1-5-21-1-2-3-1077: "), "S-1-5-21-1-2-3-1077: SeServiceLogonRight") << text;
  // An account's own rights stay under the account, not among the others'.
  EXPECT_EQ(LineStarting(text, "XPPRO\\ASPNET: "), "") << text;
}

TEST(RenderMachineText, ShowsEachGroupWithItsMembers) {
  const std::string text = Shown(R"(
os: windows-xp-professional
frameworks: ["1.0"]
accounts: {bob: {password: 'Tulip#2003pass', groups: [Administrators]}}
)");
  ASSERT_NE(text.find("Groups and their members:\n"), std::string::npos) << text;
  const std::string admins = LineStarting(text, "BUILTIN\\Administrators  S-1-5-32-544: ");
  EXPECT_NE(admins.find("XPPRO\\Administrator"), std::string::npos) << text;
  EXPECT_NE(admins.find("XPPRO\\bob"), std::string::npos) << text;
  EXPECT_NE(LineStarting(text, "BUILTIN\\Users  S-1-5-32-545: ").find("XPPRO\\ASPNET"), std::string::npos) << text;
}

}  // namespace machine_view_principals
