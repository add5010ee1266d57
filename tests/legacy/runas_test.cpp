// runas: the dialogue and errors of docs/windows-reference.md#runas; the password is never echoed.
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class Runas : public LegacyFixture {
 protected:
  void SetUp() override {
    Run("net user ASPNET /delete");
    Run("net user ASPNET 1pass@word /add");
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

TEST_F(Runas, MissingUserPrintsUsage) {
  EXPECT_EQ(Run("runas cmd.exe"), 1);
  EXPECT_EQ(Out().rfind("RUNAS USAGE:", 0), 0u);
}

}  // namespace
}  // namespace legacy_test
