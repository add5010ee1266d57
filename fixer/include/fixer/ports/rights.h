// Rights: user rights assignment (logon rights and privileges) held by a SID.
//
// Real backend: LsaOpenPolicy, LsaEnumerateAccountRights, LsaAddAccountRights,
// LsaRemoveAccountRights. Rights are named as Windows names them ("SeBatchLogonRight").
//
//   fixer::Sid aspnet_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fixer::Result<std::vector<std::string>> held = rights.Of(aspnet_sid);   // rights granted directly
//   fixer::Status st = rights.Revoke(aspnet_sid, std::string(fixer::kSeDenyInteractiveLogonRight));
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
inline constexpr std::string_view kSeDenyRemoteInteractiveLogonRight = "SeDenyRemoteInteractiveLogonRight";

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

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class RightsWrapper : public Rights {
 public:
  explicit RightsWrapper(Rights& target) : target_(target) {}
  Rights& target() { return target_; }
  Result<std::vector<std::string>> Of(const Sid& sid) override { return target_.Of(sid); }
  Status Grant(const Sid& sid, const std::string& right) override { return target_.Grant(sid, right); }
  Status Revoke(const Sid& sid, const std::string& right) override { return target_.Revoke(sid, right); }

 private:
  Rights& target_;
};

}  // namespace fixer
