// The services a repair stops and restarts: IIS (IISADMIN and everything running on it) and the
// ASP.NET state service, which the paper's batch file also stops.
#pragma once

#include <string>
#include <vector>

#include "fixer/ports/service_control.h"

namespace fixer {

inline constexpr const char* kIisAdmin = "IISADMIN";
inline constexpr const char* kAspNetState = "aspnet_state";

// Running services to stop, in stop order (IISADMIN's active dependents, IISADMIN, then
// aspnet_state), read from the SCM. Services not installed are skipped.
Result<std::vector<std::string>> RunningServicesToStop(ServiceControl& scm);

}  // namespace fixer
