// Who a worker runs as: the <processModel> identity (aspnet_wp.exe), the application pool
// identity (w3wp.exe), or the interactive user (Cassini); logged on, with or without a profile.
#include <utility>

#include "fakes/app_pools.h"
#include "fakes/logon.h"
#include "fakes/lsa.h"
#include "fakes/modelling_choices.h"
#include "fakes/objects.h"
#include "fakes/profiles.h"
#include "fakes/registry_credentials.h"
#include "fakes/sam.h"
#include "fakes/well_known_sids.h"
#include "fixer/name_case.h"
#include "fixer/ports/aspnet.h"
#include "fixer/ports/secrets.h"
#include "fixer/ports/security.h"
#include "fixer/process_model.h"
#include "fixer/text.h"
#include "web_stack_detail.h"

namespace fakes::detail {

namespace {

// "1.0.3705" -> "1.0"
std::string ShortVersion(const std::string& version) {
  auto first = version.find('.');
  if (first == std::string::npos) return version;
  auto second = version.find('.', first + 1);
  return version.substr(0, second);
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && fixer::SameWindowsName(s.substr(0, prefix.size()), prefix);
}

Condition Passed(std::string_view id, std::string name, std::string detail) {
  return {std::string(id), std::move(name), true, std::move(detail)};
}
Condition Failed(std::string_view id, std::string name, std::string detail) {
  return {std::string(id), std::move(name), false, std::move(detail)};
}

Worker BuiltInIdentity(fakes::Machine& m, const std::string& name, std::string credential_name,
                       std::string_view credential_detail, Conditions& out) {
  Worker w;
  w.account = name;
  std::optional<fakes::Token> token = fakes::LogonService(m).ServiceToken(name);
  const fakes::WellKnownSid* wk = fakes::FindWellKnownName(name);
  w.identity = wk != nullptr ? wk->QualifiedName() : name;
  if (!token) {
    out.Add(Failed(condition::kCredentials, std::move(credential_name),
                   w.identity + " is not a built-in identity the machine knows"));
    w.failure = FailureKind::kCredentials;
    w.failure_code = fixer::kErrorNoneMapped;
    return w;
  }
  out.Note(true,
           [&] { return Passed(condition::kCredentials, std::move(credential_name), std::string(credential_detail)); });
  w.token = std::move(token);
  if (out.explain()) w.profile_loaded_because = w.identity + " has its own profile, loaded by the service logon";
  return w;
}

// Normalizes the spellings IIS Manager and the metabase use for the built-in identities.
std::optional<std::string> BuiltInName(std::string name) {
  if (StartsWithIgnoreCase(name, "NT AUTHORITY\\")) name = name.substr(13);
  if (fixer::SameWindowsName(name, "NetworkService") || fixer::SameWindowsName(name, "NETWORK SERVICE"))
    return "NETWORK SERVICE";
  if (fixer::SameWindowsName(name, "LocalService") || fixer::SameWindowsName(name, "LOCAL SERVICE"))
    return "LOCAL SERVICE";
  if (fixer::SameWindowsName(name, "LocalSystem") || fixer::SameWindowsName(name, "SYSTEM")) return "SYSTEM";
  return std::nullopt;
}

}  // namespace

std::string ProfileLoader(const std::string& framework_version, fixer::WebServerKind web_server) {
  if (web_server == fixer::WebServerKind::kIis60) return "IIS 6.0 in IIS 5.0 isolation mode";
  if (ShortVersion(framework_version) == "1.0") return "";
  fakes::RelyOn("choice-11-loads-profile");
  return "the ASP.NET " + ShortVersion(framework_version) + " process model";
}

std::string QualifiedName(const fakes::MachineState& state, const fixer::Sid& sid,
                          const std::string& fallback_account) {
  if (const fakes::WellKnownSid* wk = fakes::FindWellKnownSid(sid)) return wk->QualifiedName();
  return state.products.os.computer_name + "\\" + fallback_account;
}

Worker ProcessModelIdentity(fakes::Machine& m, const fixer::FrameworkInfo& framework, Conditions& out, bool effects) {
  const fixer::ProcessModelConfig& pm = framework.process_model;
  // The name of the credentials condition, built when a condition is.
  const auto attrs = [&] { return fixer::Text(FMT_COMPILE("processModel userName=\"{}\""), pm.user_name); };

  if (!pm.enable) {
    // No aspnet_wp.exe: ASP.NET runs in inetinfo.exe itself (ProcessModelSection.Enable).
    return BuiltInIdentity(m, "SYSTEM", "processModel enable=\"false\"",
                           "ASP.NET runs inside inetinfo.exe as LocalSystem; userName and password are not used", out);
  }
  if (fixer::SameWindowsName(pm.user_name, "SYSTEM")) {
    return BuiltInIdentity(m, "SYSTEM", attrs(),
                           "aspnet_wp.exe runs as LocalSystem, the identity of inetinfo.exe; "
                           "no password is needed",
                           out);
  }

  Worker w;
  const bool machine_account = fixer::SameWindowsName(pm.user_name, "machine");
  std::string user;
  if (machine_account) {
    user = fixer::kMachineWorkerAccount;
  } else if (fixer::IsRegistryReference(pm.user_name)) {
    auto name = fakes::ReadRegistryCredential(m, pm.user_name);
    if (!name) {
      out.Add(Failed(
          condition::kCredentials, attrs(),
          "inetinfo.exe cannot read the user name from " + pm.user_name.substr(9) + ": " + name.status().ToString()));
      w.failure = FailureKind::kCredentials;
      w.failure_code = name.status().code();
      return w;
    }
    user = std::string(name->Reveal());  // an account name, not a secret
  } else {
    user = pm.user_name;
  }

  fixer::Secret password;
  std::string_view password_source;
  if (machine_account && fixer::IsAutoGeneratePassword(pm.password)) {
    auto secret = fakes::Lsa(m).RetrieveSecret(std::string(fixer::kAspNetWorkerSecret));
    if (!secret) {
      out.Add(Failed(condition::kCredentials, attrs(),
                     "the AutoGenerate password of ASPNET is not in the LSA secret " +
                         std::string(fixer::kAspNetWorkerSecret) + ": " + secret.status().ToString()));
      w.failure = FailureKind::kCredentials;
      w.failure_code = secret.status().code();
      return w;
    }
    password = std::move(*secret);
    password_source = "the AutoGenerate password from the LSA";
  } else if (fixer::IsRegistryReference(pm.password)) {
    auto secret = fakes::ReadRegistryCredential(m, pm.password);
    if (!secret) {
      out.Add(Failed(
          condition::kCredentials, attrs(),
          "inetinfo.exe cannot read the password from " + pm.password.substr(9) + ": " + secret.status().ToString()));
      w.failure = FailureKind::kCredentials;
      w.failure_code = secret.status().code();
      return w;
    }
    password = std::move(*secret);
    password_source = "the password stored by aspnet_setreg";
  } else {
    password = fixer::Secret::FromString(pm.password);
    password_source = "the clear-text password of machine.config";
  }

  // "DOMAIN\user": our machines are workgroup machines, so only "." or the computer's own
  // name are local; any other domain cannot be authenticated (LogonUser fails with 1326).
  const std::string& computer = m.state().products.os.computer_name;
  std::string domain;
  std::string account = user;
  if (auto slash = user.find('\\'); slash != std::string::npos) {
    domain = user.substr(0, slash);
    account = user.substr(slash + 1);
  }
  const bool local = domain.empty() || domain == "." || fixer::SameWindowsName(domain, computer);
  w.account = account;
  w.identity = local ? computer + "\\" + account : user;
  out.Note(true, [&] {
    return Passed(condition::kCredentials, attrs(),
                  "aspnet_wp.exe runs as " + w.identity + " with " + std::string(password_source));
  });

  const auto logon_name = [&] { return "logon as " + w.identity; };
  if (!local) {
    fakes::RelyOn("choice-workgroup-only");
    out.Add(Failed(condition::kLogon, logon_name(),
                   computer + " is not in a domain, so LogonUser cannot authenticate " + user + ": " +
                       fixer::Status::Win(fixer::kErrorLogonFailure).ToString()));
    w.failure = FailureKind::kCredentials;
    w.failure_code = fixer::kErrorLogonFailure;
    return w;
  }

  fakes::LogonService logon(m);
  auto token = effects ? logon.LogonUser(account, password, fakes::LogonType::kBatch)
                       : logon.CheckLogon(account, password, fakes::LogonType::kBatch);
  if (!token) {
    out.Add(Failed(condition::kLogon, logon_name(),
                   "LogonUser (batch) for " + w.identity + " failed: " + token.status().ToString()));
    w.failure = FailureKind::kCredentials;
    w.failure_code = token.status().code();
    return w;
  }
  out.Note(true, [&] { return Passed(condition::kLogon, logon_name(), w.identity + " logged on (batch logon)"); });
  w.token = std::move(*token);

  const std::string model = ProfileLoader(framework.version, m.state().products.web.kind);
  if (model.empty()) {
    fakes::RelyOn("choice-10-no-profile-load");
    w.no_profile_because =
        "the ASP.NET " + ShortVersion(framework.version) + " process model neither loads nor creates one";
    return w;
  }
  fakes::ProfileStore profiles(m);
  const fakes::ProfileEntry* found = profiles.Find(w.token->user);
  const bool existed = found != nullptr;
  const bool had_folder = existed && fakes::ObjectStore(m).Exists({fixer::ObjectNamespace::kFile, found->path});
  auto profile = effects ? profiles.LoadOrCreate(w.token->user, account) : profiles.Resolve(w.token->user, account);
  if (!profile) {
    out.Add(Failed(condition::kProfileLoad, "load the profile of " + w.identity,
                   model + " could not load the profile of " + w.identity + ": " + profile.status().ToString()));
    w.failure = FailureKind::kStart;
    w.failure_code = profile.status().code();
    return w;
  }
  w.token->profile_loaded = true;
  w.profile_made_now = !had_folder;
  if (!out.explain()) return w;
  w.profile_loaded_because =
      model + (existed ? " loaded " : " created and loaded ") + w.identity + "'s profile (" + profile->path + ")";
  out.Add(Passed(condition::kProfileLoad, "load the profile of " + w.identity, w.profile_loaded_because));
  return w;
}

namespace {

// A read the capture of this machine could not make, or null.
const fakes::UnreadableRead* NotCaptured(const fakes::MachineState& s, const std::string& read) {
  for (const fakes::UnreadableRead& u : s.capture.unreadable) {
    if (u.read == read) return &u;
  }
  return nullptr;
}

// A capture that could not tell whom w3wp.exe runs as: the file's default is no reading of it, and
// no event is written: the machine's own, if any, is not known (1021 would call an identity invalid).
Worker NotCapturedPool(const fakes::UnreadableRead& u, Conditions& out) {
  Worker w;
  w.identity = "an identity not captured";
  out.Add(Failed(condition::kCredentials, "the application pool identity",
                 "the capture could not read " + u.read + " (" + std::to_string(u.error) + ": " + u.message +
                     "); w3wp.exe runs as it, so this reproduction serves nothing"));
  w.failure = FailureKind::kNotCaptured;
  w.failure_code = u.error;
  return w;
}

// A capture's read of a pool's identity that answered 3 read no node for that pool in the metabase
// (Inventory::AppPoolIdentity): the pool does not exist there, and the file holds none of it either.
bool CapturedAsMissing(const fakes::MachineState& s, const fakes::UnreadableRead& u, const std::string& pool) {
  return u.error == fixer::kErrorPathNotFound && !fixer::SameWindowsName(pool, fixer::kDefaultAppPool) &&
         fakes::AppPoolIdentityOf(s, pool) == nullptr;
}

}  // namespace

Worker AppPoolIdentity(fakes::Machine& m, const std::string& application, Conditions& out) {
  const fakes::MachineState& s = m.state();
  if (const fakes::UnreadableRead* u = NotCaptured(s, AppPoolRead(application))) return NotCapturedPool(*u, out);
  const std::string pool = fakes::AppPoolOf(s, application);
  if (const fakes::UnreadableRead* u = NotCaptured(s, AppPoolIdentityRead(pool)); u && !CapturedAsMissing(s, *u, pool))
    return NotCapturedPool(*u, out);
  const std::string* identity = fakes::AppPoolIdentityOf(s, pool);
  if (identity == nullptr) {
    // "If no valid AppPoolId is available through inheritance, the application pool fails"
    // [AppPoolId property]; the event IIS writes then is not modelled.
    fakes::RelyOn("choice-app-pool-identity");
    Worker w;
    w.identity = "no identity";
    out.Add(Failed(condition::kCredentials, "application pool " + pool,
                   "the application pool " + pool + " that " + application +
                       "'s AppPoolId names does not exist, so no w3wp.exe serves it"));
    w.failure = FailureKind::kNoPool;
    w.failure_code = fixer::kErrorPathNotFound;
    return w;
  }
  const std::string& configured = *identity;
  const std::string name = "application pool identity " + configured;
  if (auto builtin = BuiltInName(configured)) {
    return BuiltInIdentity(m, *builtin, name, "w3wp.exe runs as a built-in account; no password is needed", out);
  }
  // A configurable pool identity needs its password from the metabase, which the model does
  // not keep: such pools are out of scope and reported as invalid identities.
  fakes::RelyOn("choice-app-pool-identity");
  Worker w;
  w.identity = configured;
  w.account = configured;
  out.Add(Failed(condition::kCredentials, name,
                 "a configurable application pool identity (" + configured +
                     ") is outside the model: it keeps no password for it"));
  w.failure = FailureKind::kCredentials;
  w.failure_code = fixer::kErrorLogonFailure;
  return w;
}

Worker InteractiveUserIdentity(fakes::Machine& m, Conditions& out) {
  Worker w;
  const auto& user = m.state().session.interactive_user;
  for (const fakes::UnreadableRead& u : m.state().capture.unreadable) {
    if (u.read != "the console user") continue;
    // A capture that could not tell who was at the console: no one the file could name serves.
    out.Add(Failed(condition::kInteractiveUser, "someone logged on",
                   "the capture could not read who is logged on at the console (" + std::to_string(u.error) + ": " +
                       u.message + "); Cassini runs as that user, so this reproduction serves nothing"));
    return w;
  }
  if (!user) {
    out.Add(Failed(condition::kInteractiveUser, "someone logged on",
                   "no one is logged on at the console; Cassini runs in the interactive "
                   "user's session, so nothing serves the application"));
    return w;
  }
  fakes::Sam sam(m);
  const fakes::UserAccount* account = std::as_const(sam).FindUser(*user);
  if (account == nullptr) {
    out.Add(Failed(condition::kInteractiveUser, "someone logged on",
                   "the interactive user " + *user + " is not an account of " + m.state().products.os.computer_name));
    return w;
  }
  fakes::Token token;
  token.user = sam.SidOf(*account);
  token.user_name = account->name;
  token.groups = sam.GroupsOf(token.user);
  token.groups.push_back(fixer::Sid::Everyone());
  token.groups.push_back(fixer::Sid::AuthenticatedUsers());
  token.groups.push_back(fixer::Sid::Interactive());
  token.profile_loaded = true;  // Winlogon loads the profile of whoever logs on
  w.account = account->name;
  w.identity = m.state().products.os.computer_name + "\\" + account->name;
  w.token = std::move(token);
  if (!out.explain()) return w;
  w.profile_loaded_because = w.identity + " is logged on interactively, so its profile is loaded";
  out.Add(Passed(condition::kInteractiveUser, "someone logged on",
                 w.identity + " is logged on at the console; Cassini runs as that user"));
  return w;
}

}  // namespace fakes::detail
