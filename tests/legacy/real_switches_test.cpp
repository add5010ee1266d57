// Real switches of net, aspnet_regiis and runas: net takes /Y and /N with every command (Wine's
// programs/net strips them before reading the command); aspnet_regiis's and runas's other real
// switches, which the fake does not model, are not answered as a typo (usage text, errorlevel 1)
// but refused (fakes::NotModelled), so a batch line with one stops as not supported.
#include "fakes/commands.h"
#include "fakes/sam.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class NetConfirmationAnswers : public LegacyFixture {};

TEST_F(NetConfirmationAnswers, NetUserAndLocalgroupTakeThem) {
  EXPECT_EQ(Run("net localgroup Users /Y"), 0) << Out();
  EXPECT_EQ(Run("net user ASPNET /delete /y"), 0) << Out();
  EXPECT_FALSE(fakes::Sam(machine).FindUser("ASPNET"));
  EXPECT_EQ(Run("net user bob S3cret#long1 /add /YES"), 0) << Out();
  EXPECT_TRUE(fakes::Sam(machine).FindUser("bob"));
  EXPECT_EQ(Run("net helpmsg 2221 /no"), 0) << Out();
}

TEST_F(NetConfirmationAnswers, NetStopTakesEveryForm) {
  // The state service is stopped: 3521 (errorlevel 2), not net's syntax text (1).
  EXPECT_EQ(Run("net stop aspnet_state /YE"), 2) << Out();
  EXPECT_NE(Out().find("NET HELPMSG 3521"), std::string::npos);
}

// net's main reads /Y and /N before the command: the second of them is APE_ConflictingSwitches,
// 3510, and ErrorExit's errorlevel 2; the command is not run
// (docs/windows-reference.md#net-unknown-option). One of them twice is no conflict.
TEST_F(NetConfirmationAnswers, BothTogetherAre3510AndNothingRuns) {
  EXPECT_EQ(Run("net user ASPNET /delete /y /n"), 2);
  EXPECT_EQ(Out(),
            "A command was used with conflicting switches.\n\nMore help is available by typing NET HELPMSG 3510.\n\n");
  EXPECT_TRUE(fakes::Sam(machine).FindUser("ASPNET"));
  EXPECT_EQ(Run("net stop aspnet_state /NO /Yes"), 2);
  EXPECT_NE(Out().find("NET HELPMSG 3510"), std::string::npos) << Out();
  EXPECT_EQ(Run("net user ASPNET /delete /y /YES"), 0) << Out();
  EXPECT_FALSE(fakes::Sam(machine).FindUser("ASPNET"));
}

class RealToolSwitches : public LegacyFixture {};

TEST_F(RealToolSwitches, AspnetRegiisSwitchesItListsAreRefusedNotAnsweredWithUsage) {
  Run("cd /d C:\\WINDOWS\\Microsoft.NET\\Framework\\v1.0.3705");
  for (const char* line : {"aspnet_regiis -lv", "aspnet_regiis -LK", "aspnet_regiis -s W3SVC/1/ROOT/shop",
                           "aspnet_regiis /k W3SVC/1/ROOT/shop", "aspnet_regiis -c", "aspnet_regiis -ea"}) {
    EXPECT_THROW(Run(line), fakes::NotModelled) << line;
    EXPECT_EQ(Out(), "") << line;
  }
  EXPECT_EQ(Run("aspnet_regiis -bogus"), 1);
  EXPECT_NE(Out().find("Usage: aspnet_regiis"), std::string::npos);
}

TEST_F(RealToolSwitches, RunasXpSwitchesAreRefusedNotAnsweredWithUsage) {
  for (const char* line : {"runas /savecred /user:ASPNET cmd", "runas /netonly /user:ASPNET cmd",
                           "runas /smartcard cmd", "runas /showtrustlevels", "runas /trustlevel:0x20000 cmd"}) {
    EXPECT_THROW(Run(line), fakes::NotModelled) << line;
    EXPECT_EQ(Out(), "") << line;
  }
  EXPECT_EQ(Run("runas /bogus /user:ASPNET cmd"), 1);
  EXPECT_NE(Out().find("RUNAS USAGE:"), std::string::npos);
}

TEST_F(RealToolSwitches, ABatchLineWithOneStopsAsNotSupported) {
  auto r = Go("@echo off\nrunas /savecred /user:ASPNET cmd.exe\necho never\n");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->line, 2);
  EXPECT_NE(r.error->message.find("/savecred"), std::string::npos);
  EXPECT_EQ(Out(), "");
}

}  // namespace
}  // namespace legacy_test
