// A batch file runs in the caller's interactive logon, which has loaded the caller's profile
// (docs/legacy-replay.md#running-it): made at the first logon, found after it, none for a caller
// that is no user.
#include <cstdio>
#include <string>
#include <utility>

#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "legacy_fixture.h"
#include "sim/legacy_run.h"

namespace legacy_test {
namespace {

constexpr const char* kEchoProfile = "@echo off\r\necho [%USERPROFILE%] [%TEMP%]\r\n";

class CallerSession : public ::testing::Test {
 protected:
  sim::LegacyRun RunOn(fakes::Machine& machine) {
    const std::string path = ::testing::TempDir() + "caller-session.cmd";
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
      std::fputs(kEchoProfile, f);
      std::fclose(f);
    }
    fakes::ClosedInput input;
    return sim::RunLegacyScript(machine, path, input, {});
  }
  const fakes::ProfileEntry* ProfileOf(fakes::Machine& machine, const std::string& user) {
    fakes::Sam sam(machine);
    return fakes::ProfileStore(machine).Find(sam.SidOf(*std::as_const(sam).FindUser(user)));
  }
};

TEST_F(CallerSession, TheFirstRunMakesTheCallersProfile) {
  fakes::Machine machine(XpWithAspNet10());
  ASSERT_EQ(ProfileOf(machine, "Administrator"), nullptr);
  const sim::LegacyRun run = RunOn(machine);
  EXPECT_NE(run.console.find("[C:\\Documents and Settings\\Administrator] [C:\\DOCUME~1\\ADMINI~1\\LOCALS~1\\Temp]"),
            std::string::npos)
      << run.console;
  const fakes::ProfileEntry* profile = ProfileOf(machine, "Administrator");
  ASSERT_NE(profile, nullptr);
  EXPECT_EQ(profile->path, "C:\\Documents and Settings\\Administrator");
}

TEST_F(CallerSession, AnExistingProfileIsLoadedWhereItsEntrySays) {
  fakes::Machine machine(
      XpWithAspNet10("profiles:\n  Administrator: {path: 'C:\\Documents and Settings\\Administrator.XPPRO', "
                     "folder: true}\n"));
  const size_t profiles = machine.state().profiles.size();
  const sim::LegacyRun run = RunOn(machine);
  EXPECT_NE(run.console.find("[C:\\Documents and Settings\\Administrator.XPPRO]"), std::string::npos) << run.console;
  EXPECT_EQ(machine.state().profiles.size(), profiles);
}

TEST_F(CallerSession, ACallerThatIsNoUserGetsNone) {
  fakes::Machine machine(XpWithAspNet10());
  machine.state().session.caller = "Administrators";  // as the set_caller step may name a group
  const size_t profiles = machine.state().profiles.size();
  const sim::LegacyRun run = RunOn(machine);
  EXPECT_NE(run.console.find("[] [C:\\WINDOWS\\Temp]"), std::string::npos) << run.console;
  EXPECT_EQ(machine.state().profiles.size(), profiles);
}

}  // namespace
}  // namespace legacy_test
