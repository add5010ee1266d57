// The port contract, read-only part: what each port header promises of a read, checked on any
// backend (tests/ports/backend_factory.h). Safe on a production machine: no call here changes
// anything. Windows' own answers are cited from Wine's conformance tests, which run on Windows.
#include <algorithm>
#include <cctype>

#include "contract.h"

namespace ports_contract {
namespace {

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}
std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}
// "XPPRO\alice" -> "alice"
std::string BareName(const std::string& name) {
  const size_t slash = name.find('\\');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

// A SID of a domain no machine has: names no account, right, ACE or profile.
const fixer::Sid kUnusedSid = *fixer::Sid::Parse("S-1-5-21-1-2-3-424242");

using Accounts = PortContract;
using Services = PortContract;
using Secrets = PortContract;
using Profiles = PortContract;
using Rights = PortContract;
using Security = PortContract;
using Inventory = PortContract;
using Journal = PortContract;
using Policy = PortContract;

// accounts.h: "2221 NERR_UserNotFound if absent". Windows: NetUserGetInfo of "Nonexistent User"
// answers NERR_UserNotFound (Wine dlls/netapi32/tests/access.c, run_usergetinfo_tests).
TEST_F(Accounts, LookupOfAnUnknownUserIs2221) {
  ExpectCode(ports().accounts.Lookup("fxsim_no_such_user").status(), 2221, "Lookup(fxsim_no_such_user)");
}

// accounts.h: "Names are case-insensitive". The caller's own account is there on any machine.
TEST_F(Accounts, NamesAreCaseInsensitive) {
  auto caller = ports().inventory.Caller();
  ExpectOk(caller.status(), "Caller()");
  if (!caller.ok()) return;
  const std::string name = BareName(caller->name);
  auto lower = ports().accounts.Lookup(Lower(name));
  auto upper = ports().accounts.Lookup(Upper(name));
  ExpectOk(lower.status(), "Lookup(" + Lower(name) + ")");
  ExpectOk(upper.status(), "Lookup(" + Upper(name) + ")");
  if (lower.ok() && upper.ok()) {
    Expect(lower->sid == upper->sid,
           "both spellings name one SID: " + lower->sid.ToString() + " vs " + upper->sid.ToString());
  }
}

// accounts.h: Lookup reads UF_PASSWD_NOTREQD as password_not_required. Windows: the built-in Guest
// (RID 501, English name) carries it, so `net user guest` prints "Password required No"; the
// built-in Administrator (RID 500) does not (docs/windows-reference.md#net-commands).
TEST_F(Accounts, TheBuiltInGuestNeedsNoPasswordAndAdministratorDoes) {
  auto guest = ports().accounts.Lookup("Guest");
  ExpectOk(guest.status(), "Lookup(Guest)");
  if (guest.ok()) {
    Expect(guest->sid.Rid() == 501, "Guest is RID 501: " + guest->sid.ToString());
    Expect(guest->password_not_required, "Guest carries UF_PASSWD_NOTREQD");
  }
  auto administrator = ports().accounts.Lookup("Administrator");
  ExpectOk(administrator.status(), "Lookup(Administrator)");
  if (administrator.ok()) Expect(!administrator->password_not_required, "Administrator needs a password");
}

// secrets.h: "2 ERROR_FILE_NOT_FOUND if there is no secret of that name" (LsaRetrievePrivateData
// answers STATUS_OBJECT_NAME_NOT_FOUND, which LsaNtStatusToWinError maps to 2).
TEST_F(Secrets, RetrieveOfAnUnknownKeyIs2) {
  ExpectCode(ports().secrets.Retrieve("fxsim_contract_no_such_secret").status(), 2, "Retrieve(unknown)");
}

// service_control.h: "1060 if the service does not exist". Windows: OpenService of an unknown
// name fails with ERROR_SERVICE_DOES_NOT_EXIST (Wine dlls/advapi32/tests/service.c, test_open_svc).
TEST_F(Services, QueryOfAnUnknownServiceIs1060) {
  ExpectCode(ports().services.Query("fxsim_no_such_service").status(), 1060, "Query(fxsim_no_such_service)");
  ExpectCode(ports().services.ActiveDependents("fxsim_no_such_service").status(), 1060,
             "ActiveDependents(fxsim_no_such_service)");
}

// service_control.h: "Names are service key names, case-insensitive"; each state and start
// type is one of the SCM's. The first of these services the machine has is read three ways.
TEST_F(Services, NamesAreCaseInsensitiveAndStatesAreReported) {
  for (const char* name : {"seclogon", "W3SVC", "Spooler", "EventLog", "RpcSs"}) {
    auto plain = ports().services.Query(name);
    if (!plain.ok()) continue;
    auto upper = ports().services.Query(Upper(name));
    auto lower = ports().services.Query(Lower(name));
    ExpectOk(upper.status(), "Query(" + Upper(name) + ")");
    ExpectOk(lower.status(), "Query(" + Lower(name) + ")");
    if (upper.ok() && lower.ok()) {
      Expect(Lower(upper->name) == Lower(plain->name) && Lower(lower->name) == Lower(plain->name),
             "every spelling reads the service " + plain->name);
      Expect(upper->state == plain->state && lower->state == plain->state, "every spelling reads one state");
    }
    ExpectOk(ports().services.ActiveDependents(name).status(), std::string("ActiveDependents(") + name + ")");
    return;
  }
  Expect(false, "none of seclogon, W3SVC, Spooler, EventLog, RpcSs could be queried");
}

// service_control.h: List reads every service, running or not, each as Query reads it (its logon
// account and start type). Windows: EnumServicesStatus with SERVICE_STATE_ALL enumerates the
// active services and the stopped ones (its page on learn.microsoft.com, dwServiceState).
TEST_F(Services, ListHoldsEachServiceOnceAsQueryReadsIt) {
  auto all = ports().services.List();
  ExpectOk(all.status(), "List()");
  if (!all.ok()) return;
  std::vector<std::string> names;
  for (const fixer::ServiceInfo& s : *all) names.push_back(Lower(s.name));
  std::sort(names.begin(), names.end());
  Expect(std::adjacent_find(names.begin(), names.end()) == names.end(), "each service listed once");
  int compared = 0;
  for (const char* name : {"seclogon", "W3SVC", "Spooler", "EventLog", "RpcSs"}) {
    auto one = ports().services.Query(name);
    if (!one.ok()) continue;
    auto listed = std::find_if(all->begin(), all->end(),
                               [&](const fixer::ServiceInfo& s) { return Lower(s.name) == Lower(one->name); });
    Expect(listed != all->end(), "List() holds " + one->name + ", which Query reads");
    if (listed == all->end()) continue;
    Expect(listed->account == one->account && listed->start_type == one->start_type &&
               listed->display_name == one->display_name,
           "List() reads " + one->name + "'s account, start type and display name as Query does");
    ++compared;
  }
  Expect(compared > 0, "none of seclogon, W3SVC, Spooler, EventLog, RpcSs could be queried");
}

// service_control.h: names are key names. OpenService looks a service up by the name it was
// created with, "not the service display name" (OpenService's page on learn.microsoft.com):
// the display name of a service the machine has is 1060.
TEST_F(Services, ADisplayNameIsNotAKeyName1060) {
  for (const char* name : {"W3SVC", "seclogon", "Spooler", "EventLog", "RpcSs"}) {
    auto service = ports().services.Query(name);
    if (!service.ok() || Lower(service->display_name) == Lower(service->name)) continue;
    ExpectCode(ports().services.Query(service->display_name).status(), 1060,
               "Query(\"" + service->display_name + "\")");
    return;
  }
  Expect(false, "none of W3SVC, seclogon, Spooler, EventLog, RpcSs has a display name of its own");
}

// security.h: Databases answers 1060 where SQL Server is not installed, else the names of the
// instance's databases, each once. Windows: a new instance's sysdatabases already holds master,
// model, msdb and tempdb ("sys.sysdatabases", learn.microsoft.com).
TEST_F(Security, DatabasesAre1060WithoutSqlServerElseEachOnce) {
  auto databases = ports().security.Databases();
  if (!databases.ok()) {
    ExpectCode(databases.status(), 1060, "Databases()");
    return;
  }
  std::vector<std::string> names;
  for (const std::string& db : *databases) names.push_back(Lower(db));
  std::sort(names.begin(), names.end());
  Expect(std::adjacent_find(names.begin(), names.end()) == names.end(), "each database named once");
}

// profiles.h: Find answers nullopt (not an error) for a SID without a ProfileList entry.
TEST_F(Profiles, ASidWithoutProfileHasNone) {
  auto found = ports().profiles.Find(kUnusedSid);
  ExpectOk(found.status(), "Find(unused SID)");
  if (found.ok()) Expect(!found->has_value(), "no profile for " + kUnusedSid.ToString());
}

// profiles.h: NewProfileFolder names the folder a new profile would get: for a user no folder is
// named after, the profiles directory and the name itself (GetProfilesDirectory, KB 324734).
TEST_F(Profiles, NewProfileFolderOfAnUnusedNameIsThatName) {
  auto folder = ports().profiles.NewProfileFolder("fxsim_no_such_user", fixer::NewProfileOwner::kPresentAccount);
  ExpectOk(folder.status(), "NewProfileFolder(fxsim_no_such_user)");
  if (folder.ok()) {
    Expect(folder->ends_with("\\fxsim_no_such_user") && folder->size() > 20,
           "a folder under the profiles directory named fxsim_no_such_user: " + *folder);
  }
}

// profiles.h: WhatIsAt tells a folder from nothing (GetFileAttributes, FILE_ATTRIBUTE_DIRECTORY):
// the free folder NewProfileFolder names is nothing, the profiles directory holding it a folder.
TEST_F(Profiles, WhatIsAtTellsTheProfilesDirectoryFromAFreeName) {
  auto folder = ports().profiles.NewProfileFolder("fxsim_no_such_user", fixer::NewProfileOwner::kPresentAccount);
  ExpectOk(folder.status(), "NewProfileFolder(fxsim_no_such_user)");
  if (!folder.ok()) return;
  auto free = ports().profiles.WhatIsAt(*folder);
  ExpectOk(free.status(), "WhatIsAt(" + *folder + ")");
  if (free.ok()) Expect(*free == fixer::PathHolder::kNothing, "nothing at " + *folder);
  const std::string directory = folder->substr(0, folder->find_last_of('\\'));
  auto held = ports().profiles.WhatIsAt(directory);
  ExpectOk(held.status(), "WhatIsAt(" + directory + ")");
  if (held.ok()) Expect(*held == fixer::PathHolder::kFolder, "a folder at " + directory);
}

// security.h: FindAces lists the explicit ACEs naming a SID: none for a SID nothing names.
TEST_F(Security, AnUnusedSidIsNamedByNoAce) {
  auto aces = ports().security.FindAces(kUnusedSid);
  ExpectOk(aces.status(), "FindAces(unused SID)");
  if (aces.ok()) Expect(aces->empty(), "no ACE names " + kUnusedSid.ToString());
}

// security.h: LoginsNamed finds a login by name whatever SID it stores, and none by a name no
// login has (empty, not an error; also without SQL Server). Each one found has that name.
TEST_F(Security, LoginsNamedFindsNoneForAnUnusedName) {
  auto none = ports().security.LoginsNamed("FXSIM\\fxsim_no_such_login");
  ExpectOk(none.status(), "LoginsNamed(FXSIM\\fxsim_no_such_login)");
  if (none.ok()) Expect(none->empty(), "no login is named FXSIM\\fxsim_no_such_login");
}

// security.h: ReadSecurity reads an object's owner and whole DACL (GetNamedSecurityInfo with
// OWNER_ and DACL_SECURITY_INFORMATION); a missing object is 2 or 3, as for AddAce. The Windows
// folder (inventory.h: OsInfo::windows_folder, GetWindowsDirectory) exists and has an owner and a DACL.
TEST_F(Security, ReadSecurityReadsTheWindowsFolderAndAMissingOneIs2Or3) {
  auto os = ports().inventory.Os();
  ExpectOk(os.status(), "Os()");
  if (!os.ok()) return;
  Expect(!os->windows_folder.empty(), "Os() names the Windows folder");
  if (os->windows_folder.empty()) return;
  auto sd = ports().security.ReadSecurity({fixer::ObjectNamespace::kFile, os->windows_folder});
  ExpectOk(sd.status(), "ReadSecurity(" + os->windows_folder + ")");
  if (sd.ok()) {
    Expect(!sd->owner.IsNull(), os->windows_folder + " has an owner");
    Expect(sd->has_dacl && !sd->dacl.empty(), os->windows_folder + " has a DACL with ACEs");
  }
  const std::string missing = os->windows_folder + "\\fxsim_no_such_folder";
  const fixer::Status gone = ports().security.ReadSecurity({fixer::ObjectNamespace::kFile, missing}).status();
  Expect(gone.code() == 2 || gone.code() == 3,
         "ReadSecurity of a missing folder answers 2 or 3, not " + std::to_string(gone.code()));
}

// accounts.h: GroupsContaining lists the local groups holding one of the SIDs given, each by its
// name and SID (NetLocalGroupEnum, NetLocalGroupGetMembers, LookupAccountName); none holds a SID of
// a domain no machine has. Which groups hold Authenticated Users is the machine's (a fresh XP's
// Users does in the fake's model), so it is not promised here.
TEST_F(Accounts, GroupsContainingNamesEachGroupAndNoneHoldsAnUnusedSid) {
  const fixer::Sid implicit[] = {fixer::Sid::Everyone(), fixer::Sid::AuthenticatedUsers()};
  auto groups = ports().accounts.GroupsContaining(implicit);
  ExpectOk(groups.status(), "GroupsContaining(Everyone, Authenticated Users)");
  if (groups.ok()) {
    for (const fixer::LocalGroupRef& g : *groups) {
      Expect(!g.name.empty() && !g.sid.IsNull(), "a group holding them has a name and a SID: " + g.name);
    }
  }
  const fixer::Sid unused[] = {kUnusedSid};
  auto none = ports().accounts.GroupsContaining(unused);
  ExpectOk(none.status(), "GroupsContaining(unused SID)");
  if (none.ok()) Expect(none->empty(), "no group holds " + kUnusedSid.ToString());
}

// accounts.h: NameOf names the account holding a SID as LookupAccountSid does ("DOMAIN\\name":
// the Administrators group is BUILTIN's, under its local name on a localized Windows), and
// answers 1332 ERROR_NONE_MAPPED for a SID no account holds (learn.microsoft.com,
// LookupAccountSidW, Return value).
TEST_F(Accounts, NameOfNamesAGroupWithItsDomainAndNoAccountHoldsAnUnusedSid) {
  ExpectCode(ports().accounts.NameOf(kUnusedSid).status(), 1332, "NameOf(" + kUnusedSid.ToString() + ")");
  auto named = ports().accounts.NameOf(fixer::Sid::Administrators());
  ExpectOk(named.status(), "NameOf(S-1-5-32-544)");
  if (named.ok()) {
    const size_t slash = named->find('\\');
    Expect(slash != std::string::npos && slash > 0 && slash + 1 < named->size(),
           "NameOf names the group as DOMAIN\\name: " + *named);
  }
}

// inventory.h: the OS, the web server, the hotfixes (sorted) and the caller are read.
TEST_F(Inventory, ReadsTheMachineAndTheCaller) {
  ExpectOk(ports().inventory.Os().status(), "Os()");
  ExpectOk(ports().inventory.WebServer().status(), "WebServer()");
  auto hotfixes = ports().inventory.Hotfixes();
  ExpectOk(hotfixes.status(), "Hotfixes()");
  if (hotfixes.ok()) Expect(std::is_sorted(hotfixes->begin(), hotfixes->end()), "hotfixes are sorted");
  auto caller = ports().inventory.Caller();
  ExpectOk(caller.status(), "Caller()");
  if (caller.ok()) Expect(!caller->name.empty(), "the caller has a name");
}

// inventory.h: ConsoleUser names who is logged on at the console ("XPPRO\Owner" or a bare
// name), or is "" when nobody is: a read that succeeds on any machine.
TEST_F(Inventory, ReadsTheConsoleUser) {
  auto user = ports().inventory.ConsoleUser();
  ExpectOk(user.status(), "ConsoleUser()");
  if (user.ok() && !user->empty()) {
    Expect(user->back() != '\\', "a console user's name follows its domain: " + *user);
  }
}

// inventory.h: IIS 5.x, Cassini and a machine without a web server have no application pools
// (AppPoolId and AppPoolIdentityType are IIS 6's: "Requires Windows Server 2003", Microsoft Learn,
// "AppPoolId" and "AppPoolIdentityType Metabase Property"): both calls answer "", reading no
// metabase. Under Wine (no InetStp key, no metabase: WebServer() answers none) and on the fake's
// fresh XP this holds; IIS 6.0 is the next test's.
TEST_F(Inventory, HasNoApplicationPoolsOutsideIis6) {
  auto web = ports().inventory.WebServer();
  ExpectOk(web.status(), "WebServer()");
  if (!web.ok()) return;
  if (web->kind == fixer::WebServerKind::kIis60) GTEST_SKIP() << "IIS 6.0 here: it has application pools";
  const std::string server(fixer::WebServerText(web->kind));
  auto pool = ports().inventory.AppPoolOf("/LM/W3SVC/1/ROOT");
  ExpectOk(pool.status(), "AppPoolOf(/LM/W3SVC/1/ROOT)");
  if (pool.ok()) Expect(pool->empty(), server + " has no application pools, not '" + *pool + "'");
  auto identity = ports().inventory.AppPoolIdentity("DefaultAppPool");
  ExpectOk(identity.status(), "AppPoolIdentity(DefaultAppPool)");
  if (identity.ok()) Expect(identity->empty(), server + " has no application pool identity, not '" + *identity + "'");
}

// inventory.h: on IIS 6.0 the Default Web Site's root runs in a pool, its AppPoolId or the one it
// inherits, DefaultAppPool unless changed (Microsoft Learn, "AppPoolId": internal default
// DefaultAppPool, INHERIT), that pool runs as an identity, never empty (AppPoolIdentityType's
// default is 2, NETWORK SERVICE), and a pool the metabase has no node for is 3 (IMSAdminBase::
// GetData: ERROR_PATH_NOT_FOUND). The fake checks it on a Server 2003 of its own; the real
// machine where it has IIS 6.0. Elsewhere it is not checked, and the test says so as Wine's
// conformance tests say what they cannot test (skip): under Wine there is no IIS and no metabase
// (CLSID_MSAdminBase is not registered), so there is nothing to read; the expectation stays Windows'.
TEST_F(Inventory, ReadsAnApplicationsPoolAndItsIdentityOnIis6) {
  std::unique_ptr<fixer::Backend> iis6 = Factory().MakeIis6();
  fixer::Inventory& inventory = iis6 ? iis6->ports().inventory : ports().inventory;
  auto web = inventory.WebServer();
  ExpectOk(web.status(), "WebServer()");
  if (!web.ok()) return;
  if (web->kind != fixer::WebServerKind::kIis60) {
    GTEST_SKIP() << "no IIS 6.0 here (" << fixer::WebServerText(web->kind)
                 << "), so no metabase holds application pools to read (under Wine: no IIS, no metabase)";
  }
  auto pool = inventory.AppPoolOf("/LM/W3SVC/1/ROOT");
  ExpectOk(pool.status(), "AppPoolOf(/LM/W3SVC/1/ROOT)");
  if (!pool.ok()) return;
  Expect(!pool->empty(), "the Default Web Site's root runs in an application pool");
  if (iis6) Expect(*pool == "DefaultAppPool", "a fresh IIS 6.0 runs it in DefaultAppPool, not '" + *pool + "'");
  auto identity = inventory.AppPoolIdentity(*pool);
  ExpectOk(identity.status(), "AppPoolIdentity(" + *pool + ")");
  if (identity.ok()) Expect(!identity->empty(), "IIS 6.0's " + *pool + " runs as an identity");
  if (iis6 && identity.ok())
    Expect(*identity == "NETWORK SERVICE", "a fresh DefaultAppPool runs as NETWORK SERVICE, not '" + *identity + "'");
  ExpectCode(inventory.AppPoolIdentity("fxsim_contract_no_pool").status(), 3,
             "AppPoolIdentity of a pool the metabase has no node for");
}

// journal.h: "Every record, oldest first; empty if there is no journal" - never an error.
TEST_F(Journal, LoadsWithoutAJournal) { ExpectOk(ports().journal.Load().status(), "Load()"); }

// password_policy.h: NetUserModalsGet of the local machine succeeds (Wine dlls/netapi32/tests/access.c,
// run_usermodalsget_tests, which reads level 2); a minimum length is at most 14 (the policy editor's range).
TEST_F(Policy, ReadsThePasswordPolicy) {
  auto policy = ports().policy.Get();
  ExpectOk(policy.status(), "Get()");
  if (policy.ok()) Expect(policy->min_length <= 14, "min_length " + std::to_string(policy->min_length) + " <= 14");
}

// password_policy.h: LimitsBlankPasswordUse reads "Accounts: Limit local account use of blank passwords to
// console logon only", on by default (Microsoft Learn, that policy's page: "Default: Enabled"); a fresh
// machine, and a registry without the value (Wine's), reads it on.
TEST_F(Policy, BlankPasswordsAreLimitedToTheConsoleByDefault) {
  auto limited = ports().policy.LimitsBlankPasswordUse();
  ExpectOk(limited.status(), "LimitsBlankPasswordUse()");
  if (limited.ok()) Expect(*limited, "blank passwords limited to console logons");
}

// password_policy.h: Check is "what NetUserSetInfo would answer". A password longer than PWLEN
// (256 characters) is refused with 2245 whatever the policy (Wine dlls/netapi32/tests/access.c,
// run_userhandling_tests: a too-long password, NERR_PasswordTooShort), counted in UTF-16 units,
// not bytes: 256 of them passes where complexity passes (this one has all four classes, no name).
TEST_F(Policy, APasswordOver256CharactersIs2245) {
  std::string long_one;
  for (int i = 0; i < 64; ++i) long_one += "Aa1!";
  ExpectCode(ports().policy.Check("fxsim_no_such_user", fixer::Secret::FromString(long_one + "x")), 2245,
             "Check of a 257-character password");
}

TEST_F(Policy, LengthIsCountedInUtf16UnitsNotBytes) {
  std::string wide_one = "Aa1!";
  for (int i = 0; i < 252; ++i) wide_one += "\xC3\xA9";  // U+00E9: 2 UTF-8 bytes, 1 UTF-16 unit
  ExpectOk(ports().policy.Check("fxsim_no_such_user", fixer::Secret::FromString(wide_one)),
           "Check of a 256-character password of 508 UTF-8 bytes");
}

// rights.h: Of answers the rights a SID holds itself; a SID holding none reads as none.
TEST_F(Rights, ASidWithoutRightsHoldsNone) {
  auto held = ports().rights.Of(kUnusedSid);
  ExpectOk(held.status(), "Of(unused SID)");
  if (held.ok()) Expect(held->empty(), "no right held by " + kUnusedSid.ToString());
}

}  // namespace
}  // namespace ports_contract
