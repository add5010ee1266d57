// The local LSA policy handle (LsaOpenPolicy / LsaClose) and LSA_UNICODE_STRING over a
// std::wstring, shared by the rights and secrets ports.
//
//   auto policy = win32::LsaPolicy::Open(POLICY_LOOKUP_NAMES);   // the Windows error if refused (5)
//   if (policy) LsaEnumerateAccountRights(policy->get(), sid, &rights, &count);
#pragma once

#include <windows.h>
// windows.h first: ntsecapi.h needs its types.
#include <ntsecapi.h>

#include <memory>
#include <string>

#include "fixer/result.h"

namespace win32 {

// STATUS_OBJECT_NAME_NOT_FOUND: no such LSA object (a secret never stored; a SID with no account
// object, so no right at all).
inline constexpr NTSTATUS kStatusObjectNameNotFound = static_cast<NTSTATUS>(0xC0000034L);

class LsaPolicy {
 public:
  static fixer::Result<LsaPolicy> Open(ACCESS_MASK access);
  LsaPolicy(LsaPolicy&& other) noexcept : handle_(other.handle_) { other.handle_ = nullptr; }
  LsaPolicy(const LsaPolicy&) = delete;
  LsaPolicy& operator=(const LsaPolicy&) = delete;
  LsaPolicy& operator=(LsaPolicy&&) = delete;
  ~LsaPolicy();
  LSA_HANDLE get() const { return handle_; }

 private:
  explicit LsaPolicy(LSA_HANDLE handle) : handle_(handle) {}
  LSA_HANDLE handle_ = nullptr;
};

// A view of `s` (which must outlive it) as the LSA takes strings: lengths in bytes.
LSA_UNICODE_STRING LsaString(std::wstring& s);

}  // namespace win32
