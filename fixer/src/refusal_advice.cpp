// The advice of the refusals, cause by cause; see refusal_advice.h. docs/windows-reference.md#fixer-decisions
#include "refusal_advice.h"

#include <algorithm>

#include <fmt/format.h>

#include "diagnose_parts.h"
#include "fixer/cmd_argument.h"
#include "fixer/name_case.h"
#include "fixer/ports/secrets.h"
#include "fixer/process_model.h"
#include "fixer/text.h"
#include "fixer/windows_names.h"
#include "service_names.h"

namespace fixer {
namespace {

std::string AspNetRegiis() {
  return Text(FMT_COMPILE("aspnet_regiis -i of ASP.NET 1.0 (%WINDIR%\\Microsoft.NET\\Framework\\v{}\\aspnet_regiis.exe "
                          "-i)"),
              kFramework10);
}

// IIS's own services: the site needs them running, so stopping one is no way out.
bool IsIisService(const std::string& service) {
  return SameWindowsName(service, kIisAdmin) || SameWindowsName(service, "W3SVC");
}

// Each IIS service its own advice, naming it (p.subject); net start w3svc starts IISADMIN first.
Advice WebServerAdvice(const Precondition& p) {
  constexpr std::string_view kPageRequest = ": it repairs only what it can check with a page request";
  if (p.error == kErrorServiceDoesNotExist) {
    return {"Install Internet Information Services again (Add or Remove Programs, Add/Remove Windows Components)",
            std::string(kPageRequest)};
  }
  if (p.error == kErrorServiceDisabled) {
    return {Text(FMT_COMPILE("Give {} a start type other than Disabled (services.msc, its Properties: Automatic, or "
                             "sc config {} start= auto) and start IIS (net start w3svc)"),
                 p.subject, CmdArgument(p.subject)),
            std::string(kPageRequest)};
  }
  if (p.error == kWsaConnectionRefused) {  // paused: started, so net start would answer 2182
    return {Text(FMT_COMPILE("Let the paused {} go on (net continue {})"), p.subject, CmdArgument(p.subject)),
            std::string(kPageRequest)};
  }
  return {"Start IIS (net start w3svc)", std::string(kPageRequest)};
}

// The profile made by hand: runas /profile is an interactive logon, which the worker's own "Deny
// log on locally" (aspnet_regiis -i gives ASPNET SeDenyInteractiveLogonRight) fails with 1385.
std::string ProfileByHand(const Diagnosis& d) {
  const std::string& name = d.worker.account;
  const std::string runas = Text(FMT_COMPILE("runas /profile /user:{} cmd.exe"), CmdArgument(name));
  const auto& rights = d.scope.rights;
  if (std::find(rights.begin(), rights.end(), kSeDenyInteractiveLogonRight) == rights.end()) return runas;
  return Text(FMT_COMPILE("take {} out of \"Deny log on locally\" for the moment (secpol.msc, User Rights "
                          "Assignment; it holds {}), run {}, then put it back"),
              name, kSeDenyInteractiveLogonRight, runas);
}

}  // namespace

std::string CustomPasswordAdvice(const WorkerIdentity& w, uint32_t logon_error) {
  if (logon_error == kErrorAccountRestriction) {
    // A blank password logs on off the console only with the policy off; no other password is blank.
    return Text(FMT_COMPILE("Give {} a password that is not blank (net user {} *) and the same in machine.config's "
                            "processModel, or turn off the policy {} (secpol.msc, Security Options), which refuses "
                            "a blank password to every logon but the console's"),
                w.account, w.account, kBlankPasswordPolicyName);
  }
  if (SameWindowsName(w.account, kMachineWorkerAccount)) {
    return Text(FMT_COMPILE("Set machine.config's processModel to userName=\"machine\" password=\"AutoGenerate\" "
                            "so the worker runs as {} with the password in the LSA (AutoGenerate means that password "
                            "only for \"machine\" and \"SYSTEM\"), or give processModel {}'s own password in clear "
                            "text"),
                w.account, w.account);
  }
  return Text(FMT_COMPILE("Give machine.config's processModel the password of {} in clear text (AutoGenerate means the "
                          "LSA's password only for userName=\"machine\" and \"SYSTEM\"), or set {}'s password to "
                          "the one processModel gives (net user {} *)"),
              w.account, w.account, CmdArgument(w.account));
}

namespace {

Advice CredentialsAdvice(const Diagnosis& d, const Precondition& p) {
  const WorkerIdentity& w = d.worker;
  if (w.credential_error != 0) {
    return {Text(FMT_COMPILE("Store the worker's credentials again with aspnet_setreg (-k: the key {} names, -u: the "
                             "user name, -p: its password), or give processModel a user name"),
                 RegistryReferenceKey(w.configured)),
            ""};
  }
  if (w.kind == WorkerKind::kCustomAccount)
    return {CustomPasswordAdvice(w, p.error) + ", and restart IIS (iisreset)", ""};
  if (w.own_password && p.error == kErrorAccountRestriction) {
    return {
        Text(FMT_COMPILE("Set password=\"AutoGenerate\" in machine.config's processModel (userName=\"machine\") so "
                         "the worker uses the password the repair stores in the LSA (to keep your own instead: {})"),
             CustomPasswordAdvice(w, p.error)),
        ""};
  }
  if (w.own_password) {
    // Keeping that password works only where it is the account's: one that fails (1007) must be set
    // on the account first, else the worker's logon fails before any profile is read.
    const OwnPasswordLogon logon = OwnPasswordLogonOf(p);
    const std::string make_it = logon == OwnPasswordLogon::kFails ? Text(FMT_COMPILE("set it on {} too"), w.account)
                                : logon == OwnPasswordLogon::kUnchecked
                                    ? Text(FMT_COMPILE("make sure it is the password of {}"), w.account)
                                    : std::string();
    std::string keep = make_it.empty() ? "" : Text(FMT_COMPILE("{} (net user {} *)"), make_it, CmdArgument(w.account));
    if (!w.has_profile) {
      keep += Text(FMT_COMPILE("{}create the profile of {} yourself: {}"), keep.empty() ? "" : ", then ", w.account,
                   ProfileByHand(d));
    }
    return {Text(FMT_COMPILE("Set password=\"AutoGenerate\" in machine.config's processModel (userName=\"machine\") so "
                             "the worker uses the password the repair stores in the LSA{}"),
                 keep.empty() ? "" : " (to keep your own password instead, " + keep + ")"),
            ""};
  }
  if (p.error == kErrorLogonFailure || p.error == kErrorAccountRestriction) {
    // AutoGenerate, and the LSA's password no longer logs the account on (event 1007), or is blank.
    return {Text(FMT_COMPILE("Run {}: it sets a new password on {} and in the LSA ({}), so the two agree again"),
                 AspNetRegiis(), w.account, kAspNetWorkerSecret),
            ""};
  }
  // userName="machine" with AutoGenerate, and no such LSA secret (p.error: 2).
  return {Text(FMT_COMPILE("Run {}: it stores a new AutoGenerate password in the LSA ({}) and sets it on {}"),
               AspNetRegiis(), kAspNetWorkerSecret, w.account),
          ""};
}

Advice BatchLogonAdvice(const Diagnosis& d, const Precondition& p) {
  if (!p.denied_to.empty()) {
    // XP's and Server 2003's name of SeDenyBatchLogonRight ("Deny logon ..." is Windows 2000's).
    return {Text(FMT_COMPILE("Remove {} from \"Deny log on as a batch job\" (secpol.msc, User Rights Assignment) if "
                             "it is not wanted"),
                 p.denied_to),
            ""};
  }
  const std::string& name = d.worker.account;
  if (d.worker.kind != WorkerKind::kMachineAccount) {  // register grants the right to ASPNET alone
    return {Text(FMT_COMPILE("Grant {} \"Log on as a batch job\" (secpol.msc, User Rights Assignment)"), name), ""};
  }
  return {Text(FMT_COMPILE("Run {}, which grants {} {}, or grant it \"Log on as a batch job\" yourself (secpol.msc, "
                           "User Rights Assignment)"),
               AspNetRegiis(), name, kSeBatchLogonRight),
          ""};
}

// aspnet_regiis -i creates ASPNET alone [KB 317012]; an account processModel names by its name
// (as given or as aspnet_setreg stored it) is the administrator's to create, with the password
// processModel gives, which no LSA secret holds.
Advice AccountMissingAdvice(const Diagnosis& d) {
  const WorkerIdentity& w = d.worker;
  const std::string& name = w.account;
  if (w.kind == WorkerKind::kMachineAccount) {
    return {Text(FMT_COMPILE("Run {}: it creates {} with its password in the LSA"), AspNetRegiis(), name),
            ", which makes the profile the new account lacks"};
  }
  const std::string where =
      w.kind == WorkerKind::kRegistryCredential
          ? Text(FMT_COMPILE("store the right one with aspnet_setreg (-k: the key {} names, -u, -p)"),
                 RegistryReferenceKey(w.configured))
          : Text(FMT_COMPILE("correct processModel's userName in ASP.NET {}'s machine.config ({})"), kFramework10,
                 FrameworkMachineConfig(std::string(kFramework10)));
  return {Text(FMT_COMPILE("Create the account {} with the password processModel gives it (net user {} * /add; "
                           "aspnet_regiis -i creates ASPNET alone, never an account processModel names), or, if "
                           "{} is the wrong name, {}; then restart IIS (iisreset)"),
               name, CmdArgument(name), name, where),
          ""};
}

Advice PasswordAdvice(const Diagnosis& d) {
  const std::string& name = d.worker.account;
  if (d.worker.kind == WorkerKind::kMachineAccount) {
    return {Text(FMT_COMPILE("Run {}: it sets a new password on {} that never expires, and stores it in the LSA"),
                 AspNetRegiis(), name),
            ""};
  }
  return {Text(FMT_COMPILE("Give {} a new password (net user {} *) and processModel the same one"), name,
               CmdArgument(name)),
          ""};
}

// The advice follows the error found: SQL Server missing (1060) or without ASPState (911), the
// ASP.NET State Service missing (1060: net start would answer 2185), paused (10061: net start would
// answer 2182, net continue lets it go on) or not started (1062); it names the applications.
Advice SessionStateAdvice(const Precondition& p) {
  const std::string in_proc = Text(FMT_COMPILE(", or set the sessionState mode of {} to InProc"), p.applications);
  if (p.subject == kSqlServerService && p.error == kErrorSqlDatabaseNotFound) {
    return {Text(FMT_COMPILE("Run InstallSqlState.sql from the .NET Framework folder on this SQL Server (Query "
                             "Analyzer or osql) to make the {} database (KB 317604), point the sqlConnectionString "
                             "of {} at a server that holds it{}"),
                 kAspStateDatabase, p.applications, in_proc),
            ""};
  }
  if (p.subject == kSqlServerService) {
    return {Text(FMT_COMPILE("Install SQL Server (or MSDE) and run InstallSqlState.sql from the .NET Framework folder "
                             "on it to make the {} database (KB 317604), point the sqlConnectionString of {} at a "
                             "server that holds it{}"),
                 kAspStateDatabase, p.applications, in_proc),
            ""};
  }
  if (p.error == kErrorServiceDoesNotExist) {
    return {Text(FMT_COMPILE("Install the ASP.NET State Service ({}) again: repair the .NET Framework {} installation "
                             "(Add or Remove Programs), which installs it, then set it to Automatic and start it (net "
                             "start {}){}"),
                 kAspNetState, kFramework10, kAspNetState, in_proc),
            ""};
  }
  if (p.error == kWsaConnectionRefused) {
    return {Text(FMT_COMPILE("Let the paused ASP.NET State Service ({}) go on (net continue {}){}"), kAspNetState,
                 kAspNetState, in_proc),
            ""};
  }
  // Automatic first: net start answers 1058 for a Disabled service.
  return {Text(FMT_COMPILE("Set the ASP.NET State Service ({}) to Automatic so it starts with Windows (services.msc, "
                           "or sc config {} start= auto) and start it (net start {}){}"),
               kAspNetState, kAspNetState, kAspNetState, in_proc),
          ""};
}

Advice WorkerStartAdvice(const Diagnosis& d, const Precondition& p) {
  const std::string& name = d.worker.account;
  if (p.id == "web-server-running") return WebServerAdvice(p);
  if (p.id == "credentials") return CredentialsAdvice(d, p);
  if (p.id == "account-exists") return AccountMissingAdvice(d);
  if (p.id == "not-locked-out") {
    // An administrator unlocks an account; nothing locks it again (docs/windows-reference.md#lockout).
    return {Text(FMT_COMPILE("Unlock {} (Local Users and Groups, lusrmgr.msc: its Properties, clear \"Account is "
                             "locked out\"), or wait for the policy's lockout duration to end if it sets one"),
                 name),
            ""};
  }
  if (p.id == "enabled") {
    return {
        Text(FMT_COMPILE("If {} is disabled by mistake, enable it (net user {} /active:yes); if on purpose, ASP.NET "
                         "1.0 cannot run as it"),
             name, CmdArgument(name)),
        ""};
  }
  if (p.id == "password-not-expired") return PasswordAdvice(d);
  if (p.id == "batch-logon-right") return BatchLogonAdvice(d, p);
  if (p.id == "profile") {
    return {Text(FMT_COMPILE("Create the profile of {} ({}, with its password)"), name, ProfileByHand(d)), ""};
  }
  if (p.id == "site-folder-access" && (p.error == kErrorFileNotFound || p.error == kErrorPathNotFound)) {
    return {Text(FMT_COMPILE("Create {}, or point the application at the folder that holds its pages (IIS "
                             "Manager, its Home Directory tab)"),
                 p.subject),
            ""};
  }
  if (p.id == "site-folder-access" || p.id == "aspnet-folder-access") {
    // A deny outranks any allow, so only removing it helps; an inherited one is removed where it is
    // explicit, on the parent folder it comes from.
    const std::string what =
        p.denied_to.empty()
            ? Text(FMT_COMPILE("grant {} that access"), name)
            : Text(FMT_COMPILE("remove the ACE that denies {} that access (an inherited one on the parent folder it "
                               "comes from) if it is not wanted"),
                   p.denied_to);
    return {Text(FMT_COMPILE("Give {} the access it lacks on {} (its Properties, Security tab): {} (KB 811320 lists "
                             "what ASP.NET needs)"),
                 name, p.subject, what),
            ""};
  }
  if (p.id == "session-state") return SessionStateAdvice(p);
  return {Text(FMT_COMPILE("Fix what aspnet-fixer diagnose says of {}"), p.id), ""};
}

// ", or stop SMTPSVC (net stop SMTPSVC) if it is not needed": a way out for a service the site does
// not need; IIS's own services it needs running, so none there.
std::string OrStopIt(const std::string& service) {
  if (IsIisService(service)) return "";
  return Text(FMT_COMPILE(", or stop {} (net stop {}) if it is not needed"), service, CmdArgument(service));
}

Advice RepairNeedAdvice(const Diagnosis& d, const Precondition& p) {
  const std::string& service = p.subject;
  if (p.id == "services-start-again" && p.error == kErrorServiceDisabled && IsIisService(service)) {
    // The site needs it running: stopping it is no way out, and it runs now (net start: 2182).
    return {Text(FMT_COMPILE("Give {} a start type other than Disabled (services.msc, its Properties: Automatic, "
                             "or sc config {} start= auto)"),
                 service, CmdArgument(service)),
            ": the repair stops it with IIS and must start it again, and the site needs it running"};
  }
  if (p.id == "services-start-again" && p.error == kErrorServiceDisabled &&
      p.detail.find(kOnceItGoesOn) != std::string::npos) {
    // Paused, and the worker's own cause advises letting it go on: stopping it is that cause's choice.
    return {Text(FMT_COMPILE("Give {} a start type other than Disabled (services.msc, its Properties: Automatic, or sc "
                             "config {} start= auto) if you let it go on"),
                 service, CmdArgument(service)),
            ": the repair stops it with the services it stops and must start it again"};
  }
  if (p.id == "services-start-again" && p.error == kErrorServiceDisabled) {
    return {Text(FMT_COMPILE("Give {} a start type other than Disabled (services.msc, its Properties: Automatic, or sc "
                             "config {} start= auto) if it is to run{}"),
                 service, CmdArgument(service), OrStopIt(service)),
            ": the repair stops and starts again only running services"};
  }
  if (p.id == "services-start-again" && p.detail.find(kServiceKeepsPassword) != std::string::npos) {
    return {Text(FMT_COMPILE("Give {} an account of its own, with a password you know (services.msc, its Log On tab)"),
                 service),
            Text(FMT_COMPILE(": the repair sets a random password on {} that no one is told, so the copy the service "
                             "keeps could not be brought up to date after it"),
                 d.worker.account)};
  }
  if (p.id == "services-start-again") {
    return {Text(FMT_COMPILE("Let the logon account of {} log on as a service (secpol.msc, User Rights Assignment: "
                             "remove it and its groups from \"Deny log on as a service\", grant it \"Log on as a "
                             "service\"; an account missing or disabled: give {} one that logs on, on its Log On tab "
                             "in services.msc){}"),
                 service, service, OrStopIt(service)),
            ""};
  }
  if (p.id == "other-framework-password") {
    return {Text(FMT_COMPILE("Set the processModel of ASP.NET {} to userName=\"machine\" password=\"AutoGenerate\" "
                             "(in its own machine.config, {}) so its worker logs on as {} with the password in the "
                             "LSA, which the repair keeps {}'s, and restart IIS (iisreset)"),
                 p.subject, FrameworkMachineConfig(p.subject), d.worker.account, d.worker.account),
            Text(FMT_COMPILE(": {}the repair sets a random password on {} that no one is told, so that "
                             "machine.config could not be brought up to date after it"),
                 p.fails_after_repair ? ""
                                      : Text(FMT_COMPILE("its password does not log {} on now (its applications answer "
                                                         "503 already), and "),
                                             d.worker.account),
                 d.worker.account)};
  }
  if (p.id == "secondary-logon" && p.error == kErrorServiceDoesNotExist) {
    return {
        "Install the Secondary Logon service again (it is part of Windows; a repair installation restores it) "
        "with start type Manual or Automatic",
        ""};
  }
  if (p.id == "secondary-logon") {
    return {"Set the Secondary Logon service (seclogon) to Manual (services.msc, or sc config seclogon start= demand)",
            ": runas starts it when the repair needs it (set it back to Disabled after, if you want)"};
  }
  // interactive-logon-right: a custom account's profile is made by hand, with nothing lifted or granted first.
  const std::string_view who = d.worker.kind == WorkerKind::kMachineAccount ? "the fixer creates" : "you create";
  if (p.subject.empty()) {
    return {Text(FMT_COMPILE("Grant {} \"Log on locally\" (secpol.msc, User Rights Assignment), at least while {} "
                             "its profile"),
                 d.worker.account, who),
            ""};
  }
  return {Text(FMT_COMPILE("Remove {} from \"Deny log on locally\" (secpol.msc, User Rights Assignment) if it is not "
                           "wanted, at least while {} the profile of {}"),
               p.subject, who, d.worker.account),
          ""};
}

// "(1) web-server-running: Start IIS ...; (2) enabled: If ASPNET ...".
std::string EachCause(const Diagnosis& d, std::span<const Precondition* const> causes) {
  std::string list;
  for (size_t i = 0; i < causes.size(); ++i) {
    list +=
        Text(FMT_COMPILE("{}({}) {}: {}"), i == 0 ? "" : "; ", i + 1, causes[i]->id, AdviceFor(d, *causes[i]).action);
  }
  return list;
}

}  // namespace

bool IsRepairNeed(const Precondition& p) {
  return p.id == "services-start-again" || p.id == "secondary-logon" || p.id == "interactive-logon-right" ||
         p.id == "other-framework-password";
}

Advice AdviceFor(const Diagnosis& d, const Precondition& p) {
  return IsRepairNeed(p) ? RepairNeedAdvice(d, p) : WorkerStartAdvice(d, p);
}

std::string RerunAdvice(const Diagnosis& d, std::span<const Precondition* const> causes) {
  if (causes.size() == 1) {
    const Advice advice = AdviceFor(d, *causes[0]);
    return Sentence(advice.action + ", then run the fixer again" + advice.why_rerun);
  }
  return Text(FMT_COMPILE("Fix each of these {} causes, then run the fixer again (it refuses while any is left): {}."),
              causes.size(), EachCause(d, causes));
}

std::string NoRepairAdvice(const Diagnosis& d, std::span<const Precondition* const> causes) {
  const std::string check = " Then aspnet-fixer diagnose shows whether every page answers.";
  if (causes.size() == 1) {
    return "This tool has no MS03-032 repair to make here; what fails the worker's start is the administrator's to "
           "fix: " +
           Sentence(AdviceFor(d, *causes[0]).action) + check;
  }
  return Text(FMT_COMPILE("This tool has no MS03-032 repair to make here; what fails the worker's start is the "
                          "administrator's to fix, each of these {} causes: {}.{}"),
              causes.size(), EachCause(d, causes), check);
}

}  // namespace fixer
