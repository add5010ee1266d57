// The rebuilt fixup.cmd on a fake machine: its command lines (docs/windows-reference.md#fixup-cmd) and paths.
#include <fstream>
#include <sstream>

#include "fakes/hotfix_catalog.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "legacy_fixture.h"
#include "sim/legacy_run.h"

namespace legacy_test {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class FixupCmd : public LegacyFixture {
 protected:
  std::string script = sim::DefaultLegacyScript(FIXUP_SOURCE_DIR);
};

TEST_F(FixupCmd, HasTheExactCommandLinesAndCrLf) {
  ASSERT_FALSE(script.empty());
  const std::string text = ReadFile(script);
  for (const char* line :
       {"@echo off\r\n",
        "if exist %SystemRoot%\\microsoft.net\\framework\\v1.1.4322\\mscorlib.dll goto v11_installed\r\n",
        "cd /d %SystemRoot%\\microsoft.net\\framework\\v1.0.3705\r\n", "iisreset /stop\r\n",
        "net stop aspnet_state\r\n", "net user ASPNET /delete\r\n", "net user ASPNET 1pass@word /add\r\n",
        "runas /profile /user:ASPNET cmd.exe\r\n", "aspnet_regiis -i\r\n", "iisreset /start\r\n", "goto done\r\n",
        ":v11_installed\r\n", ":done\r\n", "echo \"----------------------\"\r\n"}) {
    EXPECT_NE(text.find(line), std::string::npos) << line;
  }
  EXPECT_EQ(text.find("\n"), text.find("\r\n") + 1);  // no bare LF
}

TEST_F(FixupCmd, RightAnswerCreatesTheProfileUnderANewSid) {
  ASSERT_TRUE(fakes::InstallHotfix(machine, "MS03-032").ok());
  fakes::Sam sam(machine);
  const fixer::Sid old_sid = sam.SidOf(*sam.FindUser("ASPNET"));
  fakes::FixedInput answer("1pass@word");
  sim::LegacyRun run = sim::RunLegacyScript(machine, script, answer, {});
  EXPECT_FALSE(run.error);
  // The three REM lines are echoed before @echo off.
  EXPECT_EQ(run.console.rfind("C:\\>c:\\fixup.cmd\n\nC:\\>REM ", 0), 0u);
  EXPECT_NE(run.console.find("Attempting to start cmd.exe as user \"XPPRO\\ASPNET\" ..."), std::string::npos);
  EXPECT_NE(run.console.find("The ASP.NET State Service service is not started."), std::string::npos);
  // It leaves the user in the framework folder.
  EXPECT_NE(run.console.find("\nC:\\WINDOWS\\microsoft.net\\framework\\v1.0.3705>\n"), std::string::npos);
  const fakes::UserAccount* u = sam.FindUser("ASPNET");
  ASSERT_NE(u, nullptr);
  EXPECT_FALSE(sam.SidOf(*u) == old_sid);
  EXPECT_NE(fakes::ProfileStore(machine).Find(sam.SidOf(*u)), nullptr);
}

}  // namespace
}  // namespace legacy_test
