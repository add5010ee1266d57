// The whole state of one simulated Windows machine, as plain data.
//
// This is the fake machine's "disk": what a state file (YAML) holds, what a sweep copies and
// compares, and what the subsystems (sam.h, lsa.h, scm.h, ...) read and change. Behaviour lives
// in the subsystems; nothing here enforces a Windows rule.
//
//   #include "fakes/fresh_install.h"
//   fakes::MachineState s = fakes::FreshInstall({.os = fixer::OsEdition::kWindowsXpProfessional, .seed = 7});
//   s.products.frameworks.push_back({.version = "1.0.3705"});
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/member_list.h"
#include "fakes/named_list.h"
#include "fakes/object_map.h"
#include "fakes/right_set.h"
#include "fixer/name_case.h"
#include "fixer/ports/accounts.h"
#include "fixer/ports/aspnet.h"
#include "fixer/ports/event_log.h"
#include "fixer/ports/inventory.h"
#include "fixer/ports/journal.h"
#include "fixer/ports/password_policy.h"
#include "fixer/ports/security.h"
#include "fixer/ports/service_control.h"
#include "fixer/sid.h"

namespace fakes {

using fixer::Sid;

// ---- SAM ----------------------------------------------------------------------------------

struct UserAccount {
  uint32_t rid = 0;  // the account's SID is sam.domain + rid
  std::string name;
  std::string full_name;
  std::string comment;
  std::string password_hash;                  // NT hash (hex MD4 of UTF-16LE); "" means a blank password
  std::vector<std::string> password_history;  // earlier hashes, newest first
  fixer::AccountFlags flags;
  // UF_PASSWD_NOTREQD: the account needs no password (the built-in Guest); net user says
  // "Password required No". The ports read it (fixer::Account::password_not_required), never set it.
  bool password_not_required = false;
  bool password_expired = false;
  uint32_t bad_password_count = 0;
  int64_t password_last_set = 0;  // machine clock seconds
  int64_t locked_out_at = 0;
  int64_t last_bad_password_at = 0;  // when bad_password_count last grew (observation window)
  int64_t last_logon = 0;            // the last successful logon (USER_INFO_2 usri2_last_logon); 0: never
  friend bool operator==(const UserAccount&, const UserAccount&) = default;
};

struct LocalGroup {
  Sid sid;  // builtin groups: S-1-5-32-544 ...
  std::string name;
  std::string comment;
  MemberList members;  // in the order they joined
  friend bool operator==(const LocalGroup&, const LocalGroup&) = default;
};

struct RidOfAccount {
  uint32_t operator()(const UserAccount& u) const { return u.rid; }
};
struct SidOfGroup {
  const Sid& operator()(const LocalGroup& g) const { return g.sid; }
};

struct SamState {
  Sid domain;                                  // S-1-5-21-a-b-c, derived from the machine seed
  uint32_t next_rid = 1000;                    // RIDs are never reused: this only grows
  NamedList<UserAccount, RidOfAccount> users;  // by name and by RID
  NamedList<LocalGroup, SidOfGroup> groups;    // by name and by SID
  friend bool operator==(const SamState&, const SamState&) = default;
};

// ---- LSA: policy, rights, secrets ------------------------------------------------------------

struct LockoutPolicy {
  uint32_t threshold = 0;  // 0: never lock out
  uint32_t duration_minutes = 30;
  uint32_t reset_minutes = 30;
  friend bool operator==(const LockoutPolicy&, const LockoutPolicy&) = default;
};

// What a capture recorded of an LSA secret whose value it did not read (`{redacted: true,
// logs_on: BOOL}` in the machine file): whether the secret logged ASPNET on, none where the
// capture could not tell (a locked-out ASPNET, a failed logon).
struct RedactedSecret {
  std::optional<bool> logs_on;
  friend bool operator==(const RedactedSecret&, const RedactedSecret&) = default;
};

struct LsaState {
  fixer::PasswordPolicyInfo password_policy;  // lockout_threshold mirrors lockout.threshold
  LockoutPolicy lockout;
  bool limit_blank_password_use = true;  // blank passwords only at the console (1327)
  std::map<Sid, RightSet> rights;        // user rights assignment
  // LSA private data, encrypted (see lsa.h), by name in any case: Windows keeps a secret as a
  // registry key (docs/windows-reference.md#lsa-secret-names); the map keeps the first spelling.
  std::map<std::string, std::string, fixer::WindowsNameLess> secrets;
  // The secrets a capture redacted, by name: the value held stands in for the one not read.
  // Dropped when the secret is stored or erased, as the record no longer describes its value.
  std::map<std::string, RedactedSecret, fixer::WindowsNameLess> redacted_secrets;
  // The password the SCM keeps for a service logging on as a local user, as its NT hash, by the
  // service's key name; recorded when that user's password changes or the user is deleted (Windows
  // keeps it as the LSA secret _SC_<service>). A service without one has its account's password.
  std::map<std::string, std::string, fixer::WindowsNameLess> service_passwords;
  friend bool operator==(const LsaState&, const LsaState&) = default;
};

// ---- Profiles ------------------------------------------------------------------------------

struct ProfileEntry {  // HKLM\...\ProfileList\<SID>
  Sid sid;
  std::string path;  // ProfileImagePath, expanded: "C:\Documents and Settings\ASPNET"
  friend bool operator==(const ProfileEntry&, const ProfileEntry&) = default;
};
struct SidOfProfile {
  const Sid& operator()(const ProfileEntry& p) const { return p.sid; }
};
struct PathOfProfile {
  const std::string& operator()(const ProfileEntry& p) const { return p.path; }
};
using ProfileList = NamedList<ProfileEntry, SidOfProfile, PathOfProfile>;  // by SID and by folder

// ---- Securable objects: files, registry keys, metabase nodes: object_map.h ---------------

struct SidOfLogin {
  const Sid& operator()(const fixer::SqlLogin& l) const { return l.sid; }
};

// A database is named by its text.
struct TheName {
  const std::string& operator()(const std::string& name) const { return name; }
};

// A database user is named by its database and its name inside it.
struct NameOfDbUser {
  TwoPartName operator()(const fixer::SqlDbUser& u) const { return {u.database, u.name}; }
};

struct SqlServerState {
  bool installed = false;
  NamedList<std::string, NoKey, TheName> databases;
  NamedList<fixer::SqlLogin, SidOfLogin> logins;           // by name and by the SID each stores
  NamedList<fixer::SqlDbUser, NoKey, NameOfDbUser> users;  // by database and name
  friend bool operator==(const SqlServerState&, const SqlServerState&) = default;
};

// ---- Products ------------------------------------------------------------------------------

// A file an update replaced, and whether this build of it fails in a process whose identity
// has no loaded user profile (the MS03-032 flaw is data of the hotfix build, see sim/).
struct UpdatedComponent {
  std::string file;     // "urlmon.dll"
  std::string version;  // "6.0.2800.1226"
  bool fails_without_profile = false;
  friend bool operator==(const UpdatedComponent&, const UpdatedComponent&) = default;
};

struct InstalledHotfix {
  std::string id;  // bulletin, "MS03-032"
  std::string kb;  // "KB822925"
  std::vector<UpdatedComponent> components;
  friend bool operator==(const InstalledHotfix&, const InstalledHotfix&) = default;
};

struct PathOfApplication {
  const std::string& operator()(const fixer::ApplicationInfo& a) const { return a.path; }
};

struct ProductsState {
  fixer::OsInfo os;
  fixer::WebServerInfo web;
  std::string app_pool_identity = "NETWORK SERVICE";  // IIS 6: DefaultAppPool's identity
  // IIS 6's other application pools by name ("ShopPool"), each with its identity (app_pools.h).
  std::map<std::string, std::string> app_pools;
  // The AppPoolId a metabase node sets, by node ("/LM/W3SVC/1/ROOT/shop" -> "ShopPool"); a node
  // setting none inherits its parent's (app_pools.h).
  std::map<std::string, std::string> app_pool_ids;
  std::vector<fixer::FrameworkInfo> frameworks;
  NamedList<fixer::ApplicationInfo, NoKey, PathOfApplication> applications;  // by metabase path
  std::vector<InstalledHotfix> hotfixes;
  friend bool operator==(const ProductsState&, const ProductsState&) = default;
};

struct SessionState {
  std::string caller = "Administrator";         // who runs the tools
  std::optional<std::string> interactive_user;  // who is logged on at the console
  friend bool operator==(const SessionState&, const SessionState&) = default;
};

// ---- Capture: a machine file `aspnet-fixer capture` wrote -------------------------------------

// One read a port refused while capturing, with its Windows error.
struct UnreadableRead {
  std::string read;  // "the rights of ASPNET"
  uint32_t error = 0;
  std::string message;
  friend bool operator==(const UnreadableRead&, const UnreadableRead&) = default;
};

// The caller as the machine's read gave it (GetUserName, CheckTokenMembership) where the file holds
// no account to be it: a domain user, or an account whose read failed (`root` under Wine).
struct CapturedCaller {
  std::string name;
  bool is_admin = false;
  friend bool operator==(const CapturedCaller&, const CapturedCaller&) = default;
};

struct CaptureInfo {
  std::string tool;                        // "aspnet-fixer 0.1.0 (commit ...)"
  std::vector<std::string> accounts;       // accounts whose ACEs, rights, profile and logins were read
  std::vector<UnreadableRead> unreadable;  // what could not be read (listed, never guessed)
  std::optional<CapturedCaller> caller;    // the caller's read, when no account of the file is it
  bool empty() const { return tool.empty() && accounts.empty() && unreadable.empty() && !caller; }
  friend bool operator==(const CaptureInfo&, const CaptureInfo&) = default;
};

// ---- The machine ---------------------------------------------------------------------------

// The times a machine can hold (its clock, a password set, a lockout), seconds since 1970: those a
// Windows FILETIME can (1601-01-01 to the year 30828), so a policy's days or minutes added to one
// never overflow.
inline constexpr int64_t kEarliestMachineTime = -11644473600;
inline constexpr int64_t kLatestMachineTime = 910692730085;

struct MachineState {
  uint64_t seed = 1;           // determines the machine SID and the machine's own randomness
  uint64_t rng_state = 0;      // the machine's random stream (aspnet_regiis passwords, ...)
  int64_t clock = 1061510400;  // seconds since the epoch; 2003-08-22 by default
  SamState sam;
  LsaState lsa;
  ProfileList profiles;
  ObjectMap objects;  // object_map.h: shared object by object between copies
  SqlServerState sql;
  NamedList<fixer::ServiceInfo> services;  // by key name
  ProductsState products;
  SessionState session;
  std::vector<fixer::EventRecord> events;
  std::vector<fixer::JournalRecord> journal;  // the fixer's journal file
  CaptureInfo capture;                        // empty unless the file is a capture
  // Field by field: what a saved and reloaded state file must reproduce exactly.
  friend bool operator==(const MachineState&, const MachineState&) = default;
};

}  // namespace fakes
