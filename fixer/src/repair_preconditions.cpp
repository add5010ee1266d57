// What the repair's own steps need of the machine, read before any change: every service
// stop-services stops must start again (start-services, and stop-services' undo), no other service
// that may start logs on as the worker (its kept password goes stale), and
// create-profile's logon (runas /profile: CreateProcessWithLogonW) needs the Secondary Logon service
// and an interactive logon no SID of its token is denied. The steps mend none of these, so a
// failing one is refused before any change. docs/windows-reference.md#fixer-decisions
#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

#include "diagnose_parts.h"
#include "fixer/cmd_argument.h"
#include "fixer/name_case.h"
#include "fixer/text.h"
#include "fixer/windows_names.h"
#include "service_names.h"

namespace fixer {
namespace {

constexpr const char* kSecondaryLogon = "seclogon";

// A logon's token as the fixer can read it: the account's SID, the SIDs the logon adds itself,
// and the local groups holding any of them (NetLocalGroupGetMembers), each with its shown name.
struct TokenSid {
  Sid sid;
  std::string shown;
};

Result<std::vector<TokenSid>> LogonToken(Accounts& accounts, const Sid& user, const std::string& user_name,
                                         const TokenSid& logon_type_sid, const std::string& computer) {
  std::vector<TokenSid> token = {
      {Sid::Everyone(), "Everyone"}, {Sid::AuthenticatedUsers(), "NT AUTHORITY\\Authenticated Users"}, logon_type_sid};
  if (!user.IsNull()) token.insert(token.begin(), {user, user_name});  // null: an account not made yet
  std::vector<Sid> members;
  for (const TokenSid& t : token) members.push_back(t.sid);
  auto groups = accounts.GroupsContaining(members);
  if (!groups) return groups.status();
  for (const LocalGroupRef& g : *groups) {
    token.push_back({g.sid, ShownGroupName(g, computer)});
  }
  return token;
}

bool Holds(const std::vector<std::string>& rights, std::string_view right) {
  return std::find(rights.begin(), rights.end(), right) != rights.end();
}

// Why the service's logon account cannot log on as a service once the repair has run (1069), or
// none: it exists, is enabled, and its token holds SeServiceLogonRight (register grants it to
// ASPNET) and no SID of it SeDenyServiceLogonRight, which outranks it [Deny log on as a service].
// An account of another domain is the domain's to check: not read.
Result<std::optional<std::string>> ServiceLogonFails(Ports& ports, const std::string& account,
                                                     const std::string& computer) {
  // A built-in identity always logs on as a service; another domain's account is the domain's.
  const std::string user = LocalUserOfService(account, computer);
  if (user.empty()) return std::optional<std::string>();
  auto acct = ports.accounts.Lookup(user);
  if (!acct) {
    if (acct.status().code() != kNerrUserNotFound) return acct.status();
    return std::optional<std::string>("which does not exist");
  }
  if (acct->flags.disabled) return std::optional<std::string>("which is disabled");
  auto token = LogonToken(ports.accounts, acct->sid, acct->name, {Sid::Service(), "NT AUTHORITY\\SERVICE"}, computer);
  if (!token) return token.status();
  bool granted = SameWindowsName(user, kMachineWorkerAccount);  // register grants ASPNET the right
  for (const TokenSid& t : *token) {
    auto rights = ports.rights.Of(t.sid);
    if (!rights) return rights.status();
    if (Holds(*rights, kSeDenyServiceLogonRight))
      return std::optional<std::string>(
          Text(FMT_COMPILE("which is denied the service logon ({} holds {})"), t.shown, kSeDenyServiceLogonRight));
    granted = granted || Holds(*rights, kSeServiceLogonRight);
  }
  if (!granted) return std::optional<std::string>(Text(FMT_COMPILE("no SID of which holds {}"), kSeServiceLogonRight));
  return std::optional<std::string>();
}

// Whether `s` logs on as the worker with the password the SCM keeps: every such service but
// aspnet_state, which register gives the new password.
bool KeepsWorkerPassword(const ServiceInfo& s, const WorkerIdentity& w, const std::string& computer) {
  return SameWindowsName(LocalUserOfService(s.account, computer), w.account) && !SameWindowsName(s.name, kAspNetState);
}

// `p`, naming the service it is about (Precondition::subject).
Precondition Naming(const std::string& service, Precondition p) {
  p.subject = service;
  return p;
}

bool Stops(const std::vector<std::string>& services_to_stop, const std::string& name) {
  return std::any_of(services_to_stop.begin(), services_to_stop.end(),
                     [&](const std::string& s) { return SameWindowsName(s, name); });
}

// Each service the repair does not stop, running or stopped, that logs on as the worker with a
// start type that lets it start (Automatic, Manual): the SCM logs it on at its next start (a reboot,
// net start) with the password it keeps [Changing a Service's Password], which the repair's new one
// leaves stale (1069). aspnet_state is given the new one by register; a Disabled one cannot start.
Status ServicesLoggingOnAsWorker(ServiceControl& services, const WorkerIdentity& w,
                                 const std::vector<std::string>& services_to_stop, const std::string& computer,
                                 std::vector<Precondition>& failing) {
  auto every = services.List();
  if (!every) return every.status();
  for (const ServiceInfo& s : *every) {
    if (s.start_type == StartType::kDisabled || !KeepsWorkerPassword(s, w, computer)) continue;
    if (Stops(services_to_stop, s.name)) continue;  // judged with the services the repair stops
    Precondition next_start_fails = FailingPrecondition(
        "services-start-again", kErrorServiceLogonFailed,
        Text(FMT_COMPILE("{} ({}) is {}, start type {}, and logs on as {} with the {} for it: the repair gives {} a "
                         "new password, which only aspnet_regiis gives to its own service, so {}'s next start would "
                         "fail"),
             s.display_name, s.name, ToString(s.state), ToString(s.start_type), s.account, kServiceKeepsPassword,
             w.account, s.name),
        Remedy::kRefused);
    next_start_fails.fails_after_repair = true;  // the repair never stops it
    failing.push_back(Naming(s.name, std::move(next_start_fails)));
  }
  return Status::Ok();
}

// Why `name`, which the repair stops, could not start again, or nullopt when it can.
Result<std::optional<Precondition>> ServiceStartsAgain(Ports& ports, const WorkerIdentity& w, const std::string& name,
                                                       const std::string& computer) {
  constexpr const char* kId = "services-start-again";
  auto info = ports.services.Query(name);
  if (!info) {
    if (info.status().code() == kErrorServiceDoesNotExist) return std::optional<Precondition>();  // nothing to stop
    return info.status();
  }
  // A paused IISADMIN or aspnet_state is no service stop-services stops now: it is one the
  // refusal's advice lets go on (ReadServicesToStop's going_on), which the next run stops.
  const bool once_going_on = info->state == ServiceState::kPaused &&
                             (SameWindowsName(info->name, kIisAdmin) || SameWindowsName(info->name, kAspNetState));
  const std::string stops_it =
      once_going_on ? std::string(kOnceItGoesOn) + ", stop-services would stop it" : "stop-services would stop it";
  // StartService answers 1058 for a Disabled service whatever its state
  // (docs/windows-reference.md#services): running now, once stopped it stays down.
  if (info->start_type == StartType::kDisabled) {
    return std::optional<Precondition>(Naming(
        info->name, FailingPrecondition(kId, kErrorServiceDisabled,
                                        Text(FMT_COMPILE("{} ({}) is {} with start type Disabled: {}, and neither "
                                                         "start-services nor the undo could start it again"),
                                             info->display_name, info->name, ToString(info->state), stops_it),
                                        Remedy::kRefused)));
  }
  // The SCM logs a service on with the password it keeps [Changing a Service's Password]; both
  // strategies give the worker a new one, which only aspnet_state is given again (by register).
  if (KeepsWorkerPassword(*info, w, computer)) {
    return std::optional<Precondition>(Naming(
        info->name,
        FailingPrecondition(
            kId, kErrorServiceLogonFailed,
            Text(FMT_COMPILE("{} ({}) logs on as {} with the {} for it: the repair gives {} a new password, which "
                             "only aspnet_regiis gives to its own service, so start-services could not start {} again"),
                 info->display_name, info->name, info->account, kServiceKeepsPassword, w.account, info->name),
            Remedy::kRefused)));
  }
  auto logon = ServiceLogonFails(ports, info->account, computer);
  if (!logon) return logon.status();
  if (!*logon) return std::optional<Precondition>();
  return std::optional<Precondition>(
      Naming(info->name, FailingPrecondition(kId, kErrorServiceLogonFailed,
                                             Text(FMT_COMPILE("{} ({}) logs on as {}, {}: {}, and neither "
                                                              "start-services nor the undo could start it again"),
                                                  info->display_name, info->name, info->account, **logon, stops_it),
                                             Remedy::kRefused)));
}

// Every service that could not start again after the repair, each its own failing precondition (so
// the one refusal names them all), or the one met precondition saying why all can.
Result<std::vector<Precondition>> ServicesStartAgain(Ports& ports, const WorkerIdentity& w,
                                                     const std::vector<std::string>& services_to_stop,
                                                     const std::string& computer) {
  constexpr const char* kId = "services-start-again";
  std::vector<Precondition> failing;
  for (const std::string& name : services_to_stop) {
    auto fails = ServiceStartsAgain(ports, w, name, computer);
    if (!fails) return fails.status();
    if (*fails) failing.push_back(std::move(**fails));
  }
  if (Status st = ServicesLoggingOnAsWorker(ports.services, w, services_to_stop, computer, failing); !st.ok())
    return st;
  if (!failing.empty()) return failing;
  const std::string others =
      Text(FMT_COMPILE("no other service that may start logs on as {} (its next start would use the password the "
                       "service control manager keeps)"),
           w.account);
  if (services_to_stop.empty())
    return std::vector<Precondition>{MetPrecondition(kId, "the repair stops no service, and " + others)};
  return std::vector<Precondition>{
      MetPrecondition(kId,
                      "every service the repair stops can start again (none is disabled, each logon account "
                      "may log on as a service, and none but aspnet_state logs on with the worker's password), "
                      "and " +
                          others)};
}

// Whose logon makes the profile: create-profile's (ASPNET, whose own deny lift-restrictions lifts and
// to which it grants SeInteractiveLogonRight), or the administrator's by hand as a custom-account
// refusal advises (runas /profile, or a console logon), for which nothing is lifted or granted.
struct ProfileLogon {
  bool by_repair = true;
  std::string runas;  // "create-profile's runas /profile", or "the runas /profile /user:bob cmd.exe the advice gives"
};

ProfileLogon ProfileLogonOf(const WorkerIdentity& w, bool by_repair) {
  if (by_repair) return {true, "create-profile's runas /profile"};
  return {false, Text(FMT_COMPILE("the runas /profile /user:{} cmd.exe the advice gives"), CmdArgument(w.account))};
}

Result<Precondition> SecondaryLogonReachable(ServiceControl& services, const ProfileLogon& logon) {
  constexpr const char* kId = "secondary-logon";
  auto info = services.Query(kSecondaryLogon);
  if (!info) {
    if (info.status().code() != kErrorServiceDoesNotExist) return info.status();
    return FailingPrecondition(kId, kErrorServiceDoesNotExist,
                               Text(FMT_COMPILE("the Secondary Logon service ({}) is not installed, and {} "
                                                "(CreateProcessWithLogonW) goes through it"),
                                    kSecondaryLogon, logon.runas),
                               Remedy::kRefused);
  }
  if (info->start_type == StartType::kDisabled) {
    return FailingPrecondition(kId, kErrorServiceDisabled,
                               Text(FMT_COMPILE("{} ({}) is {} with start type Disabled, and {} "
                                                "(CreateProcessWithLogonW) goes through it"),
                                    info->display_name, info->name, ToString(info->state), logon.runas),
                               Remedy::kRefused);
  }
  // A stopped one is started on demand (choice-seclogon-demand-start).
  return MetPrecondition(kId, Text(FMT_COMPILE("{} ({}) is {}, start type {}: runas /profile reaches it"),
                                   info->display_name, info->name, ToString(info->state), ToString(info->start_type)));
}

// The profile logon is interactive: its token holds INTERACTIVE, not BATCH. lift-restrictions
// revokes SeDenyInteractiveLogonRight from the worker's own SID and grants it
// SeInteractiveLogonRight; a deny held by any other SID of the token still wins [Deny log on locally].
// By hand nothing is lifted: the account's own deny fails it too, and some SID of the token must
// hold SeInteractiveLogonRight (Users does on XP). Each SID holding that deny is a failing
// precondition of its own, so the refusal names them all.
// A worker deleted since is the account aspnet_regiis -i will make, which joins Users [KB 317012]:
// its token is that group's and the SIDs every such logon carries.
Result<std::vector<Precondition>> InteractiveLogonAllowed(Ports& ports, const WorkerIdentity& w,
                                                          const std::string& computer, const ProfileLogon& logon) {
  constexpr const char* kId = "interactive-logon-right";
  auto token =
      LogonToken(ports.accounts, w.sid, w.account, {Sid::Interactive(), "NT AUTHORITY\\INTERACTIVE"}, computer);
  if (!token) return token.status();
  if (!w.exists) {
    auto users = std::find_if(token->begin(), token->end(), [](const TokenSid& t) { return t.sid == Sid::Users(); });
    if (users == token->end()) token->push_back({Sid::Users(), ShownGroupName({"Users", Sid::Users()}, computer)});
  }
  std::vector<Precondition> failing;
  bool granted = logon.by_repair;  // lift-restrictions grants it
  for (const TokenSid& t : *token) {
    if (logon.by_repair && t.sid == w.sid) continue;  // lift-restrictions revokes its own deny for the moment
    auto rights = ports.rights.Of(t.sid);
    if (!rights) return rights.status();
    granted = granted || Holds(*rights, kSeInteractiveLogonRight);
    if (!Holds(*rights, kSeDenyInteractiveLogonRight)) continue;
    Precondition denied = FailingPrecondition(
        kId, kErrorLogonTypeNotGranted,
        logon.by_repair
            ? Text(FMT_COMPILE("{} holds {}, so create-profile's interactive logon as {} is denied; lift-restrictions "
                               "lifts only the deny {} holds itself"),
                   t.shown, kSeDenyInteractiveLogonRight, w.account, w.account)
            : Text(FMT_COMPILE("{} holds {}, so the interactive logon as {} that makes its profile ({}, or a logon at "
                               "the console) is denied"),
                   t.shown, kSeDenyInteractiveLogonRight, w.account, logon.runas),
        Remedy::kRefused);
    denied.subject = t.shown;
    failing.push_back(std::move(denied));
  }
  if (failing.empty() && !granted) {
    // The allow is needed as much as no deny [Account Rights Constants]: 1385 without it.
    failing.push_back(FailingPrecondition(
        kId, kErrorLogonTypeNotGranted,
        Text(FMT_COMPILE("no SID of {}'s interactive logon holds {}, so the interactive logon that makes its profile "
                         "({}, or a logon at the console) is not granted"),
             w.account, kSeInteractiveLogonRight, logon.runas),
        Remedy::kRefused));
  }
  if (!failing.empty()) return failing;
  if (!logon.by_repair) {
    return std::vector<Precondition>{
        MetPrecondition(kId, Text(FMT_COMPILE("no SID of {}'s interactive logon is denied it, and one holds {}"),
                                  w.account, kSeInteractiveLogonRight))};
  }
  return std::vector<Precondition>{
      MetPrecondition(kId, Text(FMT_COMPILE("no group of {}'s interactive logon is denied it (lift-restrictions "
                                            "lifts {}'s own deny for the moment)"),
                                w.account, w.account))};
}

// What the profile-loading logon needs: Secondary Logon for runas, then the interactive logon.
Status AppendProfileLogonNeeds(Ports& ports, const WorkerIdentity& w, const std::string& computer,
                               const ProfileLogon& logon, std::vector<Precondition>& out) {
  auto seclogon = SecondaryLogonReachable(ports.services, logon);
  if (!seclogon) return seclogon.status();
  out.push_back(std::move(*seclogon));
  auto interactive = InteractiveLogonAllowed(ports, w, computer, logon);
  if (!interactive) return interactive.status();
  std::move(interactive->begin(), interactive->end(), std::back_inserter(out));
  return Status::Ok();
}

}  // namespace

Result<std::vector<Precondition>> ReadRepairPreconditions(Ports& ports, const WorkerIdentity& w,
                                                          const std::vector<std::string>& services_to_stop,
                                                          const std::string& computer) {
  std::vector<Precondition> out;
  // set-temp-password's password (the operator's or a generated one) is checked against the policy,
  // as recreate's NetUserAdd checks its own: a policy that cannot be read fails the diagnosis here,
  // before any change, as every other read does, not the repair after stop-services.
  if (auto policy = ports.policy.Get(); !policy) {
    return Status::Explained(policy.status().code(), kPasswordPolicyUnread);
  }
  auto services = ServicesStartAgain(ports, w, services_to_stop, computer);
  if (!services) return services.status();
  std::move(services->begin(), services->end(), std::back_inserter(out));
  if (Status st = AppendProfileLogonNeeds(ports, w, computer, ProfileLogonOf(w, true), out); !st.ok()) return st;
  return out;
}

Result<std::vector<Precondition>> ReadProfileLogonNeeds(Ports& ports, const WorkerIdentity& w,
                                                        const std::string& computer) {
  std::vector<Precondition> out;
  if (Status st = AppendProfileLogonNeeds(ports, w, computer, ProfileLogonOf(w, false), out); !st.ok()) return st;
  return out;
}

}  // namespace fixer
