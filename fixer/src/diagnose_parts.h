// The pieces of Diagnose, each reading one thing: the worker identity, the web probe, what a
// fix would touch, and the verdict drawn from the causes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fixer/diagnosis.h"
#include "fixer/ports/ports.h"

namespace fixer {

inline constexpr const char* kBulletin = "MS03-032";
inline constexpr const char* kSymptomText = "Server Application Unavailable";

// Classifies <processModel userName> (LocalSystem when enable="false": ASP.NET then runs inside
// inetinfo.exe), resolves it to an account and reads that account and its profile. `computer`
// strips "COMPUTER\" (and ".\") prefixes of local accounts. `profile_owner`: whose first profile
// new_profile_path is (a recreate's new account's, or the present account's).
Result<WorkerIdentity> ReadWorkerIdentity(Ports& ports, const ProcessModelConfig& process_model,
                                          const std::string& computer, NewProfileOwner profile_owner,
                                          std::vector<std::string>& notes);

// The diagnosis' note on the folder named as the worker being taken, with why (worker.new_profile_taken
// set): read once the scope's old SIDs are known, whose ProfileList entries may be what takes it.
Status NoteTakenProfileFolder(Ports& ports, Strategy strategy, Diagnosis& d);

// Each application's pool (Inventory::AppPoolOf) and that pool's identity, every pool read once;
// a read that fails is kept in its reading, never the diagnosis's error.
std::vector<AppPoolReading> ReadAppPools(Inventory& inventory, const std::vector<ApplicationInfo>& applications);

// Who serves the probed applications: `account` names it in notes; `shared_aspnet_wp` when one
// aspnet_wp.exe serves them all as that account (IIS 5, IIS 6 in IIS 5 isolation mode).
struct ProbeWorker {
  std::string account;
  bool shared_aspnet_wp = false;
  // A local account that does not exist has no lockout counter: its failed logons count toward none.
  bool has_lockout_counter = true;
};

// Requests the applications and classifies the answers, noting what each failed request made the
// worker do on Windows (its failed logon, its event). Once a request fails the shared worker's
// logon, the others are not requested: each would be one more failed logon toward the lockout.
SymptomCheck ProbeApplications(WebProbe& web, const std::vector<ApplicationInfo>& apps, const ProbeWorker& worker,
                               std::vector<ProbeResult>& probes, std::vector<std::string>& notes);

// Services, rights, groups, ACEs and SQL entries a fix would touch.
// `computer` names the worker's SQL login ("XPPRO\ASPNET"), read for old SIDs (OldSidLeftovers).
Result<FixScope> ReadFixScope(Ports& ports, const WorkerIdentity& worker, const std::string& computer);

// The SIDs other than the worker's that a SQL login named COMPUTER\account stores, each with the
// database users, explicit ACEs, rights and profile that still name it.
Result<std::vector<OldSidLeftovers>> ReadOldSidLeftovers(Ports& ports, const WorkerIdentity& worker,
                                                         const std::string& computer);
// One note per old SID: what names it, why the worker cannot use it, and what to do by hand.
std::vector<std::string> OldSidNotes(const WorkerIdentity& worker, const std::vector<OldSidLeftovers>& old_sids);
// What an exit 0 says it left as found: each old SID's login (the database access it does not
// repair) and, after a recreate (`recreated`), the ACEs and rights the old SID still holds.
std::vector<std::string> FixedButLeftMessages(const Diagnosis& d, bool recreated);

// The worker's start, precondition by precondition (docs/windows-reference.md#logon-order), each
// with what the fixer does when it fails. `autogenerate`: processModel password="AutoGenerate"
// (the LSA secret is read). Empty for LocalSystem, a domain account or no framework 1.0.
Result<std::vector<Precondition>> ReadWorkerPreconditions(Ports& ports, const WorkerIdentity& worker,
                                                          const WebServerInfo& web, bool autogenerate);

// Why a read of the password policy that failed stops the run before any change.
inline constexpr std::string_view kPasswordPolicyUnread =
    "The password policy could not be read, and the repair's temporary password must meet it";
// LimitsBlankPasswordUse; a read that fails is said with what it read and `why` it was read: "5: Access
// is denied. The blank-password policy (HKLM\...\LimitBlankPasswordUse) could not be read, and <why>."
Result<bool> ReadBlankPasswordLimit(PasswordPolicy& policy, std::string_view why);
// Whether the password the worker logs on with is blank: the one processModel gives, or the LSA's
// AutoGenerate one (false where that secret cannot be read: "credentials" fails on it itself).
Result<bool> WorkerPasswordBlank(Secrets& secrets, const WorkerIdentity& worker, const ProcessModelConfig& pm);
// The "credentials" precondition of a worker whose password is blank where the policy limits blank
// passwords to console logons (WorkerIdentity::blank_password_refused): its batch logon answers 1327
// where that is the account's password, 1326 where it is not; repaired for the LSA's, else refused.
Precondition BlankPasswordRefused(const Diagnosis& d);

// A precondition that holds, and one that fails with Windows' `error` ("what (5: Access is denied.)").
Precondition MetPrecondition(std::string id, std::string detail);
Precondition FailingPrecondition(std::string id, uint32_t error, std::string what, Remedy remedy);
// A precondition met as far as the fixer can read, that only a logon verifies (Precondition::unverified).
Precondition UnverifiedPrecondition(std::string id, std::string detail);
// "profile fails first: <detail>", or, when an unverified precondition (processModel's password)
// comes before `p` in the worker's start, that `p` fails first of what the fixer can read and that a
// wrong password would fail the logon before it (1326, event 1007).
std::string FailsFirst(const Diagnosis& d, const Precondition& p, std::string_view detail);
// The SIDs of the worker's batch logon token that the fixer can name: its own, its built-in groups'
// and the SIDs every batch logon carries (Everyone, Authenticated Users, BATCH).
// A local group as Windows shows it in a token: "BUILTIN\Users", "XPPRO\Web Blocked".
std::string ShownGroupName(const LocalGroupRef& group, std::string_view computer);
std::vector<Sid> WorkerTokenSids(const WorkerIdentity& worker);
// How Windows names one of those SIDs: the account, "BUILTIN\\Users", "NT AUTHORITY\\BATCH", ...
std::string WorkerTokenSidName(const Sid& sid, const WorkerIdentity& worker);

// Where the folders the worker needs are: %WINDIR% (its Temp) and ASP.NET 1.0's folder (its
// Temporary ASP.NET Files); empty where the backend does not say.
struct FolderPlaces {
  std::string windows_folder;
  std::string framework_folder;
};
// Each folder the worker will not have its access to once the repair has run, by AccessCheck
// over the whole DACL (inherited ACEs too) for the worker's token: "aspnet-folder-access" for
// Temporary ASP.NET Files, %WINDIR%\Temp, the framework folder, the global assembly cache and
// %WINDIR%\System32 and the worker's profile folder where it has one (register's own allow ACE counted,
// which only a deny outranks), "site-folder-access" for an application's folder (a missing one
// too: 2 / 3), one failing precondition per folder in the order the worker meets them (its subject
// the folder). None when every folder will do. A DACL the caller cannot read (5) is said in `notes`
// and that folder left unjudged.
Result<std::vector<Precondition>> ReadWorkerFolderAccess(Security& security, const WorkerIdentity& worker,
                                                         const FolderPlaces& places,
                                                         const std::vector<ApplicationInfo>& apps,
                                                         std::vector<std::string>& notes);
// "session-state" for the StateServer applications among `apps`: aspnet_state running (1062 when
// stopped, 10061 when paused, 1060 when not installed); none when no application keeps its session
// state there. A failing one names every such application (Precondition::applications).
Result<std::optional<Precondition>> ReadSessionStateService(ServiceControl& services,
                                                            const std::vector<ApplicationInfo>& apps);
// "session-state" for the SQLServer applications among `apps`: the local SQL Server installed (1060
// when not) and holding the ASPState database (911 when not); none when no application keeps its
// session state there.
inline constexpr std::string_view kSqlSessionStateMode = "sessionState mode SQLServer";
inline constexpr std::string_view kSqlSessionStateError = "Unable to connect to SQL Server session database.";
inline constexpr std::string_view kAspStateDatabase = "ASPState";
Result<std::optional<Precondition>> ReadSqlSessionState(Security& security, const std::vector<ApplicationInfo>& apps);

// What the repair's own steps need, none of which they mend: "services-start-again" (each service
// of `services_to_stop` can start again: 1058 disabled, 1069 its logon account may not log on as a
// service), "secondary-logon" (create-profile's runas goes through seclogon: 1060 missing, 1058
// disabled) and "interactive-logon-right" (no SID of the profile logon's token but the worker's own,
// whose deny lift-restrictions lifts, holds SeDenyInteractiveLogonRight: 1385). A failing service
// or group is one precondition each, naming it (Precondition::subject). A worker deleted since
// (`worker.exists` false) is read as the account aspnet_regiis -i will make. `computer` names
// the machine's own accounts (COMPUTER\NAME).
// The words of a "services-start-again" failure for a service logging on with the worker's password.
inline constexpr std::string_view kServiceKeepsPassword = "password the service control manager keeps";
// ... and for a paused IISADMIN or aspnet_state, which the repair stops only once it goes on.
inline constexpr std::string_view kOnceItGoesOn = "once it goes on (net continue)";
Result<std::vector<Precondition>> ReadRepairPreconditions(Ports& ports, const WorkerIdentity& worker,
                                                          const std::vector<std::string>& services_to_stop,
                                                          const std::string& computer);

// What the profile logon a custom-account refusal advises needs (runas /profile /user:NAME cmd.exe,
// or a logon at the console), which the administrator makes by hand: "secondary-logon" (runas goes
// through seclogon: 1060, 1058) and "interactive-logon-right" (each SID of the interactive token,
// the account's own too, holding SeDenyInteractiveLogonRight, or none holding SeInteractiveLogonRight:
// 1385). Nothing lifts or grants anything first, as lift-restrictions does for ASPNET.
Result<std::vector<Precondition>> ReadProfileLogonNeeds(Ports& ports, const WorkerIdentity& worker,
                                                        const std::string& computer);

// "other-framework-password": each framework but 1.0 (side by side, each with its own machine.config
// [side by side]) whose processModel logs its aspnet_wp.exe on as `account` (the worker, ASPNET) with a
// password it gives itself: userName="machine" with one that is not AutoGenerate, or the account named
// by its name, as given or as aspnet_setreg stored it. The repair sets a new password in the account
// and the LSA, so that worker's logon would fail after it (1326): one failing precondition each,
// refused, failing after the repair, or now already (subject: the version), whatever the applications mapped to it;
// one met precondition when other frameworks are installed and none does; none with 1.0 alone.
// `apps`: every application, each with the version its script maps point to.
// `now`: the password 1.0's worker logs on with, against which another's is read: the same logs on
// where 1.0's does, another fails now where 1.0's logs on (1326: fails_after_repair false).
struct WorkerPasswordNow {
  std::optional<Secret> lsa;  // the LSA's AutoGenerate password 1.0's worker uses; none when not read or not used
  bool logs_on = false;       // 1.0's worker logged on with it: its last failed start came after its logon
};
Result<std::vector<Precondition>> ReadOtherFrameworkPasswords(AspNet& aspnet,
                                                              const std::vector<FrameworkInfo>& frameworks,
                                                              const std::vector<ApplicationInfo>& apps,
                                                              const std::string& account, const std::string& computer,
                                                              const WorkerPasswordNow& now);
// "%WINDIR%\Microsoft.NET\Framework\v1.1.4322\CONFIG\machine.config": that version's own.
std::string FrameworkMachineConfig(const std::string& version);

// Whether this fixer's own mark (an Application event it writes once a repair is verified)
// names `sid`, in the Application log's records.
bool FixerMarkIn(const std::vector<EventRecord>& application_log, const Sid& sid);
// The newest ASP.NET 1.0 error after the last mark of this fixer (the errors before it are of
// a failure the repair ended), its text cut to its first line.
std::optional<EventRecord> NewestWorkerError(const std::vector<EventRecord>& application_log);
// The ASP.NET 1.0 error the diagnosis' own request made the worker write (its first such probe
// event): newer than any entry the log held before it (docs/windows-reference.md#the-probe-is-a-request).
std::optional<EventRecord> ProbesWorkerError(const std::vector<ProbeResult>& probes);
// "ASP.NET 1.0's newest error (event 1007: ...) says its logon fails: the password processModel
// gives no longer logs ASPNET on (1326: ...), as when it was set by hand ...": what a 1007 names
// where every other cause of a failed logon the fixer reads holds.
std::string LogonFailsText(const Diagnosis& d);
// Whether the password processModel gives ASPNET itself (WorkerIdentity::own_password) logs it on,
// as the worker's newest error says: 1007 (kFails), any other (kWorks: it came after the logon), none.
enum class OwnPasswordLogon { kFails, kWorks, kUnchecked };
// The "credentials" precondition of an affected machine whose processModel gives ASPNET a password
// of its own: refused (1326), as the repair's new password would not be it. Where that password logs
// ASPNET on now it fails only after the repair (fails_after_repair); unchecked, also unverified.
Precondition OwnPasswordRefused(const Diagnosis& d, OwnPasswordLogon logon);
// Which of those a "credentials" precondition OwnPasswordRefused made (or LogonFailsText's) says.
OwnPasswordLogon OwnPasswordLogonOf(const Precondition& credentials);
// Why the site fails when every precondition the fixer reads holds: what the worker's newest
// error event says, or that only a logon (which a wrong password counts toward the lockout) or a
// later step of its start can show it.
std::string FailureBeyondPreconditions(const Diagnosis& d);
// "; explicit ACEs deny ASPNET access (KB 811320 ...): file C:\...\Temporary ASP.NET Files (full)"
// for the deny ACEs among `aces` (the ACEs naming the worker, by object), or "" when none denies.
std::string DeniedAccess(const std::string& account, const std::vector<ObjectAces>& aces);
inline constexpr uint32_t kWorkerLogonFailedEvent = 1007;  // ASP.NET: processModel credentials invalid
// The mark: written when the repair is verified; never a password.
EventRecord FixerMark(const std::string& account, const Sid& sid);
inline constexpr const char* kFixerEventSource = "aspnet-fixer";

// Whether framework 1.0's tools (aspnet_regiis.exe, mscorlib.dll) are on disk: the repair runs them.
bool Framework10ToolsPresent(const Diagnosis& d);

// Fills causes, verdict and missing from the facts already in `d`.
void DecideVerdict(Diagnosis& d);

}  // namespace fixer
