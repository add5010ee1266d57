// Sam: local users and groups, RIDs, names, lookups and how SIDs are displayed.
#include "fakes/sam.h"

#include <gtest/gtest.h>

#include "fakes/lsa.h"
#include "fakes/password_rules.h"
#include "test_machine.h"

namespace fakes_test {
namespace {

using fixer::Sid;

class SamTest : public ::testing::Test {
 protected:
  fakes::Machine m_{MinimalXpState()};
  fakes::Sam sam_{m_};
  Sid Domain() const { return m_.state().sam.domain; }
  fakes::LocalGroup& Users() { return *sam_.FindGroup("Users"); }
};

TEST(MachineSid, IsDeterministicPerSeedAndDiffersBetweenSeeds) {
  const Sid a = fakes::MachineSidFromSeed(7);
  EXPECT_EQ(a, fakes::MachineSidFromSeed(7));
  EXPECT_NE(a, fakes::MachineSidFromSeed(8));
  ASSERT_EQ(a.sub_authorities().size(), 4u);
  EXPECT_EQ(a.authority(), 5u);
  EXPECT_EQ(a.sub_authorities()[0], 21u);
  EXPECT_TRUE(a.WithRid(1000).IsAccountSid());
}

TEST_F(SamTest, NewUserGetsRid1000JoinsUsersAndStoresOnlyTheHash) {
  m_.Advance(3600);
  auto sid = sam_.CreateUser({.name = "ASPNET", .full_name = "aspnet_wp account"}, Pw("1pass@word"));
  ASSERT_TRUE(sid.ok()) << sid.status();
  EXPECT_EQ(*sid, Domain().WithRid(1000));
  EXPECT_EQ(m_.state().sam.next_rid, 1001u);
  const fakes::UserAccount* u = sam_.FindUser("aspnet");  // names compare case-insensitively
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->password_hash, fakes::NtHash("1pass@word"));
  EXPECT_NE(u->password_hash.find("b680cb50"), std::string::npos);
  EXPECT_EQ(u->password_last_set, m_.Now());
  EXPECT_EQ(sam_.GroupsOf(*sid), std::vector<Sid>{Sid::Users()});
  EXPECT_EQ(sam_.Describe(*u).groups, std::vector<std::string>{"Users"});
}

TEST_F(SamTest, RidsAreNeverReusedAfterDelete) {
  auto first = sam_.CreateUser({.name = "ASPNET"}, Pw("1pass@word"));
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(sam_.DeleteUser("ASPNET").ok());
  EXPECT_EQ(sam_.FindUser("ASPNET"), nullptr);
  auto second = sam_.CreateUser({.name = "ASPNET"}, Pw("1pass@word"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->Rid(), 1000u);
  EXPECT_EQ(second->Rid(), 1001u);
  EXPECT_NE(*first, *second);
  EXPECT_EQ(m_.state().sam.next_rid, 1002u);
}

TEST_F(SamTest, ExistingNameFailsWith2224) {
  ASSERT_TRUE(sam_.CreateUser({.name = "ASPNET"}, Pw("")).ok());
  auto again = sam_.CreateUser({.name = "aspnet"}, Pw(""));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.status().code(), 2224u);
  EXPECT_EQ(again.status().message(), "The account already exists.");
  EXPECT_EQ(m_.state().sam.next_rid, 1001u);  // a taken name is refused before the SAM takes a RID
}

// Users and local groups share one name space, and a new account's name is looked up as
// LsaLookupNames would: STATUS_ALIAS_EXISTS (1379) when a local group holds it, STATUS_USER_EXISTS
// (2224) for a user, a well-known principal or a domain's name (Samba's can_create, which records
// Windows Server 2003 answering so; ReactOS's NetpNtStatusToApiStatus maps 2224 and passes 1379).
TEST_F(SamTest, ANameTakenByAGroupIs1379AndByAPrincipalOrDomain2224) {
  const size_t users_before = m_.state().sam.users.size();
  for (const char* group : {"Users", "administrators", "POWER USERS"}) {
    const auto r = sam_.CreateUser({.name = group}, Pw(""));
    EXPECT_EQ(r.status().code(), 1379u) << group;
    EXPECT_EQ(r.status().message(), "The specified local group already exists.") << group;
  }
  for (const char* principal : {"SYSTEM", "network service", "Everyone", "Interactive", "XPPRO", "xppro", "Builtin"}) {
    EXPECT_EQ(sam_.CreateUser({.name = principal}, Pw("")).status().code(), 2224u) << principal;
  }
  EXPECT_EQ(m_.state().sam.users.size(), users_before);
  EXPECT_EQ(m_.state().sam.next_rid, 1000u);
  EXPECT_EQ(m_.faults().calls(), 0u);  // each refused before any change
  EXPECT_TRUE(sam_.CreateUser({.name = "XPPRO2"}, Pw("")).ok());
}

// A machine outside a domain keeps one global group in its account domain, None (RID 513, which
// ReactOS's samsrv creates at setup); the SAM's name check answers STATUS_GROUP_EXISTS for a group's
// name (ReactOS's SampCheckAccountNameInDomain), which NetUserAdd maps to NERR_GroupExists, 2223.
TEST_F(SamTest, ANameTakenByTheGlobalGroupNoneIs2223) {
  for (const char* none : {"None", "NONE", "none"}) {
    const auto r = sam_.CreateUser({.name = none}, Pw(""));
    EXPECT_EQ(r.status().code(), 2223u) << none;
    EXPECT_EQ(r.status().message(), "The group already exists.") << none;
    EXPECT_EQ(fakes::CheckNewGroupNameIn(m_.state(), none).code(), 2223u) << none;
  }
  EXPECT_EQ(m_.state().sam.next_rid, 1000u);  // refused before a RID is taken
  EXPECT_EQ(m_.faults().calls(), 0u);
  EXPECT_TRUE(sam_.CreateUser({.name = "Nonesuch"}, Pw("")).ok());
}

// NetUserAdd creates the account, which takes a RID, before it sets the password; when the policy
// refuses the password the account is deleted again and its RID stays used (ReactOS's samsrv
// allocates NextRid in SamrCreateUser2InDomain, which carries no password; Samba's libnetapi
// NetUserAdd deletes the account when setting its information fails).
TEST_F(SamTest, APasswordThePolicyRefusesStillUsesUpTheRid) {
  m_.state().lsa.password_policy.complexity = true;
  const std::vector<Sid> users_before = Users().members;
  auto r = sam_.CreateUser({.name = "ASPNET"}, Pw("aspnet"));
  EXPECT_EQ(r.status().code(), 2245u);
  EXPECT_EQ(sam_.FindUser("ASPNET"), nullptr);
  EXPECT_EQ(Users().members, users_before);
  EXPECT_EQ(m_.state().sam.next_rid, 1001u);
  auto next = sam_.CreateUser({.name = "ASPNET"}, Pw("1pass@word"));
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_EQ(next->Rid(), 1001u);
}

TEST_F(SamTest, MissingUserFailsWith2221) {
  const fixer::Status st = sam_.DeleteUser("ASPNET");
  EXPECT_EQ(st.code(), 2221u);
  EXPECT_EQ(st.message(), "The user name could not be found.");
  EXPECT_EQ(sam_.SetPassword("ASPNET", Pw("x")).code(), 2221u);
  EXPECT_EQ(sam_.SetFlags("ASPNET", {}).code(), 2221u);
}

TEST_F(SamTest, InvalidUserNamesFailWith2202) {
  for (const char* bad : {"a\"b", "a/b", "a\\b", "a[b", "a]b", "a:b",  "a;b",
                          "a|b",  "a=b", "a,b",  "a+b", "a*b", "a?b",  "a<b",
                          "a>b",  "...", "  ",   ". .", "",    "a\tb", "abcdefghijklmnopqrstu" /* 21 */,
                          "bob." /* USER_INFO_0 remarks: no name ends with a period */}) {
    auto r = sam_.CreateUser({.name = bad}, Pw(""));
    ASSERT_FALSE(r.ok()) << "'" << bad << "'";
    EXPECT_EQ(r.status().code(), 2202u) << "'" << bad << "'";
  }
  EXPECT_EQ(sam_.CreateUser({.name = "a/b"}, Pw("")).status().message(),
            "The user name or group name parameter is invalid.");
  EXPECT_TRUE(sam_.CreateUser({.name = "abcdefghijklmnopqrst"}, Pw("")).ok());  // exactly 20
  EXPECT_TRUE(sam_.CreateUser({.name = "j.smith"}, Pw("")).ok());
}

// An administrator's set pushes the old hash onto the history but is not bound by it: "password
// history does not apply when an administrator is setting a user's password" (Q102529).
TEST_F(SamTest, SetPasswordKeepsTheHistoryButIsNotBoundByIt) {
  ASSERT_TRUE(sam_.CreateUser({.name = "bob"}, Pw("first")).ok());
  m_.state().lsa.password_policy.history = 24;
  m_.Advance(100);
  ASSERT_TRUE(sam_.SetPassword("bob", Pw("second")).ok());
  const fakes::UserAccount* u = sam_.FindUser("bob");
  EXPECT_EQ(u->password_hash, fakes::NtHash("second"));
  EXPECT_EQ(u->password_history, std::vector<std::string>{fakes::NtHash("first")});
  EXPECT_EQ(u->password_last_set, m_.Now());
  // The current password and the one before it, both remembered, may be set again.
  EXPECT_TRUE(sam_.CheckPassword("bob", Pw("second")).ok());
  EXPECT_TRUE(sam_.CheckPassword("bob", Pw("first")).ok());
  ASSERT_TRUE(sam_.SetPassword("bob", Pw("first")).ok());
  EXPECT_EQ(u->password_hash, fakes::NtHash("first"));
  EXPECT_EQ(u->password_history, (std::vector<std::string>{fakes::NtHash("second"), fakes::NtHash("first")}));
}

// Length and complexity still bind an administrator's set.
TEST_F(SamTest, SetPasswordChecksLengthWhateverTheHistory) {
  ASSERT_TRUE(sam_.CreateUser({.name = "bob"}, Pw("first")).ok());
  m_.state().lsa.password_policy.history = 3;
  m_.state().lsa.password_policy.min_length = 8;
  EXPECT_EQ(sam_.SetPassword("bob", Pw("short")).code(), 2245u);
  EXPECT_TRUE(sam_.SetPassword("bob", Pw("long enough")).ok());
}

TEST_F(SamTest, SetPasswordChecksComplexityAgainstTheAccountsNames) {
  ASSERT_TRUE(sam_.CreateUser({.name = "ASPNET", .full_name = "aspnet_wp account"}, Pw("x")).ok());
  m_.state().lsa.password_policy.complexity = true;
  EXPECT_EQ(sam_.SetPassword("ASPNET", Pw("Account#9")).code(), 2245u);
  EXPECT_TRUE(sam_.SetPassword("ASPNET", Pw("1pass@word")).ok());
}

// NetUserSetInfo (USER_INFO_1008): UF_LOCKOUT can be cleared, never set; MS-SAMR: an unlock
// sets the bad-password count back to 0. The flags are all it writes: "must change password"
// is usri_password_expired, another field, and a count with no lockout stays.
TEST_F(SamTest, SetFlagsUnlocksButCannotLockAndResetsTheCountOnlyOnUnlock) {
  ASSERT_TRUE(sam_.CreateUser({.name = "bob"}, Pw("pw")).ok());
  fakes::UserAccount* u = sam_.FindUser("bob");
  u->flags.locked_out = true;
  u->locked_out_at = m_.Now();
  u->bad_password_count = 5;
  u->password_expired = true;
  ASSERT_TRUE(sam_.SetFlags("bob", {.disabled = true, .locked_out = false, .password_never_expires = true}).ok());
  EXPECT_FALSE(u->flags.locked_out);
  EXPECT_TRUE(u->flags.disabled);
  EXPECT_TRUE(u->flags.password_never_expires);
  EXPECT_EQ(u->bad_password_count, 0u);
  EXPECT_TRUE(u->password_expired);
  ASSERT_TRUE(sam_.SetFlags("bob", {.locked_out = true}).ok());
  EXPECT_FALSE(u->flags.locked_out);  // UF_LOCKOUT can only be cleared
  EXPECT_FALSE(u->flags.disabled);

  u->bad_password_count = 2;  // two bad passwords, no lockout
  ASSERT_TRUE(sam_.SetFlags("bob", {.disabled = true}).ok());
  EXPECT_EQ(u->bad_password_count, 2u);
}

TEST_F(SamTest, BuiltinAccountsCannotBeDeleted) {
  const fixer::Status st = sam_.DeleteUser("Administrator");
  EXPECT_EQ(st.code(), 1371u);
  EXPECT_EQ(st.message(), "Cannot perform this operation on built-in accounts.");
  EXPECT_EQ(sam_.DeleteUser("guest").code(), 1371u);
  EXPECT_NE(sam_.FindUser("Administrator"), nullptr);
}

// MS-SAMR SamrDeleteUser: "If the RID of U's objectSid attribute value is less than 1000, an error
// MUST be returned" - every well-known account, not only Administrator (500) and Guest (501).
TEST_F(SamTest, EveryAccountBelowRid1000IsBuiltInAndCannotBeDeleted) {
  for (const uint32_t rid : {502u, 503u, 999u}) {
    fakes::UserAccount builtin;
    builtin.rid = rid;
    builtin.name = "builtin" + std::to_string(rid);
    m_.state().sam.users.push_back(builtin);
    EXPECT_EQ(sam_.DeleteUser(builtin.name).code(), fixer::kErrorSpecialAccount) << rid;
    EXPECT_NE(sam_.FindUser(builtin.name), nullptr) << rid;
  }
  auto first = sam_.CreateUser({.name = "first"}, Pw(""));
  ASSERT_TRUE(first.ok());
  EXPECT_GE(first->Rid(), fakes::kFirstAccountRid);
  EXPECT_TRUE(sam_.DeleteUser("first").ok());
}

TEST_F(SamTest, GroupMembershipAddAndRemoveWithTheirErrors) {
  auto sid = sam_.CreateUser({.name = "bob"}, Pw(""));
  ASSERT_TRUE(sid.ok());
  ASSERT_TRUE(sam_.AddMember("administrators", *sid).ok());
  EXPECT_EQ(sam_.GroupsOf(*sid), (std::vector<Sid>{Sid::Administrators(), Sid::Users()}));
  EXPECT_EQ(sam_.Describe(*sam_.FindUser("bob")).groups, (std::vector<std::string>{"Administrators", "Users"}));

  const fixer::Status twice = sam_.AddMember("Administrators", *sid);
  EXPECT_EQ(twice.code(), 1378u);
  EXPECT_EQ(twice.message(), "The specified account name is already a member of the local group.");
  const fixer::Status no_group = sam_.AddMember("Backup Operators", *sid);
  EXPECT_EQ(no_group.code(), 2220u);  // NERR_GroupNotFound, as NetLocalGroupAddMembers answers
  EXPECT_EQ(no_group.message(), "The group name could not be found.");

  ASSERT_TRUE(sam_.RemoveMember("Administrators", *sid).ok());
  const fixer::Status not_member = sam_.RemoveMember("Administrators", *sid);
  EXPECT_EQ(not_member.code(), 1377u);
  EXPECT_EQ(not_member.message(), "The specified account name is not a member of the local group.");
  EXPECT_EQ(sam_.RemoveMember("Nope", *sid).code(), 2220u);
}

// The SAM refuses to take the built-in Administrator (RID 500 of the machine's domain, whatever
// its name) out of Administrators: 1371, as Windows was seen answering; that it does so before it
// looks at membership is the model's choice (docs/windows-reference.md#local-groups). Another
// domain's RID 500 is any member.
TEST_F(SamTest, TheBuiltInAdministratorCannotLeaveAdministrators) {
  const Sid admin = sam_.SidOf(*sam_.FindUser("Administrator"));
  ASSERT_EQ(admin.Rid(), fakes::kAdministratorRid);
  const fakes::MachineState before = m_.state();
  const fixer::Status refused = sam_.RemoveMember("Administrators", admin);
  EXPECT_EQ(refused.code(), 1371u);
  EXPECT_EQ(refused.message(), "Cannot perform this operation on built-in accounts.");
  EXPECT_EQ(m_.state(), before);
  EXPECT_EQ(sam_.CheckRemovedMember("administrators", admin).code(), 1371u);

  ASSERT_TRUE(sam_.AddMember("Users", admin).ok());
  EXPECT_TRUE(sam_.RemoveMember("Users", admin).ok());  // any other group: as any account
  const Sid other_domains = *Sid::Parse("S-1-5-21-1-2-3-500");
  ASSERT_TRUE(sam_.AddMember("Administrators", other_domains).ok());
  EXPECT_TRUE(sam_.RemoveMember("Administrators", other_domains).ok());
}

// NetLocalGroupAddMembers' documented errors: a member that does not exist (1387), a member
// of the wrong account type (1388); MS-SAMR SamrAddMemberToAlias: only a SID of the machine's
// own domain is looked up (docs/windows-reference.md#local-groups).
TEST_F(SamTest, AddMemberRefusesADeletedAccountAndALocalGroup) {
  auto sid = sam_.CreateUser({.name = "bob"}, Pw(""));
  ASSERT_TRUE(sid.ok());
  ASSERT_TRUE(sam_.DeleteUser("bob").ok());
  const fakes::MachineState before = m_.state();
  m_.faults().ResetCounters();
  const fixer::Status orphan = sam_.AddMember("Administrators", *sid);
  EXPECT_EQ(orphan.code(), 1387u);
  EXPECT_EQ(orphan.message(),
            "A member could not be added to or removed from the local group because the member does not exist.");
  const fixer::Status group = sam_.AddMember("Administrators", Sid::Users());
  EXPECT_EQ(group.code(), 1388u);
  EXPECT_EQ(group.message(),
            "A new member could not be added to a local group because the member has the wrong account type.");
  EXPECT_TRUE(m_.state() == before);
  EXPECT_EQ(m_.faults().calls(), 0u);  // refused before any mutation
  // A well-known SID of another authority is not looked up: Users holds INTERACTIVE on XP.
  EXPECT_TRUE(sam_.AddMember("Administrators", Sid::Interactive()).ok());
  EXPECT_EQ(sam_.AddMember("Nope", *sid).code(), 2220u);  // the group is judged first
}

TEST_F(SamTest, DeleteRemovesMembershipsButLeavesRightsOfTheSid) {
  auto sid = sam_.CreateUser({.name = "ASPNET"}, Pw(""));
  ASSERT_TRUE(sid.ok());
  fakes::Lsa lsa(m_);
  ASSERT_TRUE(lsa.Grant(*sid, "SeBatchLogonRight").ok());
  ASSERT_TRUE(sam_.DeleteUser("ASPNET").ok());
  EXPECT_TRUE(sam_.GroupsOf(*sid).empty());
  EXPECT_TRUE(Users().members.empty());
  EXPECT_EQ(lsa.RightsOf(*sid), std::vector<std::string>{"SeBatchLogonRight"});  // an orphan now
}

TEST_F(SamTest, LookupSidNamesUsersGroupsAndWellKnownSids) {
  auto sid = sam_.CreateUser({.name = "ASPNET"}, Pw(""));
  ASSERT_TRUE(sid.ok());
  EXPECT_EQ(*sam_.LookupSid(*sid), "ASPNET");
  EXPECT_EQ(*sam_.LookupSid(Domain().WithRid(500)), "Administrator");
  EXPECT_EQ(*sam_.LookupSid(Sid::Users()), "Users");
  EXPECT_EQ(*sam_.LookupSid(Sid::NetworkService()), "NETWORK SERVICE");
  EXPECT_EQ(*sam_.LookupSid(Sid::LocalSystem()), "SYSTEM");
  EXPECT_EQ(*sam_.LookupSid(Sid::Everyone()), "Everyone");
  EXPECT_EQ(*sam_.LookupSid(Sid::CreatorOwner()), "CREATOR OWNER");
}

TEST_F(SamTest, DeletedAccountSidMapsToNothing) {
  auto sid = sam_.CreateUser({.name = "ASPNET"}, Pw(""));
  ASSERT_TRUE(sid.ok());
  ASSERT_TRUE(sam_.DeleteUser("ASPNET").ok());
  auto name = sam_.LookupSid(*sid);
  ASSERT_FALSE(name.ok());
  EXPECT_EQ(name.status().code(), 1332u);
  EXPECT_EQ(name.status().message(), "No mapping between account names and security IDs was done.");
  // A SID of another machine's domain with a RID that exists here maps to nothing either.
  EXPECT_EQ(sam_.LookupSid(Sid::Machine(1, 2, 3).WithRid(500)).status().code(), 1332u);
}

TEST_F(SamTest, LookupNameAcceptsBareAndQualifiedNames) {
  auto sid = sam_.CreateUser({.name = "ASPNET"}, Pw(""));
  ASSERT_TRUE(sid.ok());
  EXPECT_EQ(*sam_.LookupName("aspnet"), *sid);
  EXPECT_EQ(*sam_.LookupName("XPPRO\\ASPNET"), *sid);
  EXPECT_EQ(*sam_.LookupName(".\\ASPNET"), *sid);
  EXPECT_EQ(*sam_.LookupName("BUILTIN\\Users"), Sid::Users());
  EXPECT_EQ(*sam_.LookupName("NT AUTHORITY\\SYSTEM"), Sid::LocalSystem());
  EXPECT_EQ(*sam_.LookupName("network service"), Sid::NetworkService());
  EXPECT_EQ(*sam_.LookupName("Everyone"), Sid::Everyone());
  EXPECT_EQ(sam_.LookupName("BUILTIN\\ASPNET").status().code(), 1332u);
  EXPECT_EQ(sam_.LookupName("OTHERPC\\ASPNET").status().code(), 1332u);
  EXPECT_EQ(sam_.LookupName("nobody").status().code(), 1332u);
}

// LsaLookupNames' remarks: an isolated name is first a well-known name ("Interactive"), then an
// account of the built-in domain, then one of the account domain. A local user named like a
// well-known principal is found only by its qualified name. NetUserAdd refuses to make one (2224);
// a machine file in the full form may still hold one, and it is put in the state here.
TEST_F(SamTest, AnIsolatedNameIsAWellKnownNameBeforeALocalAccount) {
  ASSERT_EQ(sam_.CreateUser({.name = "Service"}, Pw("")).status().code(), 2224u);
  fakes::UserAccount user;
  user.name = "Service";
  user.rid = m_.state().sam.next_rid++;
  m_.state().sam.users.push_back(user);
  const std::optional<Sid> service = fakes::UserSidIn(m_.state(), "Service");
  ASSERT_TRUE(service.has_value());
  EXPECT_EQ(*sam_.LookupName("service"), Sid::Service());
  EXPECT_EQ(*sam_.LookupName("NT AUTHORITY\\SERVICE"), Sid::Service());
  EXPECT_EQ(*sam_.LookupName("XPPRO\\Service"), *service);
  EXPECT_EQ(*sam_.LookupName(".\\service"), *service);
}

TEST_F(SamTest, DisplayNameQualifiesByDomainAndShowsOrphansAsBareSids) {
  auto sid = sam_.CreateUser({.name = "ASPNET"}, Pw(""));
  ASSERT_TRUE(sid.ok());
  EXPECT_EQ(sam_.DisplayName(*sid), "XPPRO\\ASPNET");
  EXPECT_EQ(sam_.DisplayName(Sid::Users()), "BUILTIN\\Users");
  EXPECT_EQ(sam_.DisplayName(Sid::Administrators()), "BUILTIN\\Administrators");
  EXPECT_EQ(sam_.DisplayName(Sid::LocalSystem()), "NT AUTHORITY\\SYSTEM");
  EXPECT_EQ(sam_.DisplayName(Sid::NetworkService()), "NT AUTHORITY\\NETWORK SERVICE");
  EXPECT_EQ(sam_.DisplayName(Sid::Everyone()), "Everyone");
  ASSERT_TRUE(sam_.DeleteUser("ASPNET").ok());
  EXPECT_EQ(sam_.DisplayName(*sid), sid->ToString());
  EXPECT_EQ(sam_.DisplayName(*sid).rfind("S-1-5-21-", 0), 0u);
}

TEST_F(SamTest, FindUserBySidFindsOnlyThisMachinesAccounts) {
  auto sid = sam_.CreateUser({.name = "ASPNET"}, Pw(""));
  ASSERT_TRUE(sid.ok());
  ASSERT_NE(sam_.FindUserBySid(*sid), nullptr);
  EXPECT_EQ(sam_.FindUserBySid(*sid)->name, "ASPNET");
  EXPECT_EQ(sam_.FindUserBySid(Sid::Machine(1, 2, 3).WithRid(1000)), nullptr);
}

// Each mutation, failed by the fault plan, returns the injected error and changes nothing.
TEST_F(SamTest, InjectedFaultLeavesStateUnchanged) {
  auto sid = sam_.CreateUser({.name = "bob"}, Pw("pw"));
  ASSERT_TRUE(sid.ok());
  for (const char* op : {"sam.create_user", "sam.delete_user", "sam.set_password", "sam.set_flags", "sam.add_member",
                         "sam.remove_member"}) {
    fakes::FaultPlan plan;
    plan.Add({.op = op, .nth = 1, .kind = fakes::FaultKind::kFail, .error = 5});
    m_.set_faults(plan);
    const fakes::MachineState before = m_.state();
    fixer::Status st;
    const std::string o = op;
    if (o == "sam.create_user") st = sam_.CreateUser({.name = "carol"}, Pw("x")).status();
    if (o == "sam.delete_user") st = sam_.DeleteUser("bob");
    if (o == "sam.set_password") st = sam_.SetPassword("bob", Pw("other"));
    if (o == "sam.set_flags") st = sam_.SetFlags("bob", {.disabled = true});
    if (o == "sam.add_member") st = sam_.AddMember("Power Users", *sid);
    if (o == "sam.remove_member") st = sam_.RemoveMember("Users", *sid);
    EXPECT_EQ(st.code(), 5u) << op;
    EXPECT_TRUE(m_.state() == before) << op;
    ASSERT_EQ(m_.faults().trace().size(), 1u) << op;
    EXPECT_EQ(m_.faults().trace()[0].op, o);
  }
}

}  // namespace
}  // namespace fakes_test
