// net start / net stop: output and errorlevel against docs/windows-reference.md#net-commands.
#include "fakes/scm.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class NetService : public LegacyFixture {};

TEST_F(NetService, StartAndStopTheStateService) {
  EXPECT_EQ(Run("net start aspnet_state"), 0);
  EXPECT_EQ(Out(),
            "The ASP.NET State Service service is starting.\n"
            "The ASP.NET State Service service was started successfully.\n\n");
  EXPECT_EQ(Run("net stop aspnet_state"), 0);
  EXPECT_EQ(Out(),
            "The ASP.NET State Service service is stopping.\n"
            "The ASP.NET State Service service was stopped successfully.\n\n");
}

TEST_F(NetService, StopANotStartedServiceIs3521) {
  EXPECT_EQ(Run("net stop aspnet_state"), 2);
  EXPECT_EQ(Out(),
            "The ASP.NET State Service service is not started.\n\n"
            "More help is available by typing NET HELPMSG 3521.\n\n");
}

TEST_F(NetService, StartARunningServiceIs2182) {
  EXPECT_EQ(Run("net start w3svc"), 2);
  EXPECT_EQ(Out(),
            "The requested service has already been started.\n\n"
            "More help is available by typing NET HELPMSG 2182.\n\n");
}

// `net start` with no service lists the started ones by display name (net.exe's own output, as
// published in transcripts of XP and later; ReactOS net enumerates the active services too).
TEST_F(NetService, StartAloneListsTheStartedServicesByDisplayName) {
  EXPECT_EQ(Run("net start"), 0);
  const std::string listed = Out();
  EXPECT_TRUE(listed.starts_with("These Windows services are started:\n\n   ")) << listed;
  EXPECT_TRUE(listed.ends_with("\n\nThe command completed successfully.\n\n")) << listed;
  EXPECT_NE(listed.find("   World Wide Web Publishing\n"), std::string::npos) << listed;
  EXPECT_EQ(listed.find("ASP.NET State Service"), std::string::npos) << listed;  // Manual, stopped

  ASSERT_EQ(Run("net start aspnet_state"), 0);
  EXPECT_EQ(Run("net start"), 0);
  const std::string after = Out();
  EXPECT_NE(after.find("\n   ASP.NET State Service\n"), std::string::npos) << after;
  // Case-insensitive order of the display names.
  EXPECT_LT(after.find("ASP.NET State Service"), after.find("World Wide Web Publishing"));
}

TEST_F(NetService, UnknownNameIs2185) {
  EXPECT_EQ(Run("net stop nosuchsvc"), 2);
  EXPECT_EQ(Out(), "The service name is invalid.\n\nMore help is available by typing NET HELPMSG 2185.\n\n");
}

TEST_F(NetService, StopIisAdminWithYesStopsItsDependentsFirst) {
  EXPECT_EQ(Run("net stop iisadmin /y"), 0);
  EXPECT_EQ(Out().rfind("The following services are dependent on the IIS Admin service.\n"
                        "Stopping the IIS Admin service will also stop these services.\n\n",
                        0),
            0u);
  EXPECT_NE(Out().find("   World Wide Web Publishing\n"), std::string::npos);
  EXPECT_EQ(Out().find("(Y/N)"), std::string::npos);
  EXPECT_LT(Out().find("The World Wide Web Publishing service was stopped successfully."),
            Out().find("The IIS Admin service was stopped successfully."));
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kStopped);
}

TEST_F(NetService, StopIisAdminAsksAndNoKeepsItRunning) {
  EXPECT_EQ(Run("net stop iisadmin"), 2);  // closed input: the default answer N
  EXPECT_NE(Out().find("Do you want to continue this operation? (Y/N) [N]: "), std::string::npos);
  EXPECT_EQ(fakes::Scm(machine).Find("IISADMIN")->state, fixer::ServiceState::kRunning);
  Answer("Y");
  EXPECT_EQ(Run("net stop iisadmin"), 0);
  EXPECT_EQ(fakes::Scm(machine).Find("IISADMIN")->state, fixer::ServiceState::kStopped);
}

// /N is net's No to its own question, said without asking (YorN_Switch): nothing stops, errorlevel
// 2, whatever the console would answer.
TEST_F(NetService, StopIisAdminWithNoAsksNothingAndStopsNothing) {
  Answer("y");
  EXPECT_EQ(Run("net stop iisadmin /n"), 2);
  EXPECT_EQ(Out().find("(Y/N)"), std::string::npos) << Out();
  EXPECT_EQ(Out().find("NET HELPMSG"), std::string::npos) << Out();
  EXPECT_EQ(fakes::Scm(machine).Find("IISADMIN")->state, fixer::ServiceState::kRunning);
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kRunning);
  EXPECT_EQ(Run("net stop iisadmin /NO"), 2);
  EXPECT_EQ(fakes::Scm(machine).Find("IISADMIN")->state, fixer::ServiceState::kRunning);
}

// stop.c asks with YorN, as net user /add does (LUI_YorN): closed input is 3757 after a line end,
// an answer that is neither Y nor N "This is an invalid response." and the question again.
TEST_F(NetService, StopIisAdminsQuestionIsNetsYesOrNo) {
  const std::string question = "Do you want to continue this operation? (Y/N) [N]: ";
  EXPECT_EQ(Run("net stop iisadmin"), 2);
  EXPECT_NE(Out().find(question + "\nNo valid response was provided.\n\nMore help is available by typing NET HELPMSG "
                                  "3757.\n"),
            std::string::npos)
      << Out();
  Answer("maybe");
  EXPECT_EQ(Run("net stop iisadmin"), 2);
  EXPECT_NE(Out().find(question + "maybe\nThis is an invalid response.\n" + question + "maybe\n"), std::string::npos)
      << Out();
  EXPECT_NE(Out().find("No valid response was provided."), std::string::npos) << "after the fifth";
  EXPECT_EQ(fakes::Scm(machine).Find("IISADMIN")->state, fixer::ServiceState::kRunning);
}

// docs/windows-reference.md#services: a paused service is still running, suspended; `net start`
// lists it among the started ones, so `net start NAME` answers 2182 for it (not the SCM's 1056
// or, set to Disabled, 1058), and `net stop NAME` stops it rather than saying it is not started.
TEST_F(NetService, APausedServiceIsStartedFor2182AndStops) {
  fakes::Scm(machine).Find("W3SVC")->state = fixer::ServiceState::kPaused;
  EXPECT_EQ(Run("net start w3svc"), 2);
  EXPECT_EQ(Out(),
            "The requested service has already been started.\n\n"
            "More help is available by typing NET HELPMSG 2182.\n\n");
  ASSERT_TRUE(fakes::Scm(machine).SetStartType("W3SVC", fixer::StartType::kDisabled).ok());
  EXPECT_EQ(Run("net start w3svc"), 2);
  EXPECT_NE(Out().find("NET HELPMSG 2182"), std::string::npos) << Out();
  EXPECT_EQ(Run("net start"), 0);
  EXPECT_NE(Out().find("   World Wide Web Publishing\n"), std::string::npos) << Out();
  EXPECT_EQ(Run("net stop w3svc"), 0);
  EXPECT_EQ(Out(),
            "The World Wide Web Publishing service is stopping.\n"
            "The World Wide Web Publishing service was stopped successfully.\n\n");
  EXPECT_EQ(fakes::Scm(machine).Find("W3SVC")->state, fixer::ServiceState::kStopped);
}

TEST_F(NetService, DisabledServiceIsSystemError1058) {
  fakes::Scm(machine).SetStartType("aspnet_state", fixer::StartType::kDisabled);
  EXPECT_EQ(Run("net start aspnet_state"), 2);
  EXPECT_NE(Out().find("System error 1058 has occurred.\n\nThe service cannot be started"), std::string::npos);
}

}  // namespace
}  // namespace legacy_test

namespace legacy_test {
namespace {

class NetServiceNames : public LegacyFixture {};

TEST_F(NetServiceNames, QuotedDisplayNameWorks) {
  EXPECT_EQ(Run("net start \"ASP.NET State Service\""), 0);
  EXPECT_EQ(fakes::Scm(machine).Find("aspnet_state")->state, fixer::ServiceState::kRunning);
}

TEST_F(NetServiceNames, TheAnswerToTheDependentsPromptIsInTheTranscript) {
  Answer("y");
  EXPECT_EQ(Run("net stop w3svc"), 0);  // nothing depends on W3SVC: no prompt
  EXPECT_EQ(Out().find("(Y/N)"), std::string::npos);
  Run("net start w3svc");
  EXPECT_EQ(Run("net stop iisadmin"), 0);
  EXPECT_NE(Out().find("(Y/N) [N]: y\n"), std::string::npos);
}

}  // namespace
}  // namespace legacy_test
