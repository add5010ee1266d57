#include "sim/step_registry.h"

namespace sim {

const StepRegistry& AllSteps() {
  static const StepRegistry kAll = [] {
    StepRegistry r;
    RegisterAccountSteps(r);
    RegisterSystemSteps(r);
    RegisterWebSteps(r);
    RegisterFixerSteps(r);
    RegisterLegacySteps(r);
    return r;
  }();
  return kAll;
}

}  // namespace sim
