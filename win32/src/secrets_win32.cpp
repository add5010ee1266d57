// Secrets as LSA private data: LsaStorePrivateData / LsaRetrievePrivateData. The value is
// stored as UTF-16 without a terminator (a modelling choice: docs/windows-reference.md#choice-win32-secret-encoding).
#include <windows.h>
// windows.h first: the SDK headers below need its types.
#include <ntsecapi.h>

#include "lsa_policy.h"
#include "win32_ports.h"

namespace win32 {

fixer::Result<fixer::Secret> Win32Secrets::Retrieve(const std::string& key) {
  auto policy = LsaPolicy::Open(POLICY_GET_PRIVATE_INFORMATION);
  if (!policy) return policy.status();
  std::wstring name = Widen(key);
  LSA_UNICODE_STRING lsa_name = LsaString(name);
  LSA_UNICODE_STRING* data = nullptr;
  NTSTATUS st = LsaRetrievePrivateData(policy->get(), &lsa_name, &data);
  if (st == kStatusObjectNameNotFound) return Error(ERROR_FILE_NOT_FOUND);  // the port's 2: no such secret
  if (st != 0) return Error(LsaNtStatusToWinError(st));
  if (!data) return Error(ERROR_FILE_NOT_FOUND);  // stored, then deleted: LSA answers with no data
  std::string clear = Narrow(std::wstring_view(data->Buffer, data->Length / sizeof(wchar_t)));
  SecureZeroMemory(data->Buffer, data->Length);
  LsaFreeMemory(data);
  return fixer::Secret::FromString(std::move(clear));
}

fixer::Status Win32Secrets::Store(const std::string& key, const fixer::Secret& value) {
  auto policy = LsaPolicy::Open(POLICY_CREATE_SECRET);
  if (!policy) return policy.status();
  std::wstring name = Widen(key);
  WidePassword clear(value);
  LSA_UNICODE_STRING lsa_name = LsaString(name), lsa_value = LsaString(clear.text);
  NTSTATUS st = LsaStorePrivateData(policy->get(), &lsa_name, &lsa_value);
  if (st != 0) return Error(LsaNtStatusToWinError(st));
  changes_.Mark();
  return {};
}

}  // namespace win32
