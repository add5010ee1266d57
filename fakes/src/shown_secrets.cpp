#include "fakes/shown_secrets.h"

#include <string>

namespace fakes {

MachineState WithRegistryDataMasked(MachineState state) {
  for (auto& [key, object] : state.objects)
    for (auto& [name, data] : object.values) data = std::string(fixer::kMaskedSecret);
  return state;
}

}  // namespace fakes
