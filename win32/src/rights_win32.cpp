// Rights through the LSA policy: LsaOpenPolicy, LsaEnumerateAccountRights, LsaAddAccountRights,
// LsaRemoveAccountRights; NTSTATUS becomes the Windows error by LsaNtStatusToWinError (an
// unknown right name: STATUS_NO_SUCH_PRIVILEGE, 1313).
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <ntsecapi.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>

#include "fixer/name_case.h"
#include "lsa_policy.h"
#include "win32_ports.h"

namespace win32 {

namespace {

// Whether Windows knows `right`: a privilege LookupPrivilegeValue finds, or one of the account
// (logon) rights ntsecapi.h names, which are no privileges (learn.microsoft.com, "Account Rights
// Constants"). Names compare case-insensitively, as the LSA's do.
bool IsKnownRight(const std::string& right) {
  static constexpr std::string_view kAccountRights[] = {"seinteractivelogonright",
                                                        "senetworklogonright",
                                                        "sebatchlogonright",
                                                        "seservicelogonright",
                                                        "sedenyinteractivelogonright",
                                                        "sedenynetworklogonright",
                                                        "sedenybatchlogonright",
                                                        "sedenyservicelogonright",
                                                        "seremoteinteractivelogonright",
                                                        "sedenyremoteinteractivelogonright"};
  const std::string lower = fixer::FoldWindowsName(right);
  if (std::ranges::find(kAccountRights, lower) != std::end(kAccountRights)) return true;
  LUID luid;
  return LookupPrivilegeValueW(nullptr, Widen(right).c_str(), &luid) != FALSE;
}

// The spelling `sid` holds `right` in, among `held` (Of's answer); nullptr when not held. The
// LSA compares right names case-insensitively, as it does the account rights above.
const std::string* HeldSpelling(const std::vector<std::string>& held, const std::string& right) {
  for (const std::string& name : held) {
    if (fixer::SameWindowsName(name, right)) return &name;
  }
  return nullptr;
}

}  // namespace

fixer::Result<std::vector<std::string>> Win32Rights::Of(const fixer::Sid& sid) {
  auto policy = LsaPolicy::Open(POLICY_LOOKUP_NAMES);
  if (!policy) return policy.status();
  std::vector<BYTE> binary = ToBinary(sid);
  LSA_UNICODE_STRING* rights = nullptr;
  ULONG count = 0;
  NTSTATUS st = LsaEnumerateAccountRights(policy->get(), AsPsid(binary), &rights, &count);
  if (st == kStatusObjectNameNotFound) return std::vector<std::string>{};
  if (st != 0) return Error(LsaNtStatusToWinError(st));
  std::vector<std::string> names;
  for (ULONG i = 0; i < count; ++i) {
    names.push_back(Narrow(std::wstring_view(rights[i].Buffer, rights[i].Length / sizeof(wchar_t))));
  }
  LsaFreeMemory(rights);
  std::ranges::sort(names);
  return names;
}

fixer::Status Win32Rights::Grant(const fixer::Sid& sid, const std::string& right) {
  auto held = Of(sid);
  if (!held) return held.status();
  if (HeldSpelling(*held, right)) return {};  // idempotent, and no change to report
  auto policy = LsaPolicy::Open(POLICY_LOOKUP_NAMES | POLICY_CREATE_ACCOUNT);
  if (!policy) return policy.status();
  std::vector<BYTE> binary = ToBinary(sid);
  std::wstring name = Widen(right);
  LSA_UNICODE_STRING lsa_name = LsaString(name);
  if (NTSTATUS st = LsaAddAccountRights(policy->get(), AsPsid(binary), &lsa_name, 1); st != 0) {
    return Error(LsaNtStatusToWinError(st));
  }
  changes_.Mark();
  return {};
}

fixer::Status Win32Rights::Revoke(const fixer::Sid& sid, const std::string& right) {
  auto held = Of(sid);
  if (!held) return held.status();
  const std::string* spelling = HeldSpelling(*held, right);
  if (!spelling) {
    // Revoking a right not held succeeds; one Windows does not know is 1313, as LsaRemoveAccountRights says.
    return IsKnownRight(right) ? fixer::Status{} : Error(ERROR_NO_SUCH_PRIVILEGE);
  }
  auto policy = LsaPolicy::Open(POLICY_LOOKUP_NAMES);
  if (!policy) return policy.status();
  std::vector<BYTE> binary = ToBinary(sid);
  std::wstring name = Widen(*spelling);  // the name as the LSA enumerated it
  LSA_UNICODE_STRING lsa_name = LsaString(name);
  if (NTSTATUS st = LsaRemoveAccountRights(policy->get(), AsPsid(binary), FALSE, &lsa_name, 1); st != 0) {
    return Error(LsaNtStatusToWinError(st));
  }
  changes_.Mark();
  return {};
}

}  // namespace win32
