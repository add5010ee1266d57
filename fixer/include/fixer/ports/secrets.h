// Secrets: LSA private data, where ASP.NET keeps the worker account's AutoGenerate password.
//
// Real backend: LsaStorePrivateData / LsaRetrievePrivateData.
//
//   fixer::Result<fixer::Secret> pw = secrets.Retrieve(std::string(fixer::kAspNetWorkerSecret));  // 2: none
#pragma once

#include <string>
#include <string_view>

#include "fixer/result.h"
#include "fixer/secret.h"

namespace fixer {

// The LSA secret ASP.NET 1.x stores the ASPNET password under, as UTF-16LE: `aspnet_WP_PASSWORD`
// (impacket's secretsdump and Metasploit decode it so, "ASPNET: <password>"). `L$ASP.NETAutoGenKeys`
// is another secret, the auto-generated machineKey material (docs/windows-reference.md#aspnet-secret).
inline constexpr std::string_view kAspNetWorkerSecret = "aspnet_WP_PASSWORD";

class Secrets {
 public:
  virtual ~Secrets() = default;
  // 2 ERROR_FILE_NOT_FOUND if there is no secret of that name.
  virtual Result<Secret> Retrieve(const std::string& key) = 0;
  virtual Status Store(const std::string& key, const Secret& value) = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class SecretsWrapper : public Secrets {
 public:
  explicit SecretsWrapper(Secrets& target) : target_(target) {}
  Secrets& target() { return target_; }
  Result<Secret> Retrieve(const std::string& key) override { return target_.Retrieve(key); }
  Status Store(const std::string& key, const Secret& value) override { return target_.Store(key, value); }

 private:
  Secrets& target_;
};

}  // namespace fixer
