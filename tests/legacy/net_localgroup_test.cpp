// net localgroup: output, errorlevel and the SAM against docs/windows-reference.md#net-localgroup.
#include <algorithm>

#include "fakes/sam.h"
#include "legacy_fixture.h"

namespace legacy_test {
namespace {

class NetLocalGroup : public LegacyFixture {
 protected:
  bool InGroup(const std::string& group, const std::string& user) {
    fakes::Sam sam(machine);
    const fakes::LocalGroup* g = sam.FindGroup(group);
    auto sid = sam.LookupName(user);
    return g && sid.ok() && std::find(g->members.begin(), g->members.end(), *sid) != g->members.end();
  }
};

TEST_F(NetLocalGroup, DeleteAMember) {
  ASSERT_TRUE(InGroup("Users", "ASPNET"));
  EXPECT_EQ(Run("net localgroup Users ASPNET /delete"), 0);
  EXPECT_EQ(Out(), "The command completed successfully.\n\n");
  EXPECT_FALSE(InGroup("Users", "ASPNET"));
}

// A bare name is looked up as LsaLookupNames does: a well-known name first
// (docs/windows-reference.md#sids). `service` is NT AUTHORITY\SERVICE, even beside a local user
// named so; XPPRO\service is the user. net user refuses to make one (2224,
// docs/windows-reference.md#account-names-taken), so the user is put in the state, as a machine
// file in the full form may hold it.
TEST_F(NetLocalGroup, ABareNameIsAWellKnownPrincipalBeforeALocalUser) {
  ASSERT_EQ(Run("net user service Svc-Passw0rd /add"), 2);
  machine.state().sam.users.push_back({.rid = machine.state().sam.next_rid++, .name = "service"});
  EXPECT_EQ(Run("net localgroup \"Power Users\" service /add"), 0);
  const fakes::LocalGroup* power_users = fakes::Sam(machine).FindGroup("Power Users");
  ASSERT_NE(power_users, nullptr);
  const auto& members = power_users->members;
  EXPECT_NE(std::find(members.begin(), members.end(), fixer::Sid::Service()), members.end());
  EXPECT_FALSE(InGroup("Power Users", "XPPRO\\service"));
  EXPECT_EQ(Run("net localgroup \"Power Users\" XPPRO\\service /add"), 0);
  EXPECT_TRUE(InGroup("Power Users", "XPPRO\\service"));
}

TEST_F(NetLocalGroup, DeleteANonMemberIs1377AndChangesNothing) {
  Run("net localgroup Users ASPNET /delete");
  const fakes::MachineState before = machine.state();
  EXPECT_EQ(Run("net localgroup users aspnet /delete"), 2);
  EXPECT_EQ(Out(),
            "System error 1377 has occurred.\n\nThe specified account name is not a member of the local "
            "group.\n\n");
  EXPECT_EQ(machine.state(), before);
}

// The built-in Administrator cannot leave Administrators (STATUS_SPECIAL_ACCOUNT, 1371), and with
// it no other member named beside it (docs/windows-reference.md#local-groups).
TEST_F(NetLocalGroup, TheBuiltInAdministratorCannotLeaveAdministrators) {
  ASSERT_EQ(Run("net localgroup Administrators ASPNET /add"), 0);
  const fakes::MachineState before = machine.state();
  EXPECT_EQ(Run("net localgroup Administrators ASPNET Administrator /delete"), 2);
  EXPECT_EQ(Out(), "System error 1371 has occurred.\n\nCannot perform this operation on built-in accounts.\n\n");
  EXPECT_EQ(machine.state(), before);
  EXPECT_TRUE(InGroup("Administrators", "Administrator"));
  EXPECT_TRUE(InGroup("Administrators", "ASPNET"));
  EXPECT_EQ(Run("net localgroup Users Administrator /add"), 0);  // other groups: as any account
  EXPECT_EQ(Run("net localgroup Users Administrator /delete"), 0);
}

TEST_F(NetLocalGroup, AddAMemberTwiceIs1378) {
  EXPECT_EQ(Run("net localgroup Administrators ASPNET /add"), 0);
  EXPECT_TRUE(InGroup("Administrators", "ASPNET"));
  EXPECT_EQ(Run("net localgroup Administrators XPPRO\\ASPNET /add"), 2);
  EXPECT_NE(Out().find("System error 1378 has occurred."), std::string::npos) << Out();
}

TEST_F(NetLocalGroup, AnUnknownNameIs1387AndNothingIsAdded) {
  EXPECT_EQ(Run("net localgroup Administrators ASPNET NOBODY /add"), 2);
  EXPECT_EQ(Out(),
            "System error 1387 has occurred.\n\nA member could not be added to or removed from the local "
            "group because the member does not exist.\n\n");
  EXPECT_FALSE(InGroup("Administrators", "ASPNET"));  // all or nothing
}

TEST_F(NetLocalGroup, AnUnknownGroupIs1376) {
  EXPECT_EQ(Run("net localgroup Webmasters ASPNET /add"), 2);
  EXPECT_EQ(Out(), "System error 1376 has occurred.\n\nThe specified local group does not exist.\n\n");
  EXPECT_EQ(Run("net localgroup Webmasters"), 2);
}

TEST_F(NetLocalGroup, NotAnAdministratorIsAccessDenied) {
  Run("net user bob Bob-Passw0rd /add");
  machine.state().session.caller = "bob";
  EXPECT_EQ(Run("net localgroup Users ASPNET /delete"), 2);
  EXPECT_EQ(Out(), "System error 5 has occurred.\n\nAccess is denied.\n\n");
  EXPECT_TRUE(InGroup("Users", "ASPNET"));
}

// The caller first (administrators and Power Users may change some group's members), the group
// second, then whether the caller may change that group's: a plain user is denied even a group
// that does not exist (5 before 1376); a Power User is told it does not exist, and is denied
// Administrators.
TEST_F(NetLocalGroup, TheCallerIsAskedBeforeTheGroupIsLookedUp) {
  Run("net user bob Bob-Passw0rd /add");
  Run("net user pat Pat-Passw0rd /add");
  ASSERT_EQ(Run("net localgroup \"Power Users\" pat /add"), 0);
  machine.state().session.caller = "bob";
  EXPECT_EQ(Run("net localgroup Webmasters ASPNET /add"), 2);
  EXPECT_EQ(Out(), "System error 5 has occurred.\n\nAccess is denied.\n\n");
  machine.state().session.caller = "pat";
  EXPECT_EQ(Run("net localgroup Webmasters ASPNET /add"), 2);
  EXPECT_EQ(Out(), "System error 1376 has occurred.\n\nThe specified local group does not exist.\n\n");
  EXPECT_EQ(Run("net localgroup Administrators bob /add"), 2);
  EXPECT_EQ(Out(), "System error 5 has occurred.\n\nAccess is denied.\n\n");
  EXPECT_FALSE(InGroup("Administrators", "bob"));
  EXPECT_EQ(Run("net localgroup Users bob /delete"), 0);
  EXPECT_FALSE(InGroup("Users", "bob"));
}

TEST_F(NetLocalGroup, ShowListsMembersByTheirBareNames) {
  EXPECT_EQ(Run("net localgroup Users"), 0);
  const std::string& out = Out();
  EXPECT_EQ(out.rfind("Alias name     Users\nComment        ", 0), 0u) << out;
  EXPECT_NE(out.find("\nMembers\n\n" + std::string(79, '-') + "\n"), std::string::npos) << out;
  EXPECT_NE(out.find("\nASPNET\n"), std::string::npos) << out;
  EXPECT_EQ(out.find("XPPRO\\ASPNET"), std::string::npos) << out;
  EXPECT_NE(out.find("The command completed successfully."), std::string::npos);
}

TEST_F(NetLocalGroup, ListNamesEveryGroup) {
  EXPECT_EQ(Run("net localgroup"), 0);
  EXPECT_NE(Out().find("*Administrators\n"), std::string::npos) << Out();
  EXPECT_NE(Out().find("*Users\n"), std::string::npos) << Out();
}

TEST_F(NetLocalGroup, MembersWithoutAddOrDeleteIsASyntaxError) {
  EXPECT_EQ(Run("net localgroup Users ASPNET"), 1);
  EXPECT_EQ(Run("net localgroup Users ASPNET /add /delete"), 1);
  EXPECT_NE(Out().find("NET LOCALGROUP"), std::string::npos);
  EXPECT_TRUE(InGroup("Users", "ASPNET"));
}

}  // namespace
}  // namespace legacy_test
