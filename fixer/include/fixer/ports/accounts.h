// Accounts: local users and groups (the SAM) as the fixer sees them.
//
// Real backend: NetUserAdd/Del/GetInfo/SetInfo, NetLocalGroupAddMembers/DelMembers,
// NetUserGetLocalGroups, NetLocalGroupEnum/GetMembers, LookupAccountName, LookupAccountSid. Names are
// case-insensitive.
//
//   fixer::Secret temp = fixer::Secret::FromString("Tmp-pa55word!x");
//   fixer::Result<fixer::Account> acct = accounts.Lookup("ASPNET");   // 2221 if there is no such user
//   fixer::Status set = accounts.SetPassword("ASPNET", temp);         // 2245 if the policy rejects it
//   fixer::Status flags = accounts.SetFlags("ASPNET", {.disabled = false, .password_never_expires = true});
//   fixer::Status mark = accounts.RequirePasswordChange("ASPNET");     // "must change password at next logon"
//   const fixer::Sid token[] = {acct->sid, fixer::Sid::Everyone(), fixer::Sid::AuthenticatedUsers()};
//   auto groups = accounts.GroupsContaining(token);                    // Users (S-1-5-32-545), ...
//   fixer::Result<std::string> who = accounts.NameOf(acct->sid);       // "XPPRO\ASPNET"; 1332 for a deleted one
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "fixer/result.h"
#include "fixer/secret.h"
#include "fixer/sid.h"

namespace fixer {

struct AccountFlags {
  bool disabled = false;
  bool locked_out = false;
  bool password_never_expires = false;
  bool cannot_change_password = false;
  friend bool operator==(const AccountFlags&, const AccountFlags&) = default;
};

struct Account {
  std::string name;
  Sid sid;
  std::string full_name;
  std::string comment;
  AccountFlags flags;
  std::vector<std::string> groups;  // local groups the account is a member of, by name
  // Its password must be changed (or is older than the maximum age): a logon fails, with 1907
  // when it must be changed at the next logon, with 1330 when it is too old.
  bool password_expired = false;
  // The account carries "User must change password at next logon" (usri_password_expired set by an
  // administrator, PasswordLastSet 0): a logon fails with 1907, not 1330, while password_expired.
  // Read whether or not "password never expires" overrides it now, so a restore can set it back.
  // The Win32 backend cannot tell it from an aged-out password and leaves it false.
  bool password_must_change = false;
  // UF_PASSWD_NOTREQD: the account may have a blank password whatever the policy's minimum length
  // (the built-in Guest carries it; `net user` prints "Password required No"). Read only: no call
  // here sets it (docs/windows-reference.md#net-commands).
  bool password_not_required = false;
};

// A local group as a token holds it.
struct LocalGroupRef {
  std::string name;  // "Users"
  Sid sid;           // S-1-5-32-545
  friend bool operator==(const LocalGroupRef&, const LocalGroupRef&) = default;
};

struct NewAccount {
  std::string name;
  std::string full_name;
  std::string comment;
  AccountFlags flags;
};

class Accounts {
 public:
  virtual ~Accounts() = default;

  // 2221 NERR_UserNotFound if absent.
  virtual Result<Account> Lookup(const std::string& name) = 0;
  // Creates the user, checked against the password policy (2245), adds it to Users, gives
  // it the next never-used RID. 2224 if the name exists.
  virtual Result<Sid> Create(const NewAccount& spec, const Secret& password) = 0;
  // 2221 if absent. Leaves its profile and every ACE naming its SID in place.
  virtual Status Delete(const std::string& name) = 0;
  // 2245 if the policy rejects the password, 2221 if absent.
  virtual Status SetPassword(const std::string& name, const Secret& password) = 0;
  // Sets disabled / locked_out (only to false: unlock) / never-expires / cannot-change.
  virtual Status SetFlags(const std::string& name, const AccountFlags& flags) = 0;
  // Sets "User must change password at next logon" (NetUserSetInfo, USER_INFO_4's
  // usri4_password_expired nonzero), which SetPassword clears; the password stays. 2221 if absent.
  virtual Status RequirePasswordChange(const std::string& name) = 0;
  // The local groups one of `members` belongs to, in the SAM's order: what a logon puts in a
  // token for a user whose SID and implicit SIDs (Everyone, Authenticated Users, BATCH) those are
  // (NetLocalGroupEnum and NetLocalGroupGetMembers; local groups hold no local groups).
  virtual Result<std::vector<LocalGroupRef>> GroupsContaining(std::span<const Sid> members) = 0;
  // NetLocalGroupAddMembers' errors, passed through: 2220 NERR_GroupNotFound no such group (not
  // 1376, which only net.exe shows), 1387 no such member, 1388 a member of the wrong type (a local
  // group), 1378 already a member (docs/windows-reference.md#local-groups).
  virtual Status AddToGroup(const std::string& group, const Sid& member) = 0;
  // NetLocalGroupDelMembers' errors, passed through: 2220 no such group, 1377 not a member, 1371 the
  // built-in Administrator from Administrators (docs/windows-reference.md#local-groups).
  virtual Status RemoveFromGroup(const std::string& group, const Sid& member) = 0;
  // Who holds `sid` now, as LookupAccountSid names it: "DOMAIN\name" ("XPPRO\aspnet_old",
  // "BUILTIN\Users"), the bare name where the domain is empty ("Everyone"); 1332
  // ERROR_NONE_MAPPED for a SID no account holds (a deleted account's).
  virtual Result<std::string> NameOf(const Sid& sid) = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class AccountsWrapper : public Accounts {
 public:
  explicit AccountsWrapper(Accounts& target) : target_(target) {}
  Accounts& target() { return target_; }
  Result<Account> Lookup(const std::string& name) override { return target_.Lookup(name); }
  Result<Sid> Create(const NewAccount& spec, const Secret& password) override { return target_.Create(spec, password); }
  Status Delete(const std::string& name) override { return target_.Delete(name); }
  Status SetPassword(const std::string& name, const Secret& password) override {
    return target_.SetPassword(name, password);
  }
  Status SetFlags(const std::string& name, const AccountFlags& flags) override { return target_.SetFlags(name, flags); }
  Status RequirePasswordChange(const std::string& name) override { return target_.RequirePasswordChange(name); }
  Status AddToGroup(const std::string& group, const Sid& member) override { return target_.AddToGroup(group, member); }
  Status RemoveFromGroup(const std::string& group, const Sid& member) override {
    return target_.RemoveFromGroup(group, member);
  }
  Result<std::vector<LocalGroupRef>> GroupsContaining(std::span<const Sid> members) override {
    return target_.GroupsContaining(members);
  }
  Result<std::string> NameOf(const Sid& sid) override { return target_.NameOf(sid); }

 private:
  Accounts& target_;
};

}  // namespace fixer
