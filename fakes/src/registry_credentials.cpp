#include "fakes/registry_credentials.h"

#include <string_view>
#include <utility>

#include "fakes/logon.h"
#include "fakes/objects.h"
#include "fixer/name_case.h"

namespace fakes {

fixer::Result<fixer::Secret> ReadRegistryCredential(Machine& m, const std::string& ref) {
  constexpr std::string_view kPrefix = "registry:";
  if (ref.size() < kPrefix.size() || !fixer::SameWindowsName(std::string_view(ref).substr(0, kPrefix.size()), kPrefix))
    return fixer::Status::Win(fixer::kErrorInvalidParameter);
  std::string_view rest = std::string_view(ref).substr(kPrefix.size());
  const auto comma = rest.rfind(',');
  if (comma == std::string_view::npos) return fixer::Status::Win(fixer::kErrorInvalidParameter);
  const fixer::ObjectRef key{fixer::ObjectNamespace::kRegistry, std::string(rest.substr(0, comma))};
  const std::string_view value_name = rest.substr(comma + 1);
  const ObjectStore objects(m);
  const SecurableObject* obj = objects.Find(key);
  if (obj == nullptr) return fixer::Status::Win(fixer::kErrorFileNotFound);
  auto system = LogonService(m).ServiceToken("SYSTEM");
  if (!system || !objects.AccessAllowed(key, system->AllSids(), fixer::kKeyRead))
    return fixer::Status::Win(fixer::kErrorAccessDenied);
  for (const auto& [name, data] : obj->values)
    if (fixer::SameWindowsName(name, value_name)) return fixer::Secret::FromString(data);
  return fixer::Status::Win(fixer::kErrorFileNotFound);
}

}  // namespace fakes
