#include "fakes/shown_secrets.h"

#include <string>

#include "fixer/name_case.h"

namespace fakes {

bool IsClearProcessModelPassword(std::string_view password) {
  constexpr std::string_view kRegistry = "registry:";
  return !fixer::SameWindowsName(password, "AutoGenerate") &&
         !fixer::SameWindowsName(password.substr(0, kRegistry.size()), kRegistry);
}

MachineState WithSecretsMasked(MachineState state) {
  for (auto& [key, object] : state.objects)
    for (auto& [name, data] : object.values) data = std::string(fixer::kMaskedSecret);
  for (auto& framework : state.products.frameworks)
    if (IsClearProcessModelPassword(framework.process_model.password))
      framework.process_model.password = std::string(fixer::kMaskedSecret);
  return state;
}

}  // namespace fakes
