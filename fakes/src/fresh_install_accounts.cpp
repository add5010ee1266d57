// FreshInstall: the accounts, groups, user rights and policy of a clean install.
//
// Choices [M] (docs/windows-reference.md#fresh-install, #lockout, #sids; XP's secpol.msc defaults as remembered):
//  - XP Home, XP Professional, Server 2003 and XP x64 ship HelpAssistant (RID 1000), the local
//    group HelpServicesGroup (RID 1001, its one member SUPPORT_388945a0) and SUPPORT_388945a0
//    (RID 1002), both users disabled, so the first free RID is 1003; Windows 2000 has none of
//    them and starts at 1000 (#fresh-install, choice-fresh-accounts). IIS's IUSR_/IWAM_
//    accounts are not modelled.
//  - Users holds NT AUTHORITY\INTERACTIVE and Authenticated Users, as on 2000 and XP.
//  - Passwords: Administrator's is FreshAdministratorPassword(seed); Guest's is blank; the two
//    help accounts get random ones nobody knows. All are stored as NT hashes.
//  - Rights: Users, Power Users, Backup Operators, Administrators and Guest log on locally;
//    Everyone, Users, Power Users, Backup Operators and Administrators from the network;
//    Guest (and on XP-family SUPPORT_388945a0) are denied network logon; SUPPORT_388945a0 is
//    denied local logon and may log on as a batch job; Remote Desktop Users and
//    Administrators log on through Terminal Services (XP Pro, 2003); a usual set of
//    privileges (SeChangeNotifyPrivilege for Everyone, SeUndockPrivilege for Users, ...);
//    SeImpersonatePrivilege and SeCreateGlobalPrivilege for Administrators and SERVICE where the
//    edition and service pack have them (2000 SP4, XP SP2, Server 2003, XP x64) [KB 821546].
#include <string>

#include "fakes/password_rules.h"
#include "fakes/sam.h"
#include "fresh_install_parts.h"

namespace fakes::fresh_install {
namespace {

using fixer::OsEdition;
using fixer::Sid;

Sid Builtin(uint32_t rid) { return Sid(5, {32, rid}); }

// Remote Assistance's setup makes these three in this order, so each takes the next RID.
constexpr uint32_t kHelpAssistantRid = 1000;
constexpr uint32_t kHelpServicesGroupRid = 1001;
constexpr uint32_t kSupportAccountRid = 1002;

std::string RandomClear(uint64_t seed, uint64_t salt, size_t length) {
  static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  std::string out;
  for (size_t i = 0; i < length; ++i) out.push_back(kAlphabet[Derive(seed, salt + i) % kAlphabet.size()]);
  return out;
}

UserAccount User(uint32_t rid, std::string name, std::string full_name, std::string comment, const std::string& clear,
                 fixer::AccountFlags flags, int64_t now) {
  UserAccount u;
  u.rid = rid;
  u.name = std::move(name);
  u.full_name = std::move(full_name);
  u.comment = std::move(comment);
  u.password_hash = NtHash(clear);
  u.flags = flags;
  u.password_last_set = now;
  return u;
}

void AddGroups(MachineState& s, OsEdition os) {
  const Sid admin = s.sam.domain.WithRid(500);
  const Sid guest = s.sam.domain.WithRid(501);
  auto& g = s.sam.groups;
  g.push_back({Sid::Administrators(),
               "Administrators",
               "Administrators have complete and unrestricted access to the computer/domain",
               {admin}});
  g.push_back({Builtin(551),
               "Backup Operators",
               "Backup Operators can override security restrictions for the sole purpose of "
               "backing up or restoring files",
               {}});
  g.push_back({Sid::Guests(),
               "Guests",
               "Guests have the same access as members of the Users group by default, except "
               "for the Guest account which is further restricted",
               {guest}});
  if (FactsOf(os).terminal_services) {
    g.push_back({Builtin(556),
                 "Network Configuration Operators",
                 "Members in this group can have some administrative privileges to manage "
                 "configuration of networking features",
                 {}});
  }
  g.push_back({Sid::PowerUsers(),
               "Power Users",
               "Power Users possess most administrative powers with some restrictions.  Thus, "
               "Power Users can run legacy applications in addition to certified applications",
               {}});
  if (FactsOf(os).terminal_services) {
    g.push_back(
        {Builtin(555), "Remote Desktop Users", "Members in this group are granted the right to logon remotely", {}});
  }
  g.push_back({Builtin(552), "Replicator", "Supports file replication in a domain", {}});
  g.push_back({Sid::Users(),
               "Users",
               "Users are prevented from making accidental or intentional system-wide changes.  "
               "Thus, Users can run certified applications, but not most legacy applications",
               {Sid::Interactive(), Sid::AuthenticatedUsers()}});
}

void AddRights(MachineState& s, OsEdition os, int service_pack) {
  auto& r = s.lsa.rights;
  const bool workstation = FactsOf(os).workstation;
  const bool terminal_services = FactsOf(os).terminal_services;
  r[Sid::Everyone()] = {"SeNetworkLogonRight", "SeChangeNotifyPrivilege"};
  // The default user rights [S: docs/windows-reference.md#default-user-rights; M: choice-default-rights].
  r[Sid::Administrators()] = {"SeInteractiveLogonRight",
                              "SeNetworkLogonRight",
                              "SeBackupPrivilege",
                              "SeRestorePrivilege",
                              "SeChangeNotifyPrivilege",
                              "SeShutdownPrivilege",
                              "SeUndockPrivilege",
                              "SeDebugPrivilege",
                              "SeSecurityPrivilege",
                              "SeTakeOwnershipPrivilege",
                              "SeSystemtimePrivilege",
                              "SeRemoteShutdownPrivilege",
                              "SeLoadDriverPrivilege",
                              "SeIncreaseBasePriorityPrivilege",
                              "SeCreatePagefilePrivilege",
                              "SeSystemProfilePrivilege",
                              "SeProfileSingleProcessPrivilege",
                              "SeIncreaseQuotaPrivilege",
                              "SeSystemEnvironmentPrivilege"};
  if (terminal_services) r[Sid::Administrators()].insert("SeRemoteInteractiveLogonRight");
  // "Perform volume maintenance tasks" is new in XP: Windows 2000 has no such right.
  if (IsXpFamily(os)) r[Sid::Administrators()].insert("SeManageVolumePrivilege");
  // The two younger privileges: "Default: Administrators, Service" where the edition has them [KB 821546].
  if (service_pack >= FactsOf(os).later_privileges_from) {
    for (const Sid& holder : {Sid::Administrators(), Sid::Service()}) {
      r[holder].insert("SeImpersonatePrivilege");
      r[holder].insert("SeCreateGlobalPrivilege");
    }
  }
  r[Sid::Users()] = {"SeInteractiveLogonRight", "SeNetworkLogonRight", "SeChangeNotifyPrivilege", "SeUndockPrivilege"};
  if (workstation) r[Sid::Users()].insert("SeShutdownPrivilege");  // servers: admins only
  r[Sid::PowerUsers()] = {
      "SeInteractiveLogonRight", "SeNetworkLogonRight",   "SeChangeNotifyPrivilege",        "SeShutdownPrivilege",
      "SeUndockPrivilege",       "SeSystemtimePrivilege", "SeProfileSingleProcessPrivilege"};
  r[Builtin(551)] = {"SeInteractiveLogonRight", "SeNetworkLogonRight", "SeChangeNotifyPrivilege",
                     "SeShutdownPrivilege",     "SeBackupPrivilege",   "SeRestorePrivilege"};
  if (terminal_services) r[Builtin(555)] = {"SeRemoteInteractiveLogonRight"};
  r[s.sam.domain.WithRid(501)] = {"SeInteractiveLogonRight", "SeDenyNetworkLogonRight"};
  if (IsXpFamily(os)) {
    r[s.sam.domain.WithRid(kSupportAccountRid)] = {"SeDenyInteractiveLogonRight", "SeDenyNetworkLogonRight",
                                                   "SeBatchLogonRight"};
  }
}

}  // namespace

void AddAccounts(MachineState& s, const InstallOptions& options) {
  const OsEdition os = options.os;
  const uint64_t seed = options.seed;
  s.sam.domain = options.machine_sid.value_or(MachineSidFromSeed(seed));
  s.sam.users.push_back(User(kAdministratorRid, "Administrator", "",
                             "Built-in account for administering the computer/domain",
                             std::string(FreshAdministratorPassword(seed).Reveal()), {}, s.clock));
  s.sam.users.push_back(User(kGuestRid, "Guest", "", "Built-in account for guest access to the computer/domain", "",
                             {.disabled = true, .password_never_expires = true, .cannot_change_password = true},
                             s.clock));
  // The built-in Guest needs no password (UF_PASSWD_NOTREQD): net user says "Password required No"
  // (docs/windows-reference.md#net-commands).
  s.sam.users.back().password_not_required = true;
  s.sam.next_rid = kFirstAccountRid;
  if (IsXpFamily(os)) {
    const fixer::AccountFlags locked_down{
        .disabled = true, .password_never_expires = true, .cannot_change_password = true};
    s.sam.users.push_back(User(kHelpAssistantRid, "HelpAssistant", "Remote Desktop Help Assistant Account",
                               "Account for Providing Remote Assistance", RandomClear(seed, 0x4841'0000, 20),
                               locked_down, s.clock));
    s.sam.users.push_back(User(kSupportAccountRid, "SUPPORT_388945a0",
                               "CN=Microsoft Corporation,L=Redmond,S=Washington,C=US",
                               "This is a vendor's account for the Help and Support Service",
                               RandomClear(seed, 0x5355'0000, 20), locked_down, s.clock));
    s.sam.next_rid = kSupportAccountRid + 1;
  }
  AddGroups(s, os);
  if (IsXpFamily(os)) {
    // A local group of the machine domain holding no user right [S: Default local groups]; its
    // comment is a modelling choice (choice-fresh-accounts).
    s.sam.groups.push_back({s.sam.domain.WithRid(kHelpServicesGroupRid),
                            "HelpServicesGroup",
                            "Group for the Help and Support Center",
                            {s.sam.domain.WithRid(kSupportAccountRid)}});
  }
  AddRights(s, os, options.service_pack);
  s.lsa.password_policy = {};  // XP defaults: no minimum, no complexity, 42 days, no history
  s.lsa.lockout = {};          // threshold 0: never lock out
  s.lsa.limit_blank_password_use = true;
}

// IIS 6 setup's IIS_WPG: the group every application pool identity must belong to, and the
// one aspnet_regiis grants the ASP.NET ACLs to on IIS 6 [M: IIS 6 docs "IIS_WPG group";
// members NETWORK SERVICE, LOCAL SERVICE and SYSTEM on a clean install]. A local group of the
// machine domain, so it takes the next RID.
void AddIisWorkerGroup(MachineState& s) {
  const Sid wpg = s.sam.domain.WithRid(s.sam.next_rid++);
  s.sam.groups.push_back(
      {wpg, "IIS_WPG", "IIS Worker Process Group", {Sid::NetworkService(), Sid::LocalService(), Sid::LocalSystem()}});
  s.lsa.rights[wpg] = {"SeBatchLogonRight", "SeChangeNotifyPrivilege"};
}

}  // namespace fakes::fresh_install

namespace fakes {

fixer::Secret FreshAdministratorPassword(uint64_t seed) {
  // Fixed classes up front so it passes any complexity policy; the rest from the seed.
  std::string clear = "Xp1!";
  static constexpr std::string_view kAlphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  for (uint64_t i = 0; i < 10; ++i)
    clear.push_back(kAlphabet[fresh_install::Derive(seed, 0x4144'0000 + i) % kAlphabet.size()]);
  return fixer::Secret::FromString(std::move(clear));
}

}  // namespace fakes
