// Legacy replay steps (the original fixup.cmd through a fake cmd.exe) are registered by the
// batch interpreter when it is built; until then a scenario using them fails to run, with a
// clear message, instead of passing silently.
#include "sim/step_registry.h"

namespace sim {

void RegisterLegacySteps(StepRegistry&) {}

}  // namespace sim
