// See service_passwords.h.
#include "service_passwords.h"

#include "fakes/password_rules.h"
#include "fixer/name_case.h"
#include "fixer/ports/service_control.h"

namespace fakes {

namespace {

// Whether `svc` logs on as the local user `user`.
bool LogsOnAs(const MachineState& s, const fixer::ServiceInfo& svc, const UserAccount& user) {
  return fixer::SameWindowsName(fixer::LocalUserOfService(svc.account, s.products.os.computer_name), user.name);
}

}  // namespace

void KeepServicePasswords(MachineState& s, const UserAccount& user) {
  for (const fixer::ServiceInfo& svc : s.services) {
    if (!LogsOnAs(s, svc, user)) continue;
    s.lsa.service_passwords.emplace(svc.name, user.password_hash);  // an older copy stays
  }
}

void ForgetMatchingServicePasswords(MachineState& s, const UserAccount& user) {
  for (const fixer::ServiceInfo& svc : s.services) {
    if (!LogsOnAs(s, svc, user)) continue;
    auto kept = s.lsa.service_passwords.find(svc.name);
    if (kept != s.lsa.service_passwords.end() && kept->second == user.password_hash)
      s.lsa.service_passwords.erase(kept);
  }
}

bool ServicePasswordCurrent(const MachineState& s, const std::string& service, const UserAccount& user) {
  auto kept = s.lsa.service_passwords.find(service);
  return kept == s.lsa.service_passwords.end() || kept->second == user.password_hash;
}

void StoreCurrentServicePassword(MachineState& s, const std::string& service) {
  s.lsa.service_passwords.erase(service);
}

void StoreServicePassword(MachineState& s, const std::string& service, std::string_view clear) {
  const fixer::ServiceInfo* svc = s.services.FindName(service);
  if (svc == nullptr) return;
  const std::string user = fixer::LocalUserOfService(svc->account, s.products.os.computer_name);
  if (user.empty()) return;
  const std::string hash = NtHash(clear);
  const UserAccount* account = s.sam.users.FindName(user);
  if (account != nullptr && account->password_hash == hash) {
    s.lsa.service_passwords.erase(svc->name);
    return;
  }
  s.lsa.service_passwords.insert_or_assign(svc->name, hash);
}

}  // namespace fakes
