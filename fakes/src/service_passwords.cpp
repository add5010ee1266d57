// See service_passwords.h.
#include "service_passwords.h"

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

}  // namespace fakes
