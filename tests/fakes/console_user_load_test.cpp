// A machine file's `session.interactive_user` logs on at the console as the scenario step
// set_interactive_user does (one home: LogonService::ConsoleLogon): Winlogon loads the user's
// profile, making it at the first logon (docs/windows-reference.md, Profiles), so the file and the
// step give one machine (audit 8 item 3). A logon Windows would refuse is an error at the value.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes/logon.h"
#include "fakes/machine.h"
#include "fakes/machine_yaml.h"

namespace {

using ::testing::HasSubstr;

constexpr const char* kConsoleHead =
    "os: windows-xp-home\n"
    "web_server: cassini\n"
    "frameworks: [\"1.0\"]\n"
    "hotfixes: [MS03-032]\n";

const fakes::ProfileEntry* ConsoleProfileAt(const fakes::MachineState& s, const std::string& path) {
  for (const fakes::ProfileEntry& p : s.profiles)
    if (p.path == path) return &p;
  return nullptr;
}

}  // namespace

TEST(ConsoleUserLoad, TheFilesConsoleUserHasTheProfileTheStepWouldGive) {
  const std::string accounts = "accounts:\n  Owner: {password: Wonder1and!, groups: [Administrators]}\n";
  auto loaded = fakes::LoadMachineText(
      std::string(kConsoleHead) + accounts + "session: {caller: Owner, interactive_user: Owner}\n", "m.yaml");
  ASSERT_TRUE(loaded.ok()) << loaded.error->ToString();
  ASSERT_EQ(loaded.value->session.interactive_user, "Owner");
  const fakes::ProfileEntry* profile = ConsoleProfileAt(*loaded.value, "C:\\Documents and Settings\\Owner");
  ASSERT_NE(profile, nullptr);

  // The same machine through the step's own logon.
  auto plain = fakes::LoadMachineText(std::string(kConsoleHead) + accounts + "session: {caller: Owner}\n", "m.yaml");
  ASSERT_TRUE(plain.ok()) << plain.error->ToString();
  fakes::Machine m(std::move(*plain.value));
  ASSERT_TRUE(fakes::LogonService(m).ConsoleLogon("Owner").ok());
  EXPECT_EQ(m.state().profiles.items(), loaded.value->profiles.items());
  EXPECT_EQ(m.state().session.interactive_user, loaded.value->session.interactive_user);
}

TEST(ConsoleUserLoad, ALogonWindowsWouldRefuseIsAnErrorAtTheValue) {
  auto loaded = fakes::LoadMachineText(std::string(kConsoleHead) +
                                           "accounts:\n  bob: {password: Wonder1and!, flags: [disabled]}\n"
                                           "session:\n  interactive_user: bob\n",
                                       "m.yaml");
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error->line, 8);
  EXPECT_EQ(loaded.error->column, 21);
  EXPECT_THAT(loaded.error->message, HasSubstr("session.interactive_user: 'bob' cannot log on at the console: 1331: "));
}
