#include "fakes/shown_secrets.h"

#include <string>

#include "fixer/process_model.h"

namespace fakes {

MachineState WithSecretsMasked(MachineState state) {
  state.objects.ChangeWhere([](const std::string&, const SecurableObject& object) { return !object.values.empty(); },
                            [](const std::string&, SecurableObject& object) {
                              for (auto& [name, data] : object.values) data = std::string(fixer::kMaskedSecret);
                            });
  for (auto& framework : state.products.frameworks)
    if (fixer::IsClearProcessModelPassword(framework.process_model.password))
      framework.process_model.password = std::string(fixer::kMaskedSecret);
  return state;
}

}  // namespace fakes
