// Internals of the web stack model (fakes/web_stack.h), shared by its .cpp files only.
//
//   fakes::detail::Conditions conditions{explanation.conditions, /*explain=*/true};
//   fakes::detail::Worker w = fakes::detail::ProcessModelIdentity(machine, framework, conditions, /*effects=*/false);
//   if (w.token) ... w.token->profile_loaded ...
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fakes/logon.h"
#include "fakes/machine.h"
#include "fakes/web_stack.h"
#include "fixer/ports/aspnet.h"

namespace fakes::detail {

// Where a request's conditions go: every one when it explains (WebStack::Request, Probe); only
// the failed ones when just the answer is wanted (WebStack::Answer), so a passed condition's
// texts are never built there.
class Conditions {
 public:
  Conditions(std::vector<Condition>& list, bool explain) : list_(list), explain_(explain) {}
  bool explain() const { return explain_; }
  void Add(Condition c) { list_.push_back(std::move(c)); }
  // Adds the condition `make` builds, unless it passed and only the answer is wanted.
  template <class Make>
  void Note(bool passed, const Make& make) {
    if (explain_ || !passed) Add(make());
  }

 private:
  std::vector<Condition>& list_;
  const bool explain_;
};

// What a start failure is, for the event it writes.
// kNoPool: the AppPoolId names no pool; kNotCaptured: a capture's reproduction that does not know
// whom w3wp.exe runs as (neither writes an event: the machine's is unknown, or none is modelled).
enum class FailureKind { kCredentials, kStart, kNoPool, kNotCaptured };

// The identity a worker runs under, once resolved.
struct Worker {
  std::string identity;               // "XPPRO\ASPNET"
  std::string account;                // bare account name, for a profile folder: "ASPNET"
  std::optional<fakes::Token> token;  // empty when the identity could not log on
  // Why the token has a profile loaded ("NETWORK SERVICE has its own profile, loaded"); only a
  // passed condition says it, so it is built only when the request explains.
  std::string profile_loaded_because;
  // Why it would not have one unless one exists ("the ASP.NET 1.0 process model neither loads
  // nor creates one"); empty when a profile is always loaded.
  std::string no_profile_because;
  // Its profile folder was made by this start (a 1.1 worker's first): the account's own, full
  // control, and a probe, which makes nothing, has no folder to read.
  bool profile_made_now = false;
  // The first failure met while resolving it.
  std::optional<FailureKind> failure;
  uint32_t failure_code = 0;  // Windows error of that failure
};

// Who loads the aspnet_wp.exe identity's profile, if anyone: IIS 6.0 (in IIS 5.0 isolation
// mode, the only mode that runs aspnet_wp.exe) does, whatever the framework
// (docs/windows-reference.md#iis6-isolation-modes); otherwise the ASP.NET 1.1 and later process
// model does, and 1.0's does not (docs/windows-reference.md#choice-11-loads-profile). Empty: no one.
std::string ProfileLoader(const std::string& framework_version, fixer::WebServerKind web_server);

// aspnet_wp.exe: the <processModel> identity of `framework`, logged on (batch) and, for 1.1,
// with its profile loaded. Appends the credentials, logon and profile-load conditions.
// Without `effects` the logon counts no bad password and the profile is not created.
Worker ProcessModelIdentity(fakes::Machine& machine, const fixer::FrameworkInfo& framework, Conditions& conditions,
                            bool effects);
// w3wp.exe: the identity of the application pool `application` runs in (app_pools.h).
Worker AppPoolIdentity(fakes::Machine& machine, const std::string& application, Conditions& conditions);
// Cassini: the interactive user, whose profile Winlogon loaded. No token if no one is logged on.
Worker InteractiveUserIdentity(fakes::Machine& machine, Conditions& conditions);

// "XPPRO\ASPNET" for a local account, "NT AUTHORITY\SYSTEM" for a well-known SID.
std::string QualifiedName(const fakes::MachineState& state, const fixer::Sid& sid, const std::string& fallback_account);

// HRESULT_FROM_WIN32 as ASP.NET prints it: "80070005".
std::string HResultText(uint32_t win32_error);

// Event log entries of failed starts (web_stack_texts.cpp).
fixer::EventRecord AspNetWpStartFailedEvent(const std::string& framework_version, uint32_t win32_error,
                                            const std::string& cause);
fixer::EventRecord AspNetWpBadCredentialsEvent(const std::string& framework_version, const std::string& cause);
fixer::EventRecord W3wpTerminatedEvent(const std::string& pool, uint32_t pid, uint32_t win32_error,
                                       const std::string& cause);
fixer::EventRecord AppPoolIdentityInvalidEvent(const std::string& pool, const std::string& cause);

// Pages (web_stack_texts.cpp).
std::string ModuleNotFoundPage();  // IIS: the app's script map names a missing framework
std::string CassiniServerErrorPage(const std::string& application, const std::string& cause);
std::string CassiniNotFoundPage(const std::string& application);
std::string ServedPage(const std::string& application, const std::string& host, const std::string& identity);

}  // namespace fakes::detail
