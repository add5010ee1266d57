// Sam: local users and groups (the Security Accounts Manager) of a fake machine.
//
// Windows rules kept here: names compare case-insensitively and are at most 20 characters
// without " / \ [ ] : ; | = , + * ? < > (2202), and not already a user's, a local group's, the
// global group None's, a well-known principal's or a domain's (2224; 1379 for a local group, 2223
// for None); RIDs start at 1000 and are
// never reused (a deleted account's RID is gone for good, next_rid only grows); an account below
// RID 1000 (Administrator, Guest) cannot be deleted (1371), nor can Administrator leave
// Administrators (1371); a new user joins Users; passwords are
// checked against the policy when set (2245: a refused create still uses its RID) and stored as
// NT hashes; deleting a user removes it from its groups but leaves its profile and every ACE
// naming its SID.
//
//   fakes::Sam sam(machine);
//   fixer::Result<fixer::Sid> sid =
//       sam.CreateUser({.name = "ASPNET", .full_name = "aspnet_wp account"}, fixer::Secret::FromString("1pass@word"));
//   fixer::Status st = sam.DeleteUser("ASPNET");        // 2221 if absent
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/machine.h"
#include "fixer/ports/accounts.h"

namespace fakes {

// The built-in accounts' RIDs (DOMAIN_USER_RID_ADMIN, DOMAIN_USER_RID_GUEST).
inline constexpr uint32_t kAdministratorRid = 500;
inline constexpr uint32_t kGuestRid = 501;
// RIDs below this are the built-in (well-known) accounts': the SAM refuses to delete any of them
// (MS-SAMR SamrDeleteUser), and gives new accounts RIDs from it up.
inline constexpr uint32_t kFirstAccountRid = 1000;
// The account domain's one global group on a machine outside a domain: DOMAIN_GROUP_RID_USERS (513)
// under the name "None" (docs/windows-reference.md#account-names-taken). The model keeps no global
// groups besides: every account is in it, and a new account may not take its name.
inline constexpr std::string_view kNoneGroupName = "None";

// Reads straight from a state, for checkers that hold a state and no Machine (the sweep compares
// thousands of end states): no copy, no Mutate. Sam's own reads answer through these.
const UserAccount* FindUserIn(const MachineState& state, std::string_view name);
std::optional<fixer::Sid> UserSidIn(const MachineState& state, std::string_view name);
std::vector<fixer::Sid> GroupsOfIn(const MachineState& state, const fixer::Sid& member);
// Sam::LookupName's answer for that state: "ASPNET", "XPPRO\ASPNET", ".\ASPNET", "Users", "SYSTEM".
fixer::Result<fixer::Sid> LookupNameIn(const MachineState& state, const std::string& name);
// Whether a new user or local group may take `name`: 1379 when a local group has it, 2223 when the
// global group None does, 2224 when a user, a well-known principal ("SYSTEM", "Everyone") or a
// domain (the computer's name, "BUILTIN") does; OK when it is free.
fixer::Status NameInUseIn(const MachineState& state, std::string_view name);
// What NetLocalGroupAdd answers for a new local group's name: 2202 for one the account name rules
// refuse (up to 256 characters here, not 20), else NameInUseIn's answer.
fixer::Status CheckNewGroupNameIn(const MachineState& state, std::string_view name);

class Sam {
 public:
  explicit Sam(Machine& machine) : m_(machine) {}

  // Mutations: each calls Machine::Mutate first ("sam.create_user", "sam.delete_user",
  // "sam.set_password", "sam.set_flags", "sam.require_password_change", "sam.add_member",
  // "sam.remove_member").
  fixer::Result<fixer::Sid> CreateUser(const fixer::NewAccount& spec, const fixer::Secret& password);
  fixer::Status DeleteUser(const std::string& name);  // 2221; 1371 for a built-in account (RID below 1000)
  fixer::Status SetPassword(const std::string& name, const fixer::Secret& password);  // 2221, 2245
  // Clears the expired flag and the bad-password count as Windows does on a reset.
  fixer::Status SetFlags(const std::string& name, const fixer::AccountFlags& flags);  // 2221
  // Sets "must change password at next logon" (password_expired), nothing else: 2221.
  fixer::Status RequirePasswordChange(const std::string& name);
  fixer::Status AddMember(const std::string& group, const fixer::Sid& member);     // CheckNewMember's errors
  fixer::Status RemoveMember(const std::string& group, const fixer::Sid& member);  // CheckRemovedMember's errors

  // Reads (no Mutate).
  // What SetPassword would answer for this password, without setting it: 2221, 2245. An
  // administrator's set (NetUserSetInfo, `net user NAME PASSWORD`) checks length and complexity,
  // never the history, which binds only a user changing their own password; SetPassword still
  // pushes the old hash onto the history.
  fixer::Status CheckPassword(const std::string& name, const fixer::Secret& password) const;
  // What AddMember would answer, without adding: 2220 no such group (NERR_GroupNotFound, not
  // net.exe's 1376), 1387 a deleted account's SID,
  // 1388 a local group, 1378 already a member. NetLocalGroupAddMembers adds no member unless every
  // one of them passes (docs/windows-reference.md#local-groups).
  fixer::Status CheckNewMember(const std::string& group, const fixer::Sid& member) const;
  // What RemoveMember would answer, without removing: 2220 no such group, 1371 the built-in
  // Administrator (RID 500, whatever its name) from Administrators, 1377 not a member.
  fixer::Status CheckRemovedMember(const std::string& group, const fixer::Sid& member) const;
  const LocalGroup* FindGroup(const std::string& name) const;
  UserAccount* FindUser(const std::string& name);
  const UserAccount* FindUser(const std::string& name) const;
  UserAccount* FindUserBySid(const fixer::Sid& sid);
  const UserAccount* FindUserBySid(const fixer::Sid& sid) const;
  LocalGroup* FindGroup(const std::string& name);
  fixer::Sid SidOf(const UserAccount& user) const;
  // Groups (by SID) that `member` belongs to directly.
  std::vector<fixer::Sid> GroupsOf(const fixer::Sid& member) const;
  // The groups, in the SAM's order, that hold one of `members`: what a logon's token gets.
  std::vector<fixer::LocalGroupRef> GroupsContaining(std::span<const fixer::Sid> members) const;
  fixer::Account Describe(const UserAccount& user) const;  // the port's view of a user
  // Name of an account, group or well-known SID ("ASPNET", "Users", "NETWORK SERVICE",
  // "SYSTEM"); 1332 for a SID that maps to nothing (a deleted account).
  fixer::Result<std::string> LookupSid(const fixer::Sid& sid) const;
  // LookupSid's name with the domain LookupAccountSid gives it: "XPPRO\\ASPNET", "BUILTIN\\Users",
  // "NT AUTHORITY\\SYSTEM", "Everyone"; 1332 as LookupSid.
  fixer::Result<std::string> LookupQualifiedSid(const fixer::Sid& sid) const;
  // The account, group or well-known principal with that name; 1332 if none.
  fixer::Result<fixer::Sid> LookupName(const std::string& name) const;
  // How tools show a SID in an ACL: the name, or the bare SID string if it resolves to nothing.
  std::string DisplayName(const fixer::Sid& sid) const;

 private:
  Machine& m_;
};

// The machine SID S-1-5-21-a-b-c, derived deterministically from a machine seed.
fixer::Sid MachineSidFromSeed(uint64_t seed);

}  // namespace fakes
