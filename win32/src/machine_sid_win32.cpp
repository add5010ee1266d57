// Win32Inventory::MachineSid: the LSA's account domain, whose SID every local account's SID
// begins with (LsaQueryInformationPolicy, PolicyAccountDomainInformation). It needs no account
// read: Wine answers it where NetUserGetInfo fails with 2140 (docs/windows-reference.md#sids).
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <ntsecapi.h>

#include "lsa_policy.h"
#include "win32_ports.h"
#include "win32_util.h"

namespace win32 {

fixer::Result<fixer::Sid> Win32Inventory::MachineSid() {
  auto policy = LsaPolicy::Open(POLICY_VIEW_LOCAL_INFORMATION);
  if (!policy) return policy.status();
  void* buffer = nullptr;
  if (NTSTATUS st = LsaQueryInformationPolicy(policy->get(), PolicyAccountDomainInformation, &buffer); st != 0)
    return Error(LsaNtStatusToWinError(st));
  const auto* domain = static_cast<const POLICY_ACCOUNT_DOMAIN_INFO*>(buffer);
  if (domain->DomainSid == nullptr) {  // no account domain given: nothing to read a SID from
    LsaFreeMemory(buffer);
    return Error(ERROR_INVALID_DATA);
  }
  fixer::Sid sid = FromPsid(domain->DomainSid);
  LsaFreeMemory(buffer);
  return sid;
}

}  // namespace win32
