#include "fakes/registry_credentials.h"

#include <string_view>
#include <utility>

#include "fakes/logon.h"
#include "fakes/objects.h"
#include "fixer/name_case.h"
#include "fixer/process_model.h"

namespace fakes {
namespace {

// "registry:HKLM\key,Name" as the key and the value's name; nullopt when malformed.
std::optional<std::pair<fixer::ObjectRef, std::string_view>> ParseReference(std::string_view ref) {
  if (!fixer::IsRegistryReference(ref)) return std::nullopt;
  std::string_view rest = ref.substr(fixer::kRegistryReferencePrefix.size());
  const auto comma = rest.rfind(',');
  if (comma == std::string_view::npos) return std::nullopt;
  return std::pair{fixer::ObjectRef{fixer::ObjectNamespace::kRegistry, std::string(rest.substr(0, comma))},
                   rest.substr(comma + 1)};
}

const std::string* ValueNamed(const SecurableObject& key, std::string_view value_name) {
  for (const auto& [name, data] : key.values)
    if (fixer::SameWindowsName(name, value_name)) return &data;
  return nullptr;
}

}  // namespace

fixer::Result<fixer::Secret> ReadRegistryCredential(Machine& m, const std::string& ref) {
  const auto parsed = ParseReference(ref);
  if (!parsed) return fixer::Status::Win(fixer::kErrorInvalidParameter);
  const auto& [key, value_name] = *parsed;
  const ObjectStore objects(m);
  const SecurableObject* obj = objects.Find(key);
  if (obj == nullptr) return fixer::Status::Win(fixer::kErrorFileNotFound);
  auto system = LogonService(m).ServiceToken("SYSTEM");
  if (!system || !objects.AccessAllowed(key, system->AllSids(), fixer::kKeyRead))
    return fixer::Status::Win(fixer::kErrorAccessDenied);
  if (const std::string* data = ValueNamed(*obj, value_name)) return fixer::Secret::FromString(*data);
  return fixer::Status::Win(fixer::kErrorFileNotFound);
}

std::optional<std::string> RegistryCredentialIn(const MachineState& state, std::string_view ref) {
  const auto parsed = ParseReference(ref);
  if (!parsed) return std::nullopt;
  const auto it = state.objects.find(FoldedObjectKey(parsed->first.ns, parsed->first.path).view());
  if (it == state.objects.end()) return std::nullopt;
  const std::string* data = ValueNamed(it->second, parsed->second);
  return data == nullptr ? std::nullopt : std::optional<std::string>(*data);
}

}  // namespace fakes
