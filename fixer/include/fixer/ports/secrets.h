// Secrets: LSA private data, where ASP.NET keeps the worker account's AutoGenerate password.
//
// Real backend: LsaStorePrivateData / LsaRetrievePrivateData.
//
//   auto pw = secrets.Retrieve(fixer::kAspNetWorkerSecret);  // 2 if no such secret
#pragma once

#include <string>
#include <string_view>

#include "fixer/result.h"
#include "fixer/secret.h"

namespace fixer {

// The LSA secret ASP.NET 1.x stores the ASPNET password under. [M: name not confirmed]
inline constexpr std::string_view kAspNetWorkerSecret = "L$ASP.NETAutoGenKeys";

class Secrets {
 public:
  virtual ~Secrets() = default;
  // 2 ERROR_FILE_NOT_FOUND if there is no secret of that name.
  virtual Result<Secret> Retrieve(const std::string& key) = 0;
  virtual Status Store(const std::string& key, const Secret& value) = 0;
  virtual Status Erase(const std::string& key) = 0;
};

}  // namespace fixer
