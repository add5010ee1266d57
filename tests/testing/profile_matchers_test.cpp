// HasProfile: no profile until a profile-loading logon, the folder it gets, a profile left by a
// deleted account (by SID), and a ProfileList entry whose folder is gone.
#include "fakes/testing/profile_matchers.h"

#include <gmock/gmock.h>

#include "explain.h"
#include "fakes/objects.h"
#include "fakes/profiles.h"
#include "fakes/sam.h"
#include "fakes/testing/fresh_machine_test.h"

namespace {

using fakes_testing::HasProfile;
using ::testing::Not;
using testing_test::Describe;
using testing_test::DescribeNegation;
using testing_test::Explain;

constexpr const char* kFolder = R"(C:\Documents and Settings\ASPNET)";

class HasProfileTest : public fakes_testing::FreshMachineTest {
 protected:
  HasProfileTest() : FreshMachineTest({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7}) {
    InstallAspNet("1.0.3705");
    sid_ = *fakes::UserSidIn(machine().state(), "ASPNET");
  }
  void LogOnWithProfile() { ASSERT_TRUE(fakes::ProfileStore(machine()).LoadOrCreate(sid_, "ASPNET").ok()); }
  std::string Label() const { return R"(XPPRO\ASPNET ()" + sid_.ToString() + ")"; }
  fixer::Sid sid_;
};

TEST_F(HasProfileTest, RegisteringAspNetMakesNoProfile) {
  EXPECT_THAT(machine(), Not(HasProfile("ASPNET")));
  EXPECT_EQ(Explain(HasProfile("ASPNET"), machine()), Label() + " has no profile (no ProfileList entry for its SID)");
}

TEST_F(HasProfileTest, ALogonCreatesItUnderDocumentsAndSettings) {
  LogOnWithProfile();
  EXPECT_THAT(machine(), HasProfile("ASPNET").At(kFolder).WithFolder());
  EXPECT_THAT(machine(), HasProfile("aspnet").At(R"(c:\documents and settings\aspnet)"));
  EXPECT_EQ(Explain(HasProfile("ASPNET"), machine()), Label() + " has its profile at " + kFolder);
}

TEST_F(HasProfileTest, AnotherFolderFailsAt) {
  LogOnWithProfile();
  const std::string other = R"(C:\Documents and Settings\ASPNET.XPPRO)";
  EXPECT_THAT(machine(), Not(HasProfile("ASPNET").At(other)));
  EXPECT_EQ(Explain(HasProfile("ASPNET").At(other), machine()), Label() + " has its profile at " + kFolder);
}

TEST_F(HasProfileTest, AProfileWhoseFolderIsGoneFailsWithFolder) {
  LogOnWithProfile();
  ASSERT_TRUE(fakes::ObjectStore(machine()).Erase({fixer::ObjectNamespace::kFile, kFolder}).ok());
  EXPECT_THAT(machine(), HasProfile("ASPNET"));
  EXPECT_EQ(Explain(HasProfile("ASPNET").WithFolder(), machine()),
            Label() + " has its profile at " + kFolder + ", a folder that does not exist");
}

TEST_F(HasProfileTest, ADeletedAccountLeavesItsProfileUnderItsSid) {
  LogOnWithProfile();
  ASSERT_TRUE(fakes::Sam(machine()).DeleteUser("ASPNET").ok());
  EXPECT_THAT(machine(), HasProfile(sid_).At(kFolder));
  EXPECT_EQ(Explain(HasProfile(sid_), machine()), sid_.ToString() + " has its profile at " + kFolder);
  EXPECT_EQ(Explain(HasProfile("ASPNET"), machine()),
            "no account is named ASPNET (1332: No mapping between account names and security IDs was done.)");
}

TEST(HasProfileDescription, NamesAccountPathAndFolder) {
  EXPECT_EQ(Describe(HasProfile("ASPNET").At(kFolder).WithFolder()),
            R"(has a profile for ASPNET at C:\Documents and Settings\ASPNET whose folder exists)");
  EXPECT_EQ(DescribeNegation(HasProfile("ASPNET")), "has no profile for ASPNET");
}

}  // namespace
