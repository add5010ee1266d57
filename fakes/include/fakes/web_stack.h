// WebStack: what happens, on a fake machine, when a browser on that machine asks a local
// ASP.NET application for a page: which process would serve it, under which identity, whether
// that worker starts, and why. MS03-032's effect lives here as a mechanism, never as a lookup
// of the paper's table (docs/windows-reference.md#symptom, #profiles, #fresh-install, #iis6-isolation-modes).
//
// Who serves the request:
//  - IIS 5.0 / 5.1, and IIS 6 in IIS 5 isolation mode: aspnet_wp.exe under the <processModel>
//    identity of the framework the application is mapped to: "machine" = ASPNET with the
//    AutoGenerate password from the LSA secret fixer::kAspNetWorkerSecret; "SYSTEM" =
//    LocalSystem; "DOMAIN\user" with a clear password; "registry:HKLM\key,value" references
//    (aspnet_setreg) read from registry values. One worker per framework version: applications
//    mapped to the same version share its identity and its fate.
//  - IIS 6 in worker process isolation mode: w3wp.exe under state.products.app_pool_identity
//    (NETWORK SERVICE by default); <processModel> is ignored.
//  - Cassini: runs as the interactive user (state.session.interactive_user); no one logged on
//    means no server.
//
// What a worker needs: W3SVC and IISADMIN running (IIS); credentials that log on (LogonUser
// with a batch logon [M: we choose batch, as for a process started by a service for another
// account]); access to Temporary ASP.NET Files, %windir%\Temp, the framework folder, the global
// assembly cache (%windir%\assembly), %windir%\System32 and the application folder
// (docs/windows-reference.md#fresh-install, KB 811320); and, for every installed component whose
// build fails without a profile (fakes/hotfix_catalog.h), a profile for its identity: a ProfileList
// entry whose folder exists ([M] choice-stale-profile-entry).
// The ASP.NET 1.0 process model does not load the worker account's profile; the 1.1 process
// model does (and so creates ASPNET's profile on first start, a side effect on the machine).
// NETWORK SERVICE, LOCAL SERVICE, SYSTEM and a logged-on user have theirs loaded. A profile
// that exists (ProfileList) is enough even when not loaded: that is why fixup.cmd's
// runas /profile repairs a 1.0 worker that still never loads it.
//
// A worker that fails to start answers 503 with the "Server Application Unavailable" page
// (aspnet_wp) or HTTP.sys's "Service Unavailable" (w3wp), and writes an event naming the cause
// (see web_stack_texts.cpp for the texts and their sources). A StateServer application whose
// aspnet_state service is stopped gets a started worker and a 500 error page; so does a SQLServer
// application on a machine without SQL Server or its ASPState database.
// Remote requests are out of scope.
//
// The fixer's WebProbe port over this model is fakes::ModelWebProbe (web_probe.h).
//
//   fakes::WebStack stack(machine);
//   fakes::RequestExplanation r = stack.Request("/LM/W3SVC/1/ROOT/app");
//   if (!r.Served()) logger->info("{} as {}: {}", r.host_process, r.identity, r.Cause());
//   r = stack.Probe("/LM/W3SVC/1/ROOT/app");   // the same answer, the machine untouched
//   int status = stack.Answer("/LM/W3SVC/1/ROOT/app").response.status;  // no passed conditions
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/machine.h"
#include "fixer/ports/event_log.h"
#include "fixer/ports/inventory.h"
#include "fixer/ports/web_probe.h"

namespace fakes {

// kInetinfo: ASP.NET inside IIS itself, under processModel enable="false".
enum class WorkerHost { kNone, kAspNetWp, kW3wp, kCassini, kInetinfo };
// "none", "aspnet_wp.exe", "w3wp.exe", "Cassini (WebServer.exe)", "inetinfo.exe"
std::string_view ToString(WorkerHost host);

// Stable ids of the conditions, for code that picks one out of an explanation.
namespace condition {
inline constexpr std::string_view kWebServer = "web-server";              // a server is installed
inline constexpr std::string_view kServiceRunning = "service";            // "service:W3SVC"
inline constexpr std::string_view kApplication = "application";           // the app is configured
inline constexpr std::string_view kFramework = "framework";               // its framework is installed
inline constexpr std::string_view kInteractiveUser = "interactive-user";  // Cassini
inline constexpr std::string_view kCredentials = "credentials";           // identity and password
inline constexpr std::string_view kLogon = "logon";                       // LogonUser
inline constexpr std::string_view kProfileLoad = "profile-load";          // 1.1 process model
inline constexpr std::string_view kAcl = "acl";                           // "acl:<path>"
// One per installed component that fails without a profile, "profile-sensitive:urlmon.dll",
// or a single "profile-sensitive" when no installed component does.
inline constexpr std::string_view kProfileSensitive = "profile-sensitive";
inline constexpr std::string_view kSessionState = "session-state";  // aspnet_state; ASPState for SQLServer
}  // namespace condition

// One condition the model checked, in the order it was checked.
struct Condition {
  std::string id;    // see namespace condition; may carry ":<what>"
  std::string name;  // short: "W3SVC running", "logon as XPPRO\ASPNET"
  bool passed = false;
  std::string detail;  // why it passed or failed, in words a support engineer uses
  // True when this id is `kind` or `kind:<something>`.
  bool Is(std::string_view kind) const;
};

struct RequestExplanation {
  std::string application;  // as asked: "/LM/W3SVC/1/ROOT/app"
  fixer::WebServerKind web_server = fixer::WebServerKind::kNone;
  std::string framework_version;  // the version the application is mapped to, if found
  WorkerHost host = WorkerHost::kNone;
  std::string host_process;  // "aspnet_wp.exe"; empty when no worker was involved
  std::string identity;      // "XPPRO\ASPNET", "NT AUTHORITY\NETWORK SERVICE"; may be empty
  std::vector<Condition> conditions;
  bool worker_started = false;
  // Whether anything accepted the connection; when not, connect_error is what a browser gets
  // (10061 WSAECONNREFUSED: nothing listens, whatever the reason, which `conditions` says) and
  // response is empty.
  bool listening = false;
  fixer::Status connect_error;
  fixer::HttpResponse response;
  std::optional<fixer::EventRecord> event;  // the entry this request wrote, if any

  bool Served() const { return listening && response.status == 200; }
  const Condition* FirstFailure() const;
  // The first failed condition's detail; "" when every condition passed.
  std::string Cause() const;
  const Condition* Find(std::string_view id) const;
};

class WebStack {
 public:
  explicit WebStack(fakes::Machine& machine) : m_(machine) {}

  // One local request. Changes the machine only as Windows would: a 1.1 worker loads (creates)
  // its account's profile; a failed start writes an event log entry; a wrong worker password
  // counts toward lockout.
  RequestExplanation Request(const std::string& application_path);
  // The same request with none of those effects: the explanation Request would give on a copy
  // of the machine, without the copy. The entry it would write is in `event` only, a profile
  // it would create is named but not made, nothing calls Machine::Mutate.
  RequestExplanation Probe(const std::string& application_path);
  // Probe's answer (listening, connect_error, response, host, identity, event) at less cost:
  // the texts of conditions that passed are not built, so `conditions` holds the failed ones
  // only (FirstFailure and Cause are Probe's). For callers that want the page, not the why.
  RequestExplanation Answer(const std::string& application_path);

 private:
  fakes::Machine& m_;
};

// The page texts the model answers with (web_stack_texts.cpp cites their sources).
std::string ServerApplicationUnavailablePage();  // aspnet_wp failed: docs/windows-reference.md#symptom
std::string ServiceUnavailablePage();            // HTTP.sys, IIS 6: w3wp failed
std::string PageNotFoundPage();                  // IIS: no such application
std::string SessionStateServerErrorPage(const std::string& application);
// The 500 page of a SQLServer application without SQL Server or its ASPState database.
std::string SqlSessionStateErrorPage(const std::string& application);
// The database InstallSqlState.sql of ASP.NET 1.x creates for SQLServer session state (KB 317604).
inline constexpr std::string_view kAspStateDatabase = "ASPState";

}  // namespace fakes
