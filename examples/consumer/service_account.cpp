#include "service_account.h"

fixer::Status CreateServiceAccount(fixer::Ports& ports, const std::string& name, const fixer::Secret& password,
                                   const std::string& data_folder) {
  auto sid = ports.accounts.Create(
      {.name = name, .full_name = name + " service", .flags = {.password_never_expires = true}}, password);
  if (!sid.ok()) return sid.status();
  fixer::Status st = ports.rights.Grant(*sid, std::string(fixer::kSeServiceLogonRight));
  if (st.ok()) {
    st = ports.security.AddAce(
        {fixer::ObjectNamespace::kFile, data_folder},
        {fixer::AceType::kAllow, *sid, fixer::kFileModify, fixer::kObjectInheritAce | fixer::kContainerInheritAce});
  }
  if (!st.ok()) {
    // Best effort: the step's error is what the caller needs; a failed undo leaves the account.
    (void)ports.rights.Revoke(*sid, std::string(fixer::kSeServiceLogonRight));
    (void)ports.accounts.Delete(name);
  }
  return st;
}
