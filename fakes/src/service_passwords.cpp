// See service_passwords.h.
#include "service_passwords.h"

#include "fixer/name_case.h"

namespace fakes {

std::string LocalUserOfService(const MachineState& s, const std::string& account) {
  const size_t cut = account.find('\\');
  if (cut == std::string::npos) return fixer::SameWindowsName(account, "LocalSystem") ? "" : account;
  const std::string domain = account.substr(0, cut);
  if (domain != "." && !fixer::SameWindowsName(domain, s.products.os.computer_name)) return "";
  return account.substr(cut + 1);
}

void KeepServicePasswords(MachineState& s, const UserAccount& user) {
  for (const fixer::ServiceInfo& svc : s.services) {
    const std::string name = LocalUserOfService(s, svc.account);
    if (name.empty() || !fixer::SameWindowsName(name, user.name)) continue;
    s.lsa.service_passwords.emplace(svc.name, user.password_hash);  // an older copy stays
  }
}

void ForgetMatchingServicePasswords(MachineState& s, const UserAccount& user) {
  for (const fixer::ServiceInfo& svc : s.services) {
    const std::string name = LocalUserOfService(s, svc.account);
    if (name.empty() || !fixer::SameWindowsName(name, user.name)) continue;
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
