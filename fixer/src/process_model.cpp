// What a processModel value says (fixer/process_model.h).
#include "fixer/process_model.h"

#include "fixer/name_case.h"

namespace fixer {

bool IsAutoGeneratePassword(std::string_view password) { return SameWindowsName(password, kAutoGeneratePassword); }

bool IsRegistryReference(std::string_view value) {
  return value.size() >= kRegistryReferencePrefix.size() &&
         SameWindowsName(value.substr(0, kRegistryReferencePrefix.size()), kRegistryReferencePrefix);
}

std::string_view RegistryReferenceKey(std::string_view value) {
  return IsRegistryReference(value) ? value.substr(kRegistryReferencePrefix.size()) : value;
}

bool IsClearProcessModelPassword(std::string_view password) {
  return !IsAutoGeneratePassword(password) && !IsRegistryReference(password);
}

}  // namespace fixer
