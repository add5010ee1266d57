// Rights: user rights assignment (logon rights and privileges) held by a SID.
//
// Real backend: LsaOpenPolicy, LsaEnumerateAccountRights, LsaAddAccountRights,
// LsaRemoveAccountRights. Rights are named as Windows names them ("SeBatchLogonRight").
//
//   auto held = rights.Of(aspnet_sid);                        // rights granted directly
//   rights.Revoke(aspnet_sid, "SeDenyInteractiveLogonRight");
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fixer/result.h"
#include "fixer/sid.h"

namespace fixer {

// The logon rights and their deny twins (ntsecapi.h names).
inline constexpr std::string_view kSeInteractiveLogonRight = "SeInteractiveLogonRight";
inline constexpr std::string_view kSeNetworkLogonRight = "SeNetworkLogonRight";
inline constexpr std::string_view kSeBatchLogonRight = "SeBatchLogonRight";
inline constexpr std::string_view kSeServiceLogonRight = "SeServiceLogonRight";
inline constexpr std::string_view kSeRemoteInteractiveLogonRight = "SeRemoteInteractiveLogonRight";
inline constexpr std::string_view kSeDenyInteractiveLogonRight = "SeDenyInteractiveLogonRight";
inline constexpr std::string_view kSeDenyNetworkLogonRight = "SeDenyNetworkLogonRight";
inline constexpr std::string_view kSeDenyBatchLogonRight = "SeDenyBatchLogonRight";
inline constexpr std::string_view kSeDenyServiceLogonRight = "SeDenyServiceLogonRight";
inline constexpr std::string_view kSeDenyRemoteInteractiveLogonRight =
    "SeDenyRemoteInteractiveLogonRight";

class Rights {
 public:
  virtual ~Rights() = default;
  // Rights assigned to this SID itself (not through its groups), sorted.
  virtual Result<std::vector<std::string>> Of(const Sid& sid) = 0;
  // Idempotent. 1313 ERROR_NO_SUCH_PRIVILEGE for an unknown right name.
  virtual Status Grant(const Sid& sid, const std::string& right) = 0;
  // Idempotent: revoking a right not held succeeds.
  virtual Status Revoke(const Sid& sid, const std::string& right) = 0;
};

}  // namespace fixer
