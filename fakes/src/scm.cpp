// Scm: starting and stopping services with their dependencies.
//
// Choices:
//  - "Active" means any state but stopped (running, paused, pending), as EnumDependentServices
//    with SERVICE_ACTIVE counts it.
//  - Stop checks the running dependents (1051) before the service's own state (1062 stopped,
//    1061 start- or stop-pending), in ReactOS's RControlService order.
//  - Start checks the service itself (1058, then 1056) before touching a dependency; a dependency
//    that is missing gives 1075, a cycle 1059, and any other failure of a dependency 1068 for
//    the service asked for. Dependencies start first, so a 1069 of the service itself leaves
//    them running, as the real SCM does.
//  - A dependency names its service by key name, as CreateService's lpDependencies and the SCM's
//    own lookup of them do (docs/windows-reference.md#services); only `net start`/`net stop`
//    take a display name for the service asked for.
//  - Every modelled service takes a pause (SERVICE_ACCEPT_PAUSE_CONTINUE): 1052 is not modelled.
//    A pause sent to a paused service leaves it paused and changes nothing.
//  - Logon check of a service account: LocalSystem and the NT AUTHORITY service accounts
//    always log on. A local user (".\NAME", "COMPUTER\NAME" or "NAME") must exist, be enabled,
//    and hold SeServiceLogonRight without SeDenyServiceLogonRight (through its token: user,
//    groups, Everyone, Authenticated Users, SERVICE), and the password the SCM keeps for the
//    service must still be the account's (service_passwords.h: a change of the account's password,
//    or a recreated account, leaves it as it was; aspnet_regiis gives aspnet_state the new one).
//    Any other domain fails with 1069.
#include "fakes/scm.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "fakes/lsa.h"
#include "fakes/sam.h"
#include "fixer/name_case.h"
#include "service_passwords.h"

namespace fakes {
namespace {

bool IsActive(const fixer::ServiceInfo& s) { return s.state != fixer::ServiceState::kStopped; }

bool IsBuiltinServiceAccount(const std::string& account) {
  static constexpr std::string_view kBuiltin[] = {"",
                                                  "LocalSystem",
                                                  ".\\LocalSystem",
                                                  "NT AUTHORITY\\SYSTEM",
                                                  "NT AUTHORITY\\LocalService",
                                                  "NT AUTHORITY\\LOCAL SERVICE",
                                                  "NT AUTHORITY\\NetworkService",
                                                  "NT AUTHORITY\\NETWORK SERVICE"};
  return std::any_of(std::begin(kBuiltin), std::end(kBuiltin),
                     [&](std::string_view b) { return fixer::SameWindowsName(b, account); });
}

}  // namespace

const fixer::ServiceInfo* Scm::Find(const std::string& key_or_display_name) const {
  const auto& services = m_.state().services;
  if (const fixer::ServiceInfo* s = services.FindName(key_or_display_name)) return s;
  for (const auto& s : services)
    if (fixer::SameWindowsName(s.display_name, key_or_display_name)) return &s;
  return nullptr;
}

const fixer::ServiceInfo* Scm::FindByKey(const std::string& key_name) const {
  return m_.state().services.FindName(key_name);
}

fixer::ServiceInfo* Scm::Find(const std::string& key_or_display_name) {
  return const_cast<fixer::ServiceInfo*>(std::as_const(*this).Find(key_or_display_name));
}

const std::vector<uint32_t>& Scm::NamedAsDependencyBy(const fixer::ServiceInfo& service) const {
  const auto& services = m_.state().services;
  if (dependents_generation_ != services.generation()) {
    dependents_.clear();
    for (uint32_t i = 0; i < services.size(); ++i) {
      for (const std::string& d : services[i].dependencies) dependents_[fixer::FoldWindowsName(d)].push_back(i);
    }
    dependents_generation_ = services.generation();
  }
  static const std::vector<uint32_t> kNone;
  const auto it = dependents_.find(fixer::FoldWindowsName(service.name));
  return it == dependents_.end() ? kNone : it->second;
}

fixer::Result<std::vector<std::string>> Scm::ActiveDependents(const std::string& name) const {
  const fixer::ServiceInfo* target = Find(name);
  if (target == nullptr) return fixer::Status::Win(fixer::kErrorServiceDoesNotExist);
  const auto& services = m_.state().services;
  std::vector<std::string> out;
  std::unordered_set<std::string> seen{fixer::FoldWindowsName(target->name)};
  // Depth first over "who depends on me"; each dependent's own dependents come before it. An
  // explicit stack: a chain of services as long as a machine file holds needs no deeper recursion.
  struct Visit {
    const fixer::ServiceInfo* service;
    const std::vector<uint32_t>* dependents;
    size_t next = 0;
  };
  std::vector<Visit> stack{{target, &NamedAsDependencyBy(*target)}};
  while (!stack.empty()) {
    Visit& top = stack.back();
    if (top.next < top.dependents->size()) {
      const fixer::ServiceInfo* s = &services[(*top.dependents)[top.next++]];
      if (seen.insert(fixer::FoldWindowsName(s->name)).second) stack.push_back({s, &NamedAsDependencyBy(*s)});
      continue;
    }
    if (top.service != target && IsActive(*top.service)) out.push_back(top.service->name);
    stack.pop_back();
  }
  return out;
}

namespace {

// SERVICE_CONTROL_PAUSE or _CONTINUE (docs/windows-reference.md#services): the state first (1062
// stopped, 1061 pending); a service already in `target` is left as it is, and succeeds.
fixer::Status SendPauseOrContinue(Machine& m, fixer::ServiceInfo* service, fixer::ServiceState target,
                                  std::string_view op) {
  if (service == nullptr) return fixer::Status::Win(fixer::kErrorServiceDoesNotExist);
  if (!IsActive(*service)) return fixer::Status::Win(fixer::kErrorServiceNotActive);
  if (service->state == fixer::ServiceState::kStartPending || service->state == fixer::ServiceState::kStopPending)
    return fixer::Status::Win(fixer::kErrorServiceCannotAcceptCtrl);
  if (service->state == target) return fixer::Status::Ok();
  if (auto st = m.Mutate(op, service->name); !st.ok()) return st;
  service->state = target;
  return fixer::Status::Ok();
}

fixer::Status CheckServiceLogon(Machine& m, const fixer::ServiceInfo& service) {
  const std::string& account = service.account;
  if (IsBuiltinServiceAccount(account)) return fixer::Status::Ok();
  std::string user = account;
  if (const size_t cut = account.find('\\'); cut != std::string::npos) {
    const std::string domain = account.substr(0, cut);
    if (domain != "." && !fixer::SameWindowsName(domain, m.state().products.os.computer_name))
      return fixer::Status::Win(fixer::kErrorServiceLogonFailed);
    user = account.substr(cut + 1);
  }
  Sam sam(m);
  const UserAccount* found = sam.FindUser(user);
  if (found == nullptr || found->flags.disabled) return fixer::Status::Win(fixer::kErrorServiceLogonFailed);
  // The SCM logs on with the password it keeps, which a change of the account's does not update.
  if (!ServicePasswordCurrent(m.state(), service.name, *found))
    return fixer::Status::Win(fixer::kErrorServiceLogonFailed);
  const fixer::Sid sid = sam.SidOf(*found);
  std::vector<fixer::Sid> token = sam.GroupsOf(sid);
  token.insert(token.begin(), sid);
  token.push_back(fixer::Sid::Everyone());
  token.push_back(fixer::Sid::AuthenticatedUsers());
  token.push_back(fixer::Sid::Service());
  if (!Lsa(m).IsLogonAllowed(token, LogonType::kService)) return fixer::Status::Win(fixer::kErrorServiceLogonFailed);
  return fixer::Status::Ok();
}

fixer::Status StartWithChain(Scm& scm, Machine& m, const std::string& name, std::vector<std::string>& chain) {
  fixer::ServiceInfo* service = scm.Find(name);
  if (service == nullptr) return fixer::Status::Win(fixer::kErrorServiceDoesNotExist);
  // Disabled before running: a running service since set to Disabled answers 1058
  // (docs/windows-reference.md#services).
  if (service->start_type == fixer::StartType::kDisabled) return fixer::Status::Win(fixer::kErrorServiceDisabled);
  if (IsActive(*service)) return fixer::Status::Win(fixer::kErrorServiceAlreadyRunning);
  chain.push_back(fixer::FoldWindowsName(service->name));
  for (const std::string& dep_name : service->dependencies) {
    const fixer::ServiceInfo* dep = scm.FindByKey(dep_name);
    if (dep == nullptr) return fixer::Status::Win(fixer::kErrorServiceDependencyDeleted);
    if (IsActive(*dep)) continue;
    if (std::find(chain.begin(), chain.end(), fixer::FoldWindowsName(dep->name)) != chain.end())
      return fixer::Status::Win(fixer::kErrorCircularDependency);
    if (auto st = StartWithChain(scm, m, dep->name, chain); !st.ok()) {
      if (st.code() == fixer::kErrorCircularDependency) return st;
      return fixer::Status::Win(fixer::kErrorServiceDependencyFail);
    }
  }
  chain.pop_back();
  if (auto st = CheckServiceLogon(m, *service); !st.ok()) return st;
  if (auto st = m.Mutate("scm.start", service->name); !st.ok()) return st;
  service->state = fixer::ServiceState::kRunning;
  return fixer::Status::Ok();
}

}  // namespace

fixer::Status Scm::Start(const std::string& name) {
  std::vector<std::string> chain;
  return StartWithChain(*this, m_, name, chain);
}

fixer::Status Scm::Stop(const std::string& name) {
  fixer::ServiceInfo* service = Find(name);
  if (service == nullptr) return fixer::Status::Win(fixer::kErrorServiceDoesNotExist);
  // Running dependents are said before the service's own state, even a stopped one's
  // (docs/windows-reference.md#services).
  for (const uint32_t dependent : NamedAsDependencyBy(*service)) {
    if (IsActive(m_.state().services[dependent])) return fixer::Status::Win(fixer::kErrorDependentServicesRunning);
  }
  if (!IsActive(*service)) return fixer::Status::Win(fixer::kErrorServiceNotActive);
  // A service starting or stopping takes no control yet: 1061 (docs/windows-reference.md#services).
  if (service->state == fixer::ServiceState::kStartPending || service->state == fixer::ServiceState::kStopPending)
    return fixer::Status::Win(fixer::kErrorServiceCannotAcceptCtrl);
  if (auto st = m_.Mutate("scm.stop", service->name); !st.ok()) return st;
  service->state = fixer::ServiceState::kStopped;
  return fixer::Status::Ok();
}

fixer::Status Scm::Pause(const std::string& name) {
  return SendPauseOrContinue(m_, Find(name), fixer::ServiceState::kPaused, "scm.pause");
}

fixer::Status Scm::Continue(const std::string& name) {
  return SendPauseOrContinue(m_, Find(name), fixer::ServiceState::kRunning, "scm.continue");
}

fixer::Status Scm::SetLogonPassword(const std::string& name, const fixer::Secret& password) {
  fixer::ServiceInfo* service = Find(name);
  if (service == nullptr) return fixer::Status::Win(fixer::kErrorServiceDoesNotExist);
  if (auto st = m_.Mutate("scm.set_password", service->name); !st.ok()) return st;
  StoreServicePassword(m_.state(), service->name, password.Reveal());
  return fixer::Status::Ok();
}

fixer::Result<std::vector<std::string>> Scm::StopWithDependents(const std::string& name) {
  const fixer::ServiceInfo* service = Find(name);
  if (service == nullptr) return fixer::Status::Win(fixer::kErrorServiceDoesNotExist);
  if (!IsActive(*service)) return fixer::Status::Win(fixer::kErrorServiceNotActive);
  const std::string key = service->name;
  auto dependents = ActiveDependents(key);
  if (!dependents) return dependents.status();
  std::vector<std::string> stopped;
  for (const std::string& d : *dependents) {
    if (auto st = Stop(d); !st.ok()) return st;
    stopped.push_back(d);
  }
  if (auto st = Stop(key); !st.ok()) return st;
  stopped.push_back(key);
  return stopped;
}

fixer::Status Scm::SetStartType(const std::string& name, fixer::StartType type) {
  fixer::ServiceInfo* service = Find(name);
  if (service == nullptr) return fixer::Status::Win(fixer::kErrorServiceDoesNotExist);
  // Boot and system start are for drivers only; every modelled service is a Win32 service
  // (docs/windows-reference.md#services).
  if (type == fixer::StartType::kBoot || type == fixer::StartType::kSystem) {
    return fixer::Status::Win(fixer::kErrorInvalidParameter);
  }
  if (auto st = m_.Mutate("scm.config", service->name); !st.ok()) return st;
  service->start_type = type;
  return fixer::Status::Ok();
}

}  // namespace fakes
