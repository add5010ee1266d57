// net pause / net continue: output and errorlevel against docs/windows-reference.md#net-pause-continue
// (WS03 netcmd contpaus.c; NetServiceControl's MapError turns the SCM's errors into NET messages).
#include "fakes/scm.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class NetPause : public LegacyFixture {
 protected:
  fixer::ServiceState StateOf(const std::string& name) { return fakes::Scm(machine).Find(name)->state; }
};

TEST_F(NetPause, PauseThenContinueW3svc) {
  EXPECT_EQ(Run("net pause w3svc"), 0);
  EXPECT_EQ(Out(),
            "The World Wide Web Publishing service pause is pending.\n"
            "The World Wide Web Publishing service was paused successfully.\n\n");
  EXPECT_EQ(StateOf("W3SVC"), fixer::ServiceState::kPaused);
  EXPECT_EQ(Run("net continue w3svc"), 0);
  EXPECT_EQ(Out(),
            "The World Wide Web Publishing service continue is pending.\n"
            "The World Wide Web Publishing service was continued successfully.\n\n");
  EXPECT_EQ(StateOf("W3SVC"), fixer::ServiceState::kRunning);
}

// A service already so answers ControlService with its state at once: no pending line, net's
// line end before the success line (contpaus.c: PrintNL after the wait that did not run).
TEST_F(NetPause, AServiceAlreadySoSaysSuccessWithoutPending) {
  EXPECT_EQ(Run("net continue w3svc"), 0);
  EXPECT_EQ(Out(), "\nThe World Wide Web Publishing service was continued successfully.\n\n");
  EXPECT_EQ(StateOf("W3SVC"), fixer::ServiceState::kRunning);
  ASSERT_EQ(Run("net pause w3svc"), 0);
  EXPECT_EQ(Run("net pause w3svc"), 0);
  EXPECT_EQ(Out(), "\nThe World Wide Web Publishing service was paused successfully.\n\n");
}

// ControlService's 1062 for a stopped service reaches net as NERR_ServiceNotInstalled, 2184.
TEST_F(NetPause, AStoppedServiceIs2184) {
  EXPECT_EQ(Run("net pause aspnet_state"), 2);
  EXPECT_EQ(Out(), "The service has not been started.\n\nMore help is available by typing NET HELPMSG 2184.\n\n");
  EXPECT_EQ(Run("net continue aspnet_state"), 2);
  EXPECT_NE(Out().find("NET HELPMSG 2184"), std::string::npos) << Out();
  EXPECT_EQ(StateOf("aspnet_state"), fixer::ServiceState::kStopped);
}

// 1061 (starting or stopping) is NERR_ServiceNotCtrl, 2189.
TEST_F(NetPause, APendingServiceIs2189) {
  fakes::Scm(machine).Find("W3SVC")->state = fixer::ServiceState::kStartPending;
  EXPECT_EQ(Run("net pause w3svc"), 2);
  EXPECT_EQ(Out(),
            "The service could not be controlled in its present state.\n\n"
            "More help is available by typing NET HELPMSG 2189.\n\n");
  EXPECT_EQ(StateOf("W3SVC"), fixer::ServiceState::kStartPending);
}

TEST_F(NetPause, UnknownNameIs2185AndTheDisplayNameIsTaken) {
  EXPECT_EQ(Run("net continue nosuchsvc"), 2);
  EXPECT_EQ(Out(), "The service name is invalid.\n\nMore help is available by typing NET HELPMSG 2185.\n\n");
  EXPECT_EQ(Run("net pause \"World Wide Web Publishing\""), 0);
  EXPECT_EQ(StateOf("W3SVC"), fixer::ServiceState::kPaused);
}

TEST_F(NetPause, NoServiceIsTheSyntaxAndASwitchIsRefused) {
  EXPECT_EQ(Run("net pause"), 1);
  EXPECT_NE(Out().find("NET PAUSE\nservice\n"), std::string::npos) << Out();
  EXPECT_EQ(Run("net continue w3svc /x"), 1);
  EXPECT_NE(Out().find("The option /X is unknown."), std::string::npos) << Out();
  EXPECT_EQ(StateOf("W3SVC"), fixer::ServiceState::kRunning);
}

// A paused service goes on serving once continued: W3SVC answers again.
TEST_F(NetPause, ContinueLetsThePausedStateServiceGoOn) {
  ASSERT_EQ(Run("net start aspnet_state"), 0);
  ASSERT_EQ(Run("net pause aspnet_state"), 0);
  EXPECT_EQ(Run("net start aspnet_state"), 2);  // a paused service is started: 2182
  EXPECT_EQ(Run("net continue \"ASP.NET State Service\""), 0);
  EXPECT_EQ(StateOf("aspnet_state"), fixer::ServiceState::kRunning);
}

}  // namespace
}  // namespace legacy_test
