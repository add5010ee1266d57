// Diagnosis: what the fixer found on the machine, read without changing anything.
//
// The decision "affected" comes from causes, never from a table of platforms: an application is
// served by ASP.NET 1.0 in aspnet_wp.exe, its worker identity is a local account without a
// profile, MS03-032 is installed, and (when the web probe works) the symptom is seen.
//
//   #include <iostream>
//   fixer::Result<fixer::Diagnosis> d = repair.Diagnose();
//   if (d && d->verdict == fixer::Verdict::kNotAffected)
//     for (const std::string& why : d->missing) std::cout << why << "\n";
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/options.h"
#include "fixer/ports/accounts.h"
#include "fixer/ports/aspnet.h"
#include "fixer/ports/event_log.h"
#include "fixer/ports/inventory.h"
#include "fixer/ports/profiles.h"
#include "fixer/ports/security.h"
#include "fixer/sid.h"

namespace fixer {

// How <processModel userName> names the ASP.NET 1.0 worker identity.
enum class WorkerKind {
  kMachineAccount,      // "machine": the ASPNET account, password AutoGenerate in the LSA
  kLocalSystem,         // "SYSTEM": LocalSystem, which always has a profile
  kRegistryCredential,  // "registry:HKLM\...": aspnet_setreg; the operator owns its password
  kCustomAccount,       // any other name, with a password written in machine.config
};
std::string_view ToString(WorkerKind k);  // "machine", "SYSTEM", "registry", "custom"

struct WorkerIdentity {
  WorkerKind kind = WorkerKind::kMachineAccount;
  std::string configured;  // userName exactly as written in machine.config
  std::string account;     // resolved account name: "ASPNET", "LocalSystem", "webuser"
  // Whether ASP.NET 1.0's processModel was read for it: false without ASP.NET 1.0 (no worker of
  // it to name) and for a caller who is no administrator; nothing below is known then.
  bool read = false;
  bool local = true;  // a local account of this machine (not a domain account)
  bool exists = false;
  Sid sid;
  AccountFlags flags;
  bool password_expired = false;  // a logon fails with 1330, or 1907 when password_must_change
  bool password_must_change = false;
  std::vector<std::string> groups;  // its local groups, by name
  // The local groups its logon token holds: those naming it, Everyone, Authenticated Users or BATCH
  // (BUILTIN\Users holds Authenticated Users), shown as Windows shows them ("BUILTIN\Users").
  std::vector<LocalGroupRef> token_groups;
  bool has_profile = false;
  std::string profile_path;
  // Without a usable profile: the folder the repair's profile-loading logon will make. Not the one
  // named as the account when that folder is taken (often by a deleted account's profile). Under
  // recreate, the new account's, to which the present account's ProfileList entry is another SID's.
  std::string new_profile_path;
  // Why new_profile_path is not the folder named as the account: each name Windows tried before it
  // (NAME, NAME.COMPUTER, NAME.COMPUTER.000 ...) with what takes it ("C:\...\ASPNET is taken: a folder
  // of that name exists", the profile whose ProfileList entry names it where one is known), by "; ".
  std::string new_profile_taken;
  // userName="machine" with a password processModel gives itself (clear text or aspnet_setreg's),
  // not AutoGenerate: the worker logs on with it, not with the one the repair stores in the LSA.
  bool own_password = false;
  // The password it logs on with (processModel's, or the LSA's AutoGenerate one) is blank, and the
  // policy limits blank passwords to console logons: its batch logon is refused, 1327 where that is
  // the account's password (1326 where it is not). docs/windows-reference.md#blank-passwords
  bool blank_password_refused = false;
  // userName="registry:...": the error reading the user name aspnet_setreg stored (2: the key or
  // value is missing); 0 when read. `account` is then empty: no name is known.
  uint32_t credential_error = 0;
  // processModel enable="false": ASP.NET runs inside inetinfo.exe (as LocalSystem), not aspnet_wp.exe.
  bool in_inetinfo = false;
};

// A framework as seen by the diagnosis. The processModel password is deliberately absent.
struct FrameworkSummary {
  std::string version;
  bool tools_present = true;
  std::string process_model_user;
};

enum class SymptomCheck {
  kSeen,           // some 1.0 application answered 503 "Server Application Unavailable"
  kNotSeen,        // every probed application answered without the symptom
  kUnavailable,    // the probe is unsupported (50) or failed: diagnosed from causes alone
  kNoApplication,  // nothing to probe: no application is mapped to ASP.NET 1.0
};
std::string_view ToString(SymptomCheck s);

struct ProbeResult {
  std::string application;  // metabase path
  bool answered = false;    // false: the probe itself failed, see error
  int status = 0;
  bool symptom = false;
  std::string error;  // "50: The request is not supported." when !answered
  // Why this application was not requested ("" when it was): its worker's logon already failed.
  std::string not_requested;
  // The Application log entry the request made the worker write (a failed start), if any.
  std::optional<EventRecord> event;
};

// IIS 6.0 in worker process isolation mode: the application pool an ASP.NET 1.0 application runs
// in and the identity its w3wp.exe runs as, as the metabase gave them. A read that failed keeps
// its Windows error here: the diagnosis goes on and says the identity was not read.
struct AppPoolReading {
  std::string application;  // "/LM/W3SVC/1/ROOT/shop"
  std::string pool;         // "DefaultAppPool"; "" when the application's pool could not be read
  std::string identity;     // "NETWORK SERVICE", "XPPRO\webpool"; "" when not read
  Status error;             // the read that failed (the pool's, else its identity's); ok when both were read
};
// "w3wp.exe as NETWORK SERVICE (application pool DefaultAppPool)", or why the identity was not read.
std::string AppPoolText(const AppPoolReading& r);

// One cause of the failure and whether it holds here.
struct Cause {
  std::string id;  // "aspnet10-in-aspnet_wp", "worker-without-profile", "ms03-032", "symptom"
  bool met = false;
  std::string detail;  // what was found, in words
};

// What still names an earlier worker account's SID: a SQL login named as the worker
// ("XPPRO\ASPNET") that stores another SID, granted to an ASPNET since deleted (a recreate such
// as fixup.cmd's keeps the name and orphans the login: docs/windows-reference.md#fixer-decisions),
// or the SID of another account that still lives (`holder`), whose login it is.
// SQL Server matches a Windows login by SID, so the worker cannot use it; no step changes it.
struct OldSidLeftovers {
  Sid sid;                             // the SID the login stores
  std::vector<SqlLogin> logins;        // named as the worker, storing `sid`
  std::vector<SqlDbUser> db_users;     // mapped to `sid`
  size_t aces = 0;                     // explicit ACEs naming `sid`
  std::vector<std::string> rights;     // LSA rights `sid` still holds
  std::optional<ProfileInfo> profile;  // its ProfileList entry: the folder a new profile cannot take
  // The live account that holds `sid` now, as LookupAccountSid names it ("XPPRO\aspnet_old": an
  // account renamed, the login keeping the name it was made under); "" for a deleted account's.
  std::string holder;
};

// What a fix would touch, read before anything changes.
struct FixScope {
  std::vector<std::string> services_to_stop;  // in stop order: dependents before IISADMIN
  std::vector<std::string> services_paused;   // those of services_to_stop paused now: paused again after
  std::vector<std::string> rights;            // held by the worker SID itself
  std::vector<std::string> groups;
  SharedObjectAces aces;             // explicit ACEs naming the worker SID, by object
  std::optional<Sid> aces_read_for;  // the SID `aces` was read for; none: not read
  std::vector<SqlLogin> sql_logins;
  std::vector<SqlDbUser> db_users;
  // Logins named as the worker that store another SID, with what else names that SID.
  std::vector<OldSidLeftovers> old_sids;
};

// What the fixer does about a failing precondition of the worker's start.
enum class Remedy {
  kNone,      // the precondition holds
  kRepaired,  // a step of the plan repairs it (and its undo puts it back)
  kRefused,   // an administrator's choice or outside the fixer: it refuses before any change
  kPending,   // a repair of this fixer is pending: its resume or rollback comes first, and may mend it
};
std::string_view ToString(Remedy r);  // "none", "repaired", "refused"

// One precondition of the ASP.NET 1.0 worker's start, in the order Windows meets them: the web
// server listens, the processModel credentials can be read, the account logs on (batch logon:
// exists, not locked out, enabled, password not expired, logon right), its profile exists; then
// it reads the application's folder, and a StateServer application reaches aspnet_state.
// docs/windows-reference.md#logon-order
struct Precondition {
  std::string id;  // "web-server-running", "credentials", "account-exists", "not-locked-out",
                   // "enabled", "password-not-expired", "batch-logon-right", "profile",
                   // "site-folder-access", "aspnet-folder-access", "session-state"
  bool met = true;
  uint32_t error = 0;  // the Windows error its failure gives (1331, 1909, 1330, 1385, ...)
  std::string detail;  // what was found, with the error and its text
  Remedy remedy = Remedy::kNone;
  // Why no step runs where one would repair it (remedy kRefused: the administrator's to fix);
  // "" otherwise. Said() shows it after the detail.
  std::string no_step;
  // Met as far as the fixer can read, but only a logon would show it holds (processModel's
  // password): a later failing precondition is then not surely the first.
  bool unverified = false;
  // A need of the repair that its steps would meet, failing only after it (a service the repair
  // never stops, whose next start fails; a password processModel gives ASPNET that logs it on now,
  // or that no logon has checked): the repair would finish, but break that.
  bool fails_after_repair = false;
  // What it is about, as its advice names it: the service by key name ("SMTPSVC":
  // services-start-again; "aspnet_state", "MSSQLSERVER": session-state), the group ("BUILTIN\Users":
  // interactive-logon-right), the folder ("C:\WINDOWS\Temp": site-folder-access,
  // aspnet-folder-access), or "". Several failing preconditions may share an id, one per subject.
  std::string subject;
  // The SID whose deny fails it ("BUILTIN\Users": batch-logon-right, site-folder-access,
  // aspnet-folder-access), as its advice names it too; "" for a missing allow.
  std::string denied_to;
  // The applications it fails ("/LM/W3SVC/1/ROOT/a and /LM/W3SVC/1/ROOT/b": session-state), or "".
  std::string applications;

  std::string Said() const;  // the detail, then "; <no_step>, so no step runs: ..." where set
};

enum class Verdict {
  kAffected,       // every cause holds: the fix applies
  kAlreadyFixed,   // ASP.NET 1.0 + MS03-032, the worker has a profile, and this fixer's own mark
                   // (an Application event naming the worker's SID) shows it made it
  kNotAffected,    // some cause is missing: see `missing`
  kNotAdmin,       // the caller is not an administrator; nothing beyond the caller was read
  kRepairPending,  // a repair of this fixer was interrupted: the machine is half repaired (PendingRepair)
};
std::string_view ToString(Verdict v);

// A run of this fixer left unfinished, as its journal says it: what resume and rollback will do.
struct PendingRepair {
  Strategy strategy = Strategy::kKeepSid;
  std::string account;
  Sid sid;                               // the account's SID when the run began
  std::vector<std::string> done;         // its steps done, in order (those an undo has not yet undone)
  std::vector<std::string> left;         // its steps not done, which resume runs
  std::vector<std::string> begun;        // of those, the steps begun and not done: rollback undoes them too
  bool undoing = false;                  // an undo was under way: resume and rollback both finish it
  bool rollback_asked = false;           // that undo was a rollback's
  bool past_point_of_no_return = false;  // recreate deleted the account: rollback rolls forward
};

struct Diagnosis;
// A diagnosis of a machine a repair of this fixer left half done: verdict repair-pending, every
// failing precondition "pending" (the run's own work, or for resume or rollback to meet first: none
// is the administrator's to fix by hand meanwhile), and a note saying what resume and rollback do.
void MarkRepairPending(Diagnosis& d, PendingRepair pending);

struct Diagnosis {
  CallerInfo caller;
  OsInfo os;
  WebServerInfo web_server;
  std::vector<FrameworkSummary> frameworks;
  std::vector<std::string> hotfixes;
  std::vector<ApplicationInfo> applications_on_10;  // applications mapped to ASP.NET 1.0
  // Each of them with its application pool and that pool's identity: IIS 6.0 in worker process
  // isolation mode alone, where w3wp.exe serves them (empty elsewhere).
  std::vector<AppPoolReading> app_pools;
  WorkerIdentity worker;
  std::vector<ProbeResult> probes;
  SymptomCheck symptom = SymptomCheck::kNoApplication;
  std::vector<Cause> causes;
  Verdict verdict = Verdict::kNotAffected;
  std::vector<std::string> missing;  // one line per unmet cause
  FixScope scope;
  std::vector<std::string> notes;  // e.g. "web probe unsupported: diagnosed from causes alone"
  // The worker's start, precondition by precondition (empty for LocalSystem or a domain account).
  std::vector<Precondition> worker_start;
  // What the repair's own steps need of the machine, which they do not mend ("services-start-again",
  // "secondary-logon", "interactive-logon-right"): a failing one refuses the plan before any change.
  // Read on an affected machine whose worker is the existing ASPNET (where the plan's steps would
  // run). Where the worker is an account of its own (the plan refuses: custom-account), what the
  // profile logon its advice gives needs ("secondary-logon", "interactive-logon-right"); empty elsewhere.
  std::vector<Precondition> repair_needs;
  bool fixed_by_this_tool = false;  // this fixer's mark names the worker's SID
  // The newest error ASP.NET 1.0 wrote to the Application log after this fixer's last mark: what
  // the worker's last failed start said (1007: it could not log on as its processModel identity).
  std::optional<EventRecord> worker_error;
  // Set with verdict kRepairPending (MarkRepairPending): the interrupted run the findings are part of.
  std::optional<PendingRepair> pending_repair;

  bool affected() const { return verdict == Verdict::kAffected; }
  const Cause* FindCause(std::string_view id) const;
  // The first precondition that fails now (not one failing only after the repair), or null when
  // the worker would start.
  const Precondition* FirstFailingPrecondition() const;
  // Every ASP.NET 1.0 application answered the probe with 200: what an exit 0 promises. Without
  // the MS03-032 symptom a page can still fail (500: a StateServer application whose aspnet_state
  // is stopped).
  bool EveryApplicationAnswers() const;
};

// The profile is a precondition only where the flaw is (docs/windows-reference.md#fixer-decisions):
// a profile-sensitive build loaded in aspnet_wp.exe (host and bulletin causes met), and no page
// answering without the symptom. Read on a diagnosis DecideVerdict has drawn.
bool ProfileNeeded(const Diagnosis& d);
// Why the worker's start does not need a profile here, when ProfileNeeded is false.
std::string WhyNoProfileNeeded(const Diagnosis& d);

}  // namespace fixer
