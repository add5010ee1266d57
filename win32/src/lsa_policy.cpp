// lsa_policy.h: the LSA policy handle of the local machine.
#include "lsa_policy.h"

#include "win32_util.h"

namespace win32 {

fixer::Result<LsaPolicy> LsaPolicy::Open(ACCESS_MASK access) {
  LSA_OBJECT_ATTRIBUTES attributes{};  // reserved: all zero (LsaOpenPolicy's documentation)
  LSA_HANDLE handle = nullptr;
  if (NTSTATUS st = LsaOpenPolicy(nullptr, &attributes, access, &handle); st != 0) {
    return Error(LsaNtStatusToWinError(st));
  }
  return LsaPolicy(handle);
}

LsaPolicy::~LsaPolicy() {
  if (handle_) LsaClose(handle_);
}

LSA_UNICODE_STRING LsaString(std::wstring& s) {
  const auto bytes = static_cast<USHORT>(s.size() * sizeof(wchar_t));
  return LSA_UNICODE_STRING{bytes, bytes, s.data()};
}

}  // namespace win32
