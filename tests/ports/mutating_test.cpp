// The port contract, mutating part: each test creates a test user of its own
// (fxsim_contract_XXXXX), changes only that user, what names its SID and a scratch folder of the
// factory's, and deletes them again; never ASPNET or another account. Runs only where the
// factory allows it (the fake; Windows in a disposable VM or a fresh WINEPREFIX, docs/windows.md).
#include <algorithm>
#include <cctype>
#include <functional>

#include "contract.h"

namespace ports_contract {
namespace {

bool HasName(const std::vector<std::string>& names, std::string_view wanted) {
  auto fold = [](std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
  };
  return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return fold(n) == fold(wanted); });
}

bool Holds(const fixer::Result<std::vector<std::string>>& held, std::string_view right) {
  return held.ok() && std::find(held->begin(), held->end(), right) != held->end();
}

class Mutating : public PortContract {
 protected:
  void SetUp() override {
    PortContract::SetUp();
    if (!MutatingAllowed()) GTEST_SKIP() << "mutating tests are not allowed on this backend";
  }
};

using MutatingAccounts = Mutating;
using MutatingRights = Mutating;
using MutatingSecrets = Mutating;
using MutatingDelete = Mutating;
using MutatingJournal = Mutating;
using MutatingServices = Mutating;

// A SID of a domain no machine has: an ACE may name it (SetEntriesInAcl takes any valid SID), and
// nothing else on the machine does.
const fixer::Sid kSidOfNoAccount = *fixer::Sid::Parse("S-1-5-21-1-2-3-424243");

// The first of `names` the machine has in `state`; "" when none is.
std::string FirstServiceIn(fixer::ServiceControl& services, std::initializer_list<const char*> names,
                           fixer::ServiceState state) {
  for (const char* name : names) {
    auto info = services.Query(name);
    if (info.ok() && info->state == state) return name;
  }
  return "";
}

// accounts.h: Create adds the user to Users and answers its SID; "2224 if the name exists";
// Delete: "2221 if absent". Windows: NetUserAdd of an existing name answers NERR_UserExists ("The
// user account already exists.", learn nf-lmaccess-netuseradd, Return value; Wine's test below
// only skips on it), and a second NetUserDel answers NERR_UserNotFound (Wine
// dlls/netapi32/tests/access.c, run_userhandling_tests).
TEST_F(MutatingAccounts, CreateLookupDelete) {
  const std::string name = TestUserName();
  auto sid = CreateTestUser(name);
  ExpectOk(sid.status(), "Create(" + name + ")");
  if (!sid.ok()) return;
  std::string upper = name;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto found = ports().accounts.Lookup(upper);
  ExpectOk(found.status(), "Lookup(" + upper + ")");
  if (found.ok()) {
    Expect(found->sid == *sid, "Lookup answers the SID Create gave");
    Expect(HasName(found->groups, "Users"), "a new user is a member of Users");
    Expect(!found->password_not_required, "a new user needs a password (no UF_PASSWD_NOTREQD)");
  }
  ExpectCode(ports().accounts.Create({.name = name}, TestPassword()).status(), 2224, "Create of an existing name");
  ExpectOk(ports().accounts.Delete(name), "Delete(" + name + ")");
  ExpectCode(ports().accounts.Lookup(name).status(), 2221, "Lookup after Delete");
  ExpectCode(ports().accounts.Delete(name), 2221, "Delete of a deleted user");
}

// Users and local groups share one name space, and NetUserAdd answers by what holds the name:
// STATUS_ALIAS_EXISTS, 1379, for a local group; STATUS_USER_EXISTS, 2224, for a well-known
// principal (docs/windows-reference.md#account-names-taken). Nothing is created either way.
TEST_F(MutatingAccounts, ANameTakenIsRefusedByWhatHoldsIt) {
  ExpectCode(ports().accounts.Create({.name = "Users"}, TestPassword()).status(), 1379, "Create(Users)");
  ExpectCode(ports().accounts.Create({.name = "SYSTEM"}, TestPassword()).status(), 2224, "Create(SYSTEM)");
  ExpectCode(ports().accounts.Lookup("SYSTEM").status(), 2221, "Lookup(SYSTEM): no user was made");
}

// accounts.h: "gives it the next never-used RID" - a deleted user's SID is never given again.
TEST_F(MutatingAccounts, ASidIsNeverReused) {
  const std::string first = TestUserName();
  auto a = CreateTestUser(first);
  ExpectOk(a.status(), "Create(" + first + ")");
  if (!a.ok()) return;
  ExpectOk(ports().accounts.Delete(first), "Delete(" + first + ")");
  auto b = CreateTestUser(TestUserName());
  ExpectOk(b.status(), "Create(second user)");
  if (b.ok()) {
    Expect(*b != *a, "the second user's SID differs from the deleted one's");
    Expect(b->Domain() == a->Domain() && b->Rid() > a->Rid(),
           "RIDs only grow: " + a->ToString() + " then " + b->ToString());
  }
}

// accounts.h: AddToGroup "2220 no such group, 1378 already a member" (NERR_GroupNotFound,
// ERROR_MEMBER_IN_ALIAS of NetLocalGroupAddMembers; not net.exe's 1376: docs/windows-reference.md#local-groups).
TEST_F(MutatingAccounts, GroupMembershipErrors) {
  auto sid = CreateTestUser(TestUserName());
  ExpectOk(sid.status(), "Create(test user)");
  if (!sid.ok()) return;
  ExpectCode(ports().accounts.AddToGroup("Users", *sid), 1378, "AddToGroup(Users) of a member");
  ExpectCode(ports().accounts.AddToGroup("fxsim_no_such_group", *sid), 2220, "AddToGroup(unknown group)");
}

// accounts.h: RemoveFromGroup "2220 no such group, 1377 not a member" (NERR_GroupNotFound,
// ERROR_MEMBER_NOT_IN_ALIAS of NetLocalGroupDelMembers): a new account is in Users (NetUserAdd), taken
// out as Lookup reads it back, and a second removal is 1377.
TEST_F(MutatingAccounts, RemoveFromGroupTakesANewAccountOutOfUsers) {
  const std::string name = TestUserName();
  auto sid = CreateTestUser(name);
  ExpectOk(sid.status(), "Create(" + name + ")");
  if (!sid.ok()) return;
  auto in_users = [&]() {
    auto found = ports().accounts.Lookup(name);
    ExpectOk(found.status(), "Lookup");
    return found.ok() && HasName(found->groups, "Users");
  };
  Expect(in_users(), "a new account is a member of Users");
  ExpectOk(ports().accounts.RemoveFromGroup("Users", *sid), "RemoveFromGroup(Users)");
  Expect(!in_users(), "Lookup no longer lists Users after RemoveFromGroup(Users)");
  ExpectCode(ports().accounts.RemoveFromGroup("Users", *sid), 1377, "RemoveFromGroup(Users) of a non-member");
  ExpectCode(ports().accounts.RemoveFromGroup("fxsim_no_such_group", *sid), 2220, "RemoveFromGroup(unknown group)");
}

// accounts.h: SetFlags sets disabled / never-expires, as Lookup reads them back; SetPassword:
// "2221 if absent".
TEST_F(MutatingAccounts, FlagsReadBackAndUnknownUserIs2221) {
  const std::string name = TestUserName();
  auto sid = CreateTestUser(name);
  ExpectOk(sid.status(), "Create(" + name + ")");
  if (!sid.ok()) return;
  ExpectOk(ports().accounts.SetFlags(name, {.disabled = true, .password_never_expires = true}), "SetFlags");
  auto found = ports().accounts.Lookup(name);
  ExpectOk(found.status(), "Lookup");
  if (found.ok()) {
    Expect(found->flags.disabled && found->flags.password_never_expires, "the flags set are read back");
    Expect(!found->flags.locked_out && !found->flags.cannot_change_password, "the flags not set are clear");
  }
  ExpectCode(ports().accounts.SetPassword("fxsim_no_such_user", TestPassword()), 2221, "SetPassword(unknown)");
}

// accounts.h: RequirePasswordChange sets "must change password at next logon", which Lookup reads
// as password_expired (usri4_password_expired), and a password set clears it; "2221 if absent".
TEST_F(MutatingAccounts, RequirePasswordChangeIsReadBackAndAPasswordSetClearsIt) {
  const std::string name = TestUserName();
  auto sid = CreateTestUser(name);
  ExpectOk(sid.status(), "Create(" + name + ")");
  if (!sid.ok()) return;
  ExpectOk(ports().accounts.RequirePasswordChange(name), "RequirePasswordChange");
  auto marked = ports().accounts.Lookup(name);
  ExpectOk(marked.status(), "Lookup after RequirePasswordChange");
  if (marked.ok()) Expect(marked->password_expired, "the account must change its password");
  ExpectOk(ports().accounts.SetPassword(name, TestPassword()), "SetPassword");
  auto reset = ports().accounts.Lookup(name);
  ExpectOk(reset.status(), "Lookup after SetPassword");
  if (reset.ok()) Expect(!reset->password_expired, "a password set clears the mark");
  ExpectCode(ports().accounts.RequirePasswordChange("fxsim_no_such_user"), 2221, "RequirePasswordChange(unknown)");
}

// rights.h: Grant and Revoke are idempotent, Of enumerates after each, sorted; "1313
// ERROR_NO_SUCH_PRIVILEGE for an unknown right name".
TEST_F(MutatingRights, GrantRevokeEnumerate) {
  auto sid = CreateTestUser(TestUserName());
  ExpectOk(sid.status(), "Create(test user)");
  if (!sid.ok()) return;
  const std::string batch(fixer::kSeBatchLogonRight);
  ExpectOk(ports().rights.Grant(*sid, batch), "Grant(SeBatchLogonRight)");
  ExpectOk(ports().rights.Grant(*sid, batch), "Grant(SeBatchLogonRight) again");
  auto held = ports().rights.Of(*sid);
  ExpectOk(held.status(), "Of after Grant");
  Expect(Holds(held, batch), "Of lists the granted right");
  if (held.ok()) Expect(std::is_sorted(held->begin(), held->end()), "Of is sorted");
  ExpectOk(ports().rights.Revoke(*sid, batch), "Revoke(SeBatchLogonRight)");
  ExpectOk(ports().rights.Revoke(*sid, batch), "Revoke(SeBatchLogonRight) again");
  auto after = ports().rights.Of(*sid);
  ExpectOk(after.status(), "Of after Revoke");
  Expect(after.ok() && !Holds(after, batch), "Of no longer lists the revoked right");
  ExpectCode(ports().rights.Grant(*sid, "SeFxsimNoSuchRight"), 1313, "Grant(unknown right)");
}

// logon.h: CheckPassword is a batch logon: OK for the account's own password, 1326 for another
// (the wrong one judged before the logon right), 1326 for a name no account has. Windows:
// LogonUser answers ERROR_LOGON_FAILURE for a bad password or an unknown name
// (docs/windows-reference.md#logon-order). accounts.h: NameOf names the new user as
// LookupAccountSid does, "DOMAIN\name", and 1332 once it is deleted.
TEST_F(MutatingAccounts, CheckPasswordIsABatchLogonAndNameOfNamesTheUser) {
  const std::string name = TestUserName();
  auto sid = CreateTestUser(name);
  ExpectOk(sid.status(), "Create(" + name + ")");
  if (!sid.ok()) return;
  ExpectOk(ports().rights.Grant(*sid, std::string(fixer::kSeBatchLogonRight)), "Grant(SeBatchLogonRight)");
  ExpectOk(ports().logon.CheckPassword(name, TestPassword()), "CheckPassword(" + name + ", its password)");
  ExpectCode(ports().logon.CheckPassword(name, fixer::Secret::FromString("Not-its-passw0rd!")), 1326,
             "CheckPassword(" + name + ", another password)");
  ExpectCode(ports().logon.CheckPassword("fxsim_no_such_user", TestPassword()), 1326,
             "CheckPassword(fxsim_no_such_user)");
  auto named = ports().accounts.NameOf(*sid);
  ExpectOk(named.status(), "NameOf(" + sid->ToString() + ")");
  if (named.ok()) {
    const size_t slash = named->find('\\');
    Expect(slash != std::string::npos && HasName({named->substr(slash + 1)}, name),
           "NameOf names the user as DOMAIN\\name: " + *named);
  }
  ExpectOk(ports().accounts.Delete(name), "Delete(" + name + ")");
  ExpectCode(ports().accounts.NameOf(*sid).status(), 1332, "NameOf of the deleted user's SID");
}

// rights.h: right names are case-insensitive, as the LSA's are: a right held is revoked by
// any spelling of its name, and granted again in another spelling it is still held once.
// Windows: user rights are named by the constants of "Account Rights Constants" and privileges
// looked up by LookupPrivilegeValue, whose names are case-insensitive (learn.microsoft.com,
// LookupPrivilegeValueW, lpName; Wine dlls/advapi32/security.c compares them with wcsicmp).
TEST_F(MutatingRights, RightNamesAreCaseInsensitive) {
  auto sid = CreateTestUser(TestUserName());
  ExpectOk(sid.status(), "Create(test user)");
  if (!sid.ok()) return;
  const std::string batch(fixer::kSeBatchLogonRight);
  ExpectOk(ports().rights.Grant(*sid, batch), "Grant(SeBatchLogonRight)");
  ExpectOk(ports().rights.Grant(*sid, "SEBATCHLOGONRIGHT"), "Grant(SEBATCHLOGONRIGHT) of a held right");
  auto held = ports().rights.Of(*sid);
  ExpectOk(held.status(), "Of after Grant");
  Expect(held.ok() && std::ranges::count_if(*held, [&](const std::string& r) { return HasName({r}, batch); }) == 1,
         "Of lists the right once");
  ExpectOk(ports().rights.Revoke(*sid, "sebatchlogonright"), "Revoke(sebatchlogonright) of a held SeBatchLogonRight");
  auto after = ports().rights.Of(*sid);
  ExpectOk(after.status(), "Of after Revoke");
  Expect(after.ok() && !HasName(*after, batch), "the right is no longer held, in any spelling");
}

// rights.h: "1313 ERROR_NO_SUCH_PRIVILEGE for an unknown right name", for Revoke too, where no
// right is held: LsaRemoveAccountRights answers STATUS_NO_SUCH_PRIVILEGE for a name it does not
// know (learn.microsoft.com, LsaRemoveAccountRights; LsaNtStatusToWinError maps it to 1313).
// Known rights a SID does not hold are revoked with success: a privilege and a logon right, in
// any case. No test user: nothing can change.
TEST_F(MutatingRights, RevokeOfAnUnknownRightIs1313AndOfAKnownOneNotHeldSucceeds) {
  const fixer::Sid unused = kSidOfNoAccount;
  ExpectCode(ports().rights.Revoke(unused, "SeFxsimNoSuchRight"), 1313, "Revoke(unknown right)");
  ExpectOk(ports().rights.Revoke(unused, "SeBackupPrivilege"), "Revoke(SeBackupPrivilege), not held");
  ExpectOk(ports().rights.Revoke(unused, "sebatchlogonright"), "Revoke(sebatchlogonright), not held");
}

// secrets.h: what Store keeps, Retrieve gives back. Leaves an LSA secret of the test's own name
// (the port has no delete), emptied at the end.
TEST_F(MutatingSecrets, StoreThenRetrieveRoundTrips) {
  const std::string key = "L$" + TestUserName();
  const fixer::Secret value = fixer::Secret::FromString("fxsim contract value");
  ExpectOk(ports().secrets.Store(key, value), "Store(" + key + ")");
  auto back = ports().secrets.Retrieve(key);
  ExpectOk(back.status(), "Retrieve(" + key + ")");
  if (back.ok()) Expect(*back == value, "Retrieve gives back what Store kept");
  (void)ports().secrets.Store(key, fixer::Secret());
}

// accounts.h: Delete "leaves its profile and every ACE naming its SID in place"; security.h:
// the ACE then names a SID that resolves to nothing. profiles.h: the profile a profile-loading
// logon created stays after the delete, until Profiles::Delete removes it.
TEST_F(MutatingDelete, LeavesAcesAndProfileNamingTheBareSid) {
  const std::string name = TestUserName();
  auto sid = CreateTestUser(name);
  ExpectOk(sid.status(), "Create(" + name + ")");
  if (!sid.ok()) return;
  const std::string folder = Factory().MakeScratchFolder(backend());
  const fixer::ObjectRef object{fixer::ObjectNamespace::kFile, folder};
  ExpectOk(ports().security.AddAce(object, {fixer::AceType::kAllow, *sid, fixer::kFileModify, 0}), "AddAce");
  const fixer::Status logon = ports().logon.RunWithProfile(name, TestPassword(), "cmd.exe /c exit");
  ExpectOk(logon, "RunWithProfile(" + name + ")");

  ExpectOk(ports().accounts.Delete(name), "Delete(" + name + ")");
  auto aces = ports().security.FindAces(*sid);
  ExpectOk(aces.status(), "FindAces after Delete");
  const bool kept = aces.ok() && std::any_of(aces->begin(), aces->end(), [&](const fixer::AceGrant& g) {
                      return g.ace.sid == *sid && g.ace.mask == fixer::kFileModify;
                    });
  Expect(kept, "the ACE naming the deleted SID stays");
  auto profile = ports().profiles.Find(*sid);
  ExpectOk(profile.status(), "Profiles::Find after Delete");
  if (logon.ok()) {
    Expect(profile.ok() && profile->has_value() && (*profile)->folder_exists,
           "the profile and its folder stay after the account is deleted");
    ExpectOk(ports().profiles.Delete(*sid), "Profiles::Delete (clean-up)");
    auto gone = ports().profiles.Find(*sid);
    Expect(gone.ok() && !gone->has_value(), "no profile after Profiles::Delete");
  }
  Factory().RemoveScratchFolder(backend(), folder);
}

// profiles.h: ReadEntry gives every value of ProfileList\<SID>, RemoveEntry removes the key alone
// (2 when there is none: RegDeleteKey of a missing key is ERROR_FILE_NOT_FOUND) and WriteEntry puts
// back what ReadEntry gave, value for value. The entry names a folder that does not exist, as the
// stale entry create-profile removes; the test user's own SID keys it, so no profile of another
// account is touched.
TEST_F(MutatingDelete, AProfileEntryRemovedIsWrittenBackValueForValue) {
  const std::string name = TestUserName();
  auto sid = CreateTestUser(name);
  ExpectOk(sid.status(), "Create(" + name + ")");
  if (!sid.ok()) return;
  const std::string folder = Factory().MakeScratchFolder(backend());
  const std::string gone = folder + "\\gone";
  std::string path_bytes;
  for (char c : gone) path_bytes += std::string{c, '\0'};  // ASCII as UTF-16LE
  path_bytes += std::string(2, '\0');
  ExpectOk(ports().profiles.WriteEntry({*sid, {{"ProfileImagePath", fixer::kRegExpandSz, path_bytes}}}),
           "WriteEntry of a new entry");
  auto found = ports().profiles.Find(*sid);
  Expect(found.ok() && found->has_value() && (*found)->path == gone && !(*found)->folder_exists,
         "Find reads the written entry, its folder missing");
  auto read = ports().profiles.ReadEntry(*sid);
  ExpectOk(read.status(), "ReadEntry");
  const bool has_path = read.ok() && read->has_value() &&
                        std::any_of((*read)->values.begin(), (*read)->values.end(), [&](const fixer::RegistryValue& v) {
                          return v.name == "ProfileImagePath" && v.type == fixer::kRegExpandSz && v.data == path_bytes;
                        });
  Expect(has_path, "ReadEntry holds ProfileImagePath as written (REG_EXPAND_SZ, its bytes)");
  ExpectOk(ports().profiles.RemoveEntry(*sid), "RemoveEntry");
  auto none = ports().profiles.ReadEntry(*sid);
  Expect(none.ok() && !none->has_value(), "no entry after RemoveEntry");
  ExpectCode(ports().profiles.RemoveEntry(*sid), 2, "RemoveEntry of no entry");
  if (read.ok() && read->has_value()) {
    ExpectOk(ports().profiles.WriteEntry(**read), "WriteEntry of what ReadEntry gave");
    auto again = ports().profiles.ReadEntry(*sid);
    Expect(again.ok() && again->has_value() && (*again)->values.size() == (*read)->values.size() &&
               std::all_of((*read)->values.begin(), (*read)->values.end(),
                           [&](const fixer::RegistryValue& v) {
                             return std::find((*again)->values.begin(), (*again)->values.end(), v) !=
                                    (*again)->values.end();
                           }),
           "the entry written back holds every value it held");
  }
  ExpectOk(ports().profiles.RemoveEntry(*sid), "RemoveEntry (clean-up)");
  Factory().RemoveScratchFolder(backend(), folder);
}

// service_control.h: Stop and Start answer 1060 for a service that does not exist. Windows:
// OpenService of an unknown name fails with ERROR_SERVICE_DOES_NOT_EXIST (Wine
// dlls/advapi32/tests/service.c, test_open_svc). Nothing can change.
TEST_F(MutatingServices, StopAndStartOfAnUnknownServiceAre1060) {
  ExpectCode(ports().services.Stop("fxsim_no_such_service"), 1060, "Stop(fxsim_no_such_service)");
  ExpectCode(ports().services.Start("fxsim_no_such_service"), 1060, "Start(fxsim_no_such_service)");
}

// service_control.h: Stop answers "1062 if not running", Start "1056 if already running".
// Windows: ControlService(SERVICE_CONTROL_STOP) of a stopped service fails with
// ERROR_SERVICE_NOT_ACTIVE and StartService of a running one with ERROR_SERVICE_ALREADY_RUNNING
// (learn.microsoft.com, ControlService and StartService, Return value; Wine
// dlls/advapi32/tests/service.c, try_start_stop). Each call is made only on a service already in
// the state that makes it fail, so nothing changes; a machine without such a service skips it.
TEST_F(MutatingServices, StopOfAStoppedServiceIs1062AndStartOfARunningOneIs1056) {
  const std::string stopped = FirstServiceIn(ports().services, {"aspnet_state", "Spooler", "Schedule", "MSIServer"},
                                             fixer::ServiceState::kStopped);
  // Only services that run steadily once started: under Wine, RpcSs read as running in a fresh
  // prefix answered StartService with 1053 after 10 s (Wine starts it on demand), so it is no
  // candidate. Wine has neither of these: there the 1056 half is not judged.
  const std::string running = FirstServiceIn(ports().services, {"W3SVC", "seclogon"}, fixer::ServiceState::kRunning);
  if (stopped.empty() && running.empty()) GTEST_SKIP() << "no candidate service stopped or running here";
  if (!stopped.empty()) {
    ExpectCode(ports().services.Stop(stopped), 1062, "Stop(" + stopped + "), stopped");
    auto after = ports().services.Query(stopped);
    Expect(after.ok() && after->state == fixer::ServiceState::kStopped, stopped + " is still stopped");
  }
  if (!running.empty()) {
    ExpectCode(ports().services.Start(running), 1056, "Start(" + running + "), running");
    auto after = ports().services.Query(running);
    Expect(after.ok() && after->state == fixer::ServiceState::kRunning, running + " is still running");
  }
}

// service_control.h: Pause answers 1060 for a service that does not exist and 1062 for a stopped
// one. Windows: ControlService(SERVICE_CONTROL_PAUSE) looks at the state before anything else,
// ERROR_SERVICE_NOT_ACTIVE for a stopped service (learn.microsoft.com, ControlService, Return
// value; Wine programs/services/rpc.c, svcctl_ControlService). Nothing can change.
TEST_F(MutatingServices, PauseOfAnUnknownServiceIs1060AndOfAStoppedOneIs1062) {
  ExpectCode(ports().services.Pause("fxsim_no_such_service"), 1060, "Pause(fxsim_no_such_service)");
  const std::string stopped = FirstServiceIn(ports().services, {"aspnet_state", "Spooler", "Schedule", "MSIServer"},
                                             fixer::ServiceState::kStopped);
  if (stopped.empty()) GTEST_SKIP() << "no candidate service stopped here";
  ExpectCode(ports().services.Pause(stopped), 1062, "Pause(" + stopped + "), stopped");
  auto after = ports().services.Query(stopped);
  Expect(after.ok() && after->state == fixer::ServiceState::kStopped, stopped + " is still stopped");
}

// service_control.h: SetLogonPassword answers 1060 for a service that does not exist. Windows:
// OpenService of an unknown name fails with ERROR_SERVICE_DOES_NOT_EXIST (learn.microsoft.com,
// OpenServiceW, Return value) before ChangeServiceConfig is reached. Nothing can change.
TEST_F(MutatingServices, SetLogonPasswordOfAnUnknownServiceIs1060) {
  ExpectCode(ports().services.SetLogonPassword("fxsim_no_such_service", fixer::Secret::FromString("Unused!pass1")),
             1060, "SetLogonPassword(fxsim_no_such_service)");
}

// security.h: AddAce and AddAces put explicit ACEs on an object, deny before allow (canonical
// order), and FindAcesOn reads them back from that object alone; a missing object holds none,
// and AddAce on one answers 2 or 3. Windows: SetEntriesInAcl orders a new DENY_ACCESS entry
// before the allowed ones (learn.microsoft.com, "Order of ACEs in a DACL"); GetNamedSecurityInfo
// of a missing file fails with ERROR_FILE_NOT_FOUND.
class MutatingSecurity : public Mutating {
 protected:
  void ExpectAcesReadBackInCanonicalOrder(const std::string& path, uint32_t flags);
  // The explicit ACEs naming kSidOfNoAccount on `object` alone (FindAcesOn), the read expected to
  // succeed; none when it fails.
  std::vector<fixer::Ace> AcesOfNoAccountOn(const fixer::ObjectRef& object);

  static constexpr uint32_t kInheritBoth = fixer::kObjectInheritAce | fixer::kContainerInheritAce;
  const fixer::Ace deny_write_{fixer::AceType::kDeny, kSidOfNoAccount, fixer::kFileGenericWrite, 0};
  const fixer::Ace allow_read_{fixer::AceType::kAllow, kSidOfNoAccount, fixer::kFileGenericRead, kInheritBoth};
};

std::vector<fixer::Ace> MutatingSecurity::AcesOfNoAccountOn(const fixer::ObjectRef& object) {
  auto held = ports().security.FindAcesOn(kSidOfNoAccount, std::vector<fixer::ObjectAces>{{object, {}}});
  ExpectOk(held.status(), "FindAcesOn(" + object.path + ")");
  return held.ok() && held->size() == 1 ? (*held)[0] : std::vector<fixer::Ace>{};
}

void MutatingSecurity::ExpectAcesReadBackInCanonicalOrder(const std::string& path, uint32_t flags) {
  fixer::Security& security = ports().security;
  const fixer::ObjectRef object{fixer::ObjectNamespace::kFile, path};
  const fixer::Ace allow{fixer::AceType::kAllow, kSidOfNoAccount, fixer::kFileModify, flags};
  const fixer::Ace deny{fixer::AceType::kDeny, kSidOfNoAccount, fixer::kFileGenericWrite, 0};
  ExpectOk(security.AddAce(object, allow), "AddAce(" + path + ", allow)");
  ExpectOk(security.AddAces(object, std::vector<fixer::Ace>{deny}), "AddAces(" + path + ", deny)");

  const fixer::ObjectRef missing{fixer::ObjectNamespace::kFile, path + "_fxsim_no_such_file"};
  const std::vector<fixer::ObjectAces> on = {{object, {}}, {missing, {}}};
  auto held = security.FindAcesOn(kSidOfNoAccount, on);
  ExpectOk(held.status(), "FindAcesOn(" + path + ", a missing file)");
  if (!held.ok() || held->size() != 2) {
    Expect(false, "FindAcesOn answers one list per object");
    return;
  }
  const std::vector<fixer::Ace>& aces = (*held)[0];
  Expect(aces.size() == 2, path + " holds the two ACEs: " + std::to_string(aces.size()));
  if (aces.size() == 2) {
    Expect(aces[0] == deny, "the deny ACE comes first, as added");
    Expect(aces[1] == allow, "the allow ACE follows, its mask and inheritance flags as added");
  }
  Expect((*held)[1].empty(), "a missing file holds no ACE");
  // ReadSecurity reads the whole DACL: both ACEs in it, in the same order, among any others.
  auto sd = security.ReadSecurity(object);
  ExpectOk(sd.status(), "ReadSecurity(" + path + ")");
  if (sd.ok()) {
    const auto deny_at = std::find(sd->dacl.begin(), sd->dacl.end(), deny);
    const auto allow_at = std::find(sd->dacl.begin(), sd->dacl.end(), allow);
    Expect(deny_at != sd->dacl.end() && allow_at != sd->dacl.end() && deny_at < allow_at,
           "ReadSecurity reads the deny, then the allow, in the whole DACL");
  }
  const fixer::Status on_missing = security.AddAce(missing, allow);
  Expect(on_missing.code() == 2 || on_missing.code() == 3,
         "AddAce on a missing file answers 2 or 3, not " + std::to_string(on_missing.code()));
}

TEST_F(MutatingSecurity, AcesAddedToAFolderAreReadBackFromItInCanonicalOrder) {
  const std::string folder = Factory().MakeScratchFolder(backend());
  ExpectAcesReadBackInCanonicalOrder(folder, fixer::kObjectInheritAce | fixer::kContainerInheritAce);
  Factory().RemoveScratchFolder(backend(), folder);
}

TEST_F(MutatingSecurity, AcesAddedToAFileAreReadBackFromItInCanonicalOrder) {
  const std::string folder = Factory().MakeScratchFolder(backend());
  ExpectAcesReadBackInCanonicalOrder(Factory().MakeScratchFile(backend(), folder), 0);
  Factory().RemoveScratchFolder(backend(), folder);
}

// security.h: AddAce adds an ACE, it does not merge: two allow ACEs of one SID with the same
// inheritance stay two, an allow leaves a deny of the same SID whole, and an ACE the object
// holds already is not added again. Windows' own merge is SetEntriesInAcl's GRANT_ACCESS, which
// "combines the specified rights with any existing allowed or denied rights of the trustee"
// (learn.microsoft.com, ACCESS_MODE); AddAccessAllowedAceEx adds one ACE as it is
// (learn.microsoft.com, AddAccessAllowedAceEx; "Order of ACEs in a DACL").
TEST_F(MutatingSecurity, AcesOfOneSidAreKeptApartNotMerged) {
  const std::string folder = Factory().MakeScratchFolder(backend());
  fixer::Security& security = ports().security;
  const fixer::ObjectRef object{fixer::ObjectNamespace::kFile, folder};
  const fixer::Ace execute{fixer::AceType::kAllow, kSidOfNoAccount, fixer::kFileGenericExecute, kInheritBoth};
  const fixer::Ace modify{fixer::AceType::kAllow, kSidOfNoAccount, fixer::kFileModify, 0};
  ExpectOk(security.AddAce(object, deny_write_), "AddAce(deny write)");
  ExpectOk(security.AddAce(object, allow_read_), "AddAce(allow read, inherited)");
  ExpectOk(security.AddAces(object, std::vector<fixer::Ace>{execute, allow_read_}),
           "AddAces(allow execute, allow read again)");
  ExpectOk(security.AddAce(object, modify), "AddAce(allow modify, which holds the write bits denied)");
  ExpectOk(security.AddAce(object, deny_write_), "AddAce(deny write) again");
  const std::vector<fixer::Ace> held = AcesOfNoAccountOn(object);
  Expect(held == std::vector<fixer::Ace>{deny_write_, allow_read_, execute, modify},
         "the folder holds the four ACEs as added, each once, deny first: " + std::to_string(held.size()) + " ACEs");
  Factory().RemoveScratchFolder(backend(), folder);
}

// security.h: RemoveAces takes exactly the ACEs named off (type, SID, mask and flags all equal),
// in one write; an ACE of the same SID with another mask stays, and naming ACEs the object does
// not hold changes nothing. Windows: a DACL rebuilt without them and written with
// SetNamedSecurityInfo (learn.microsoft.com, DeleteAce, AddAce, SetNamedSecurityInfoW).
TEST_F(MutatingSecurity, RemoveAcesTakesOffExactlyTheAcesNamed) {
  const std::string folder = Factory().MakeScratchFolder(backend());
  fixer::Security& security = ports().security;
  const fixer::ObjectRef object{fixer::ObjectNamespace::kFile, folder};
  const fixer::Ace full{fixer::AceType::kAllow, kSidOfNoAccount, fixer::kFileAllAccess, kInheritBoth};
  ExpectOk(security.AddAces(object, std::vector<fixer::Ace>{deny_write_, allow_read_, full}),
           "AddAces(deny, read, full)");
  ExpectOk(security.RemoveAces(object, std::vector<fixer::Ace>{full}), "RemoveAces(full)");
  const fixer::Ace absent{fixer::AceType::kAllow, kSidOfNoAccount, fixer::kFileModify, 0};
  ExpectOk(security.RemoveAces(object, std::vector<fixer::Ace>{absent}), "RemoveAces(an ACE it does not hold)");
  const std::vector<fixer::Ace> held = AcesOfNoAccountOn(object);
  Expect(held == std::vector<fixer::Ace>{deny_write_, allow_read_},
         "the folder keeps the deny and the read ACE, the full one gone: " + std::to_string(held.size()) + " ACEs");
  Factory().RemoveScratchFolder(backend(), folder);
  const fixer::Status gone = security.RemoveAces(object, std::vector<fixer::Ace>{allow_read_});
  Expect(gone.code() == 2 || gone.code() == 3, "RemoveAces on a removed folder: 2 or 3, got " + gone.ToString());
}

// journal.h: Append is durable and Load reads every record oldest first; Clear removes the
// journal. Skipped where a journal exists (never clobber a real run's journal).
TEST_F(MutatingJournal, AppendLoadClear) {
  auto before = ports().journal.Load();
  ExpectOk(before.status(), "Load()");
  if (!before.ok() || !before->empty()) GTEST_SKIP() << "a journal exists here; left alone";
  const fixer::JournalRecord first{
      .seq = 1, .step = "fxsim-contract", .phase = fixer::JournalPhase::kBegin, .data = {{"what", "a|b,c%d"}}};
  const fixer::JournalRecord second{.seq = 2, .step = "fxsim-contract", .phase = fixer::JournalPhase::kDone};
  ExpectOk(ports().journal.Append(first), "Append(1)");
  ExpectOk(ports().journal.Append(second), "Append(2)");
  auto loaded = ports().journal.Load();
  ExpectOk(loaded.status(), "Load after Append");
  Expect(loaded.ok() && loaded->size() == 2 && (*loaded)[0] == first && (*loaded)[1] == second,
         "Load gives back both records, oldest first, with their data");
  ExpectOk(ports().journal.Clear(), "Clear()");
  auto cleared = ports().journal.Load();
  Expect(cleared.ok() && cleared->empty(), "no record after Clear");
}

// journal.h: Load reads every record or fails; a read that fails is never the end of the
// journal, or the next Append would write back a shorter one. Windows: ReadFile fails where
// another handle locked the range (learn.microsoft.com, ReadFile, Remarks; LockFile), and it
// sets the count read to zero before it does any work (ReadFile, lpNumberOfBytesRead). Skipped
// where a journal exists.
TEST_F(MutatingJournal, AFailedReadIsAnErrorAndLosesNoRecord) {
  auto before = ports().journal.Load();
  ExpectOk(before.status(), "Load()");
  if (!before.ok() || !before->empty()) GTEST_SKIP() << "a journal exists here; left alone";
  const fixer::JournalRecord first{.seq = 1, .step = "fxsim-contract", .phase = fixer::JournalPhase::kBegin};
  const fixer::JournalRecord second{.seq = 2, .step = "fxsim-contract", .phase = fixer::JournalPhase::kDone};
  ExpectOk(ports().journal.Append(first), "Append(1)");
  ExpectOk(ports().journal.Append(second), "Append(2)");
  const std::function<void()> restore = Factory().MakeJournalUnreadable(backend());
  auto unreadable = ports().journal.Load();
  Expect(!unreadable.ok(), "Load fails while the journal cannot be read (it read " +
                               std::to_string(unreadable.ok() ? unreadable->size() : 0) + " records)");
  // Said as every error: the number and Windows' text for it first (README, docs/windows-reference.md).
  Expect(unreadable.ok() || unreadable.status().message().starts_with(fixer::WinErrorText(unreadable.status().code())),
         "the failed read says Windows' text first: " + unreadable.status().ToString());
  // It may fail too; what it must not do is write back a journal without the first two.
  (void)ports().journal.Append({.seq = 3, .step = "fxsim-contract", .phase = fixer::JournalPhase::kBegin});
  restore();
  auto after = ports().journal.Load();
  ExpectOk(after.status(), "Load once the journal reads again");
  Expect(after.ok() && after->size() >= 2 && (*after)[0] == first && (*after)[1] == second,
         "both records written before the failed read are still there");
  ExpectOk(ports().journal.Clear(), "Clear()");
}

// journal.h: a journal in a folder someone other than Administrators and SYSTEM can change is
// neither read nor written: Load and Append answer 5 and the planted journal is not taken as this
// fixer's (docs/windows.md#the-journal-folder). Windows: CreateDirectory applies the security
// attributes it is given only to a folder it creates (learn.microsoft.com, CreateDirectoryW), so
// a folder made before keeps its own DACL; an object's owner may always rewrite its DACL (Owner
// of a New Object). Skipped where the backend keeps no journal folder or a journal exists.
TEST_F(MutatingJournal, AJournalInAFolderEveryoneCanWriteIsNeitherReadNorWritten) {
  auto before = ports().journal.Load();
  ExpectOk(before.status(), "Load()");
  if (!before.ok() || !before->empty()) GTEST_SKIP() << "a journal exists here; left alone";
  const std::function<void()> remove = Factory().PlantJournalInAFolderEveryoneCanWrite(backend());
  if (!remove) GTEST_SKIP() << "this backend keeps its journal in no folder";
  auto planted = ports().journal.Load();
  Expect(!planted.ok() && planted.status().code() == 5,
         "Load of a journal everyone could have written: 5, got " +
             (planted.ok() ? std::to_string(planted->size()) + " records" : planted.status().ToString()));
  const fixer::Status appended =
      ports().journal.Append({.seq = 1, .step = "fxsim-contract", .phase = fixer::JournalPhase::kBegin});
  Expect(appended.code() == 5, "Append into that folder: 5, got " + appended.ToString());
  // Windows' text first, then the folder it names and why (docs/windows.md#the-journal-folder).
  const auto says_denied_then_folder = [](const fixer::Status& st) {
    const std::string head = std::string(fixer::WinErrorText(5)) + " The journal's folder ";
    return st.message().starts_with(head) &&
           st.message().find("aspnet-fixer is not for administrators only: ") != std::string::npos;
  };
  Expect(!planted.ok() && says_denied_then_folder(planted.status()),
         "Load says Windows' text, then the folder: " + planted.status().ToString());
  Expect(says_denied_then_folder(appended), "Append says Windows' text, then the folder: " + appended.ToString());
  remove();
  auto after = ports().journal.Load();
  Expect(after.ok() && after->empty(), "no journal once the planted one is removed");
}

}  // namespace
}  // namespace ports_contract
