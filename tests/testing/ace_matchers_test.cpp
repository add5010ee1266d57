// HasAce: allow and deny ACEs, masks covered after generic mapping, principals by name and by
// (orphaned) SID, and the cacls-style DACL in the failure text.
#include "fakes/testing/ace_matchers.h"

#include <gmock/gmock.h>

#include "explain.h"
#include "fakes/objects.h"
#include "fakes/sam.h"
#include "fakes/testing/fresh_machine_test.h"

namespace {

using fakes_testing::HasAce;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;
using testing_test::Describe;
using testing_test::DescribeNegation;
using testing_test::Explain;

constexpr const char* kTemp = R"(C:\WINDOWS\Temp)";

class HasAceTest : public fakes_testing::FreshMachineTest {
 protected:
  HasAceTest() : FreshMachineTest({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7}) {
    InstallAspNet("1.0.3705");
    sid_ = *fakes::UserSidIn(machine().state(), "ASPNET");
  }
  fixer::Sid sid_;
};

TEST_F(HasAceTest, MatchesAnAllowAceCoveringTheMask) {
  // aspnet_regiis gives ASPNET Full Control of %windir%\Temp: it covers Modify and Read too.
  EXPECT_THAT(machine(), HasAce(kTemp, "ASPNET", fixer::kFileModify));
  EXPECT_THAT(machine(), HasAce(R"(c:\windows\temp)", R"(XPPRO\aspnet)", fixer::kFileGenericRead));
  EXPECT_THAT(machine(), HasAce(kTemp, sid_, fixer::kFileAllAccess));
  EXPECT_EQ(Explain(HasAce(kTemp, "ASPNET", fixer::kFileModify), machine()),
            R"(C:\WINDOWS\Temp has XPPRO\ASPNET:(OI)(CI)F)");
}

TEST_F(HasAceTest, AMissingGrantListsTheDaclAsCaclsPrintsIt) {
  EXPECT_THAT(machine(), Not(HasAce(kTemp, "Guests", fixer::kFileModify)));
  const std::string why = Explain(HasAce(kTemp, "Guests", fixer::kFileModify), machine());
  EXPECT_THAT(why, StartsWith(R"(C:\WINDOWS\Temp has no allow ACE for BUILTIN\Guests (S-1-5-32-546) granting )"
                              R"(0x1301BF; its DACL: )"));
  EXPECT_THAT(why, HasSubstr(R"(XPPRO\ASPNET:(OI)(CI)F)"));
}

TEST_F(HasAceTest, AnAceWithLessAccessDoesNotCoverTheMask) {
  // The framework folder: Read & Execute only.
  const std::string framework = R"(C:\WINDOWS\Microsoft.NET\Framework\v1.0.3705)";
  EXPECT_THAT(machine(), HasAce(framework, "ASPNET", fixer::kFileGenericRead));
  EXPECT_THAT(machine(), Not(HasAce(framework, "ASPNET", fixer::kFileModify)));
}

TEST_F(HasAceTest, DenyAsksForADenyAce) {
  EXPECT_THAT(machine(), Not(HasAce(kTemp, "ASPNET", fixer::kFileGenericRead).Deny()));
  ASSERT_TRUE(fakes::ObjectStore(machine())
                  .AddAce({fixer::ObjectNamespace::kFile, kTemp},
                          {fixer::AceType::kDeny, fixer::Sid::Guests(), fixer::kFileGenericWrite, 0})
                  .ok());
  EXPECT_THAT(machine(), HasAce(kTemp, "Guests", fixer::kFileGenericWrite).Deny());
  EXPECT_EQ(Explain(HasAce(kTemp, "Guests", fixer::kFileGenericWrite).Deny(), machine()),
            R"(C:\WINDOWS\Temp has BUILTIN\Guests:(DENY)W)");
}

TEST_F(HasAceTest, ADeletedAccountsAceIsFoundByItsSidAndShownBare) {
  ASSERT_TRUE(fakes::Sam(machine()).DeleteUser("ASPNET").ok());
  EXPECT_THAT(machine(), HasAce(kTemp, sid_, fixer::kFileModify));
  EXPECT_EQ(Explain(HasAce(kTemp, sid_, fixer::kFileModify), machine()),
            std::string(kTemp) + " has " + sid_.ToString() + ":(OI)(CI)F");
  EXPECT_EQ(Explain(HasAce(kTemp, "ASPNET", fixer::kFileModify), machine()),
            "no account, group or well-known principal is named ASPNET (1332: No mapping between account names "
            "and security IDs was done.)");
}

TEST_F(HasAceTest, AMissingObjectAnswersAsGetNamedSecurityInfo) {
  EXPECT_EQ(Explain(HasAce(R"(C:\nowhere)", "ASPNET", fixer::kFileGenericRead), machine()),
            R"(C:\nowhere does not exist (2: The system cannot find the file specified.))");
  EXPECT_EQ(
      Explain(HasAce({fixer::ObjectNamespace::kMetabase, "/LM/W3SVC/9"}, "ASPNET", fixer::kFileGenericRead), machine()),
      "/LM/W3SVC/9 does not exist (3: The system cannot find the path specified.)");
}

TEST(HasAceDescription, NamesNamespacePathPrincipalAndMask) {
  EXPECT_EQ(Describe(HasAce(kTemp, "ASPNET", fixer::kFileModify)),
            R"(has an allow ACE on file C:\WINDOWS\Temp for ASPNET covering 0x1301BF)");
  EXPECT_EQ(DescribeNegation(
                HasAce({fixer::ObjectNamespace::kRegistry, R"(HKLM\SOFTWARE\X)"}, "Users", fixer::kKeyRead).Deny()),
            R"(has no deny ACE on registry HKLM\SOFTWARE\X for Users covering 0x20019)");
}

}  // namespace
