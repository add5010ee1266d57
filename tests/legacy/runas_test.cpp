// runas: the dialogue and errors of docs/windows-reference.md#runas; the password is never echoed.
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fakes/scm.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class Runas : public LegacyFixture {
 protected:
  void SetUp() override {
    Run("net user ASPNET /delete");
    Run("net user ASPNET 1pass@word /add");
  }
  fakes::UserAccount& Aspnet() { return *fakes::Sam(machine).FindUser("ASPNET"); }
  // What runas printed after its two dialogue lines when it failed.
  std::string FailureWith(const std::string& password, const std::string& options = "") {
    Answer(password);
    EXPECT_EQ(Run("runas " + options + "/user:ASPNET cmd.exe"), 1);
    const std::string head =
        "Enter the password for ASPNET: \nAttempting to start cmd.exe as user \"XPPRO\\ASPNET\" ...\n"
        "RUNAS ERROR: Unable to run - cmd.exe\n";
    EXPECT_TRUE(Out().starts_with(head)) << Out();
    return Out().starts_with(head) ? Out().substr(head.size()) : Out();
  }
  bool HasProfile() {
    fakes::Sam sam(machine);
    return fakes::ProfileStore(machine).Find(sam.SidOf(*sam.FindUser("ASPNET"))) != nullptr;
  }
};

TEST_F(Runas, RightPasswordCreatesTheProfileInANewWindow) {
  Answer("1pass@word");
  EXPECT_EQ(Run("runas /profile /user:ASPNET cmd.exe"), 0);
  EXPECT_EQ(Out(), "Enter the password for ASPNET: \nAttempting to start cmd.exe as user \"XPPRO\\ASPNET\" ...\n");
  EXPECT_TRUE(HasProfile());
  ASSERT_EQ(con->notes.size(), 1u);
  EXPECT_NE(con->notes[0].text.find("new window"), std::string::npos);
}

TEST_F(Runas, WrongPasswordIs1326AndNoProfile) {
  Answer("1pass@wrod");
  EXPECT_EQ(Run("runas /profile /user:ASPNET cmd.exe"), 1);
  EXPECT_EQ(Out(),
            "Enter the password for ASPNET: \n"
            "Attempting to start cmd.exe as user \"XPPRO\\ASPNET\" ...\n"
            "RUNAS ERROR: Unable to run - cmd.exe\n"
            "1326: Logon failure: unknown user name or bad password.\n");
  EXPECT_EQ(Out().find("1pass@wrod"), std::string::npos);
  EXPECT_FALSE(HasProfile());
}

TEST_F(Runas, ClosedInputIsAnEmptyPassword) {
  EXPECT_EQ(Run("runas /user:ASPNET cmd.exe"), 1);
  EXPECT_NE(Out().find("1326: Logon failure"), std::string::npos);
}

TEST_F(Runas, DisabledAccountIs1331) {
  Run("net user ASPNET /active:no");
  Answer("1pass@word");
  EXPECT_EQ(Run("runas /user:ASPNET cmd.exe"), 1);
  EXPECT_NE(Out().find("1331: Logon failure: account currently disabled."), std::string::npos);
}

TEST_F(Runas, DenyInteractiveRightIs1385) {
  machine.state().lsa.rights[fakes::Sam(machine).SidOf(*fakes::Sam(machine).FindUser("ASPNET"))].insert(
      "SeDenyInteractiveLogonRight");
  Answer("1pass@word");
  EXPECT_EQ(Run("runas /user:ASPNET cmd.exe"), 1);
  EXPECT_NE(Out().find("1385: Logon failure: the user has not been granted the requested logon type"),
            std::string::npos);
}

TEST_F(Runas, NoProfileLogsOnWithoutCreatingOne) {
  Answer("1pass@word");
  EXPECT_EQ(Run("runas /noprofile /user:ASPNET cmd.exe"), 0);
  EXPECT_FALSE(HasProfile());
}

// docs/windows-reference.md#runas: the logon errors of #logon-order beyond 1326, 1331 and 1385
// reach runas's last line as "<code>: <message>" with Windows' own texts, and none loads a
// profile.
TEST_F(Runas, LockedOutMustChangeExpiredAndBlankPrintTheirCodes) {
  machine.state().lsa.lockout.threshold = 1;
  EXPECT_EQ(FailureWith("typo"), "1326: Logon failure: unknown user name or bad password.\n");
  EXPECT_EQ(FailureWith("1pass@word"),
            "1909: The referenced account is currently locked out and may not be logged on to.\n");
  ASSERT_TRUE(fakes::Sam(machine).SetFlags("ASPNET", {}).ok());  // an administrator unlocks it

  Aspnet().password_expired = true;  // "User must change password at next logon"
  EXPECT_EQ(FailureWith("1pass@word"), "1907: The user's password must be changed before logging on the first time.\n");
  Aspnet().password_expired = false;

  machine.state().lsa.password_policy.max_age_days = 42;
  machine.Advance(43 * 86400);
  EXPECT_EQ(FailureWith("1pass@word"), "1330: Logon failure: the specified account password has expired.\n");
  machine.state().lsa.password_policy.max_age_days = 0;

  ASSERT_TRUE(fakes::Sam(machine).SetPassword("ASPNET", fixer::Secret::FromString("")).ok());
  EXPECT_EQ(FailureWith(""),
            "1327: Logon failure: user account restriction.  Possible reasons are blank passwords not allowed, "
            "logon hour restrictions, or a policy restriction has been enforced.\n");
  EXPECT_FALSE(HasProfile());
}

// docs/windows-reference.md#runas: with Secondary Logon disabled runas fails with 1058, with or
// without /profile, before any logon (no bad password is counted, no profile is made).
TEST_F(Runas, DisabledSecondaryLogonIs1058) {
  ASSERT_TRUE(fakes::Scm(machine).SetStartType("seclogon", fixer::StartType::kDisabled).ok());
  const std::string text =
      "1058: The service cannot be started, either because it is disabled or because it has no enabled devices "
      "associated with it.\n";
  EXPECT_EQ(FailureWith("1pass@word"), text);
  EXPECT_EQ(FailureWith("1pass@word", "/noprofile "), text);
  EXPECT_EQ(FailureWith("typo"), text);
  EXPECT_EQ(Aspnet().bad_password_count, 0u);
  EXPECT_FALSE(HasProfile());
}

// The Secondary Logon service is reached before any logon, with or without a profile: where it
// is missing both forms answer 1060 alike (docs/windows-reference.md#runas).
TEST_F(Runas, MissingSecondaryLogonIs1060WithOrWithoutAProfile) {
  auto& services = machine.state().services;
  services.erase_if([](const fixer::ServiceInfo& s) { return s.name == "seclogon"; });
  const std::string text = "1060: The specified service does not exist as an installed service.\n";
  EXPECT_EQ(FailureWith("1pass@word"), text);
  EXPECT_EQ(FailureWith("1pass@word", "/noprofile "), text);
  EXPECT_EQ(FailureWith("typo", "/noprofile "), text);
  EXPECT_EQ(Aspnet().bad_password_count, 0u);
  EXPECT_FALSE(HasProfile());
}

TEST_F(Runas, MissingUserPrintsUsage) {
  EXPECT_EQ(Run("runas cmd.exe"), 1);
  EXPECT_EQ(Out().rfind("RUNAS USAGE:", 0), 0u);
}

// The usage text is whole: every switch it names in its synopses is described, and the examples
// its `program` line points to follow (docs/windows-reference.md#runas).
TEST_F(Runas, UsageDescribesEverySwitchAndEndsWithItsExamples) {
  EXPECT_EQ(Run("runas /user:carl"), 1);
  const std::string out = Out();
  for (const char* line :
       {"        /smartcard [/user:<UserName>] program\n", "RUNAS /trustlevel:<TrustLevel> program\n",
        "                     can cause some applications to malfunction.\n",
        "   /netonly          use if the credentials specified are for remote\n",
        "   /savecred         to use credentials previously saved by the user.\n",
        "   /smartcard        use if the credentials are to be supplied from a\n",
        "   /showtrustlevels  displays the trust levels that can be used as arguments\n",
        "   /trustlevel       <Level> should be one of levels enumerated\n",
        "   program         command line for EXE.  See below for examples\n\nExamples:\n",
        "> runas /noprofile /user:mymachine\\administrator cmd\n"})
    EXPECT_NE(out.find(line), std::string::npos) << line << "\n" << out;
  EXPECT_TRUE(out.ends_with("NOTE:  /savecred is not compatible with /smartcard.\n")) << out;
}

}  // namespace
}  // namespace legacy_test
