// The services a repair stops and restarts: IIS (IISADMIN and everything running on it) and the
// ASP.NET state service, which the paper's batch file also stops.
#pragma once

#include <string>
#include <vector>

#include "fixer/ports/service_control.h"

namespace fixer {

inline constexpr const char* kIisAdmin = "IISADMIN";
inline constexpr const char* kAspNetState = "aspnet_state";
inline constexpr const char* kSqlServerService = "MSSQLSERVER";  // the default instance of SQL Server

struct ServicesToStop {
  std::vector<std::string> order;   // stop order: IISADMIN's active dependents, IISADMIN, aspnet_state
  std::vector<std::string> paused;  // those of `order` paused now: started again, they are paused again
};

// The services a repair stops, read from the SCM. Services not installed are skipped; IISADMIN
// and aspnet_state only when running (a paused one is no service the repair stops), IISADMIN's
// dependents whenever active, as they must be stopped before it. A paused IISADMIN or aspnet_state
// named in `going_on` counts as running: the services the repair of the run after a refusal would
// stop, once its advice has let them go on (net continue).
Result<ServicesToStop> ReadServicesToStop(ServiceControl& scm, const std::vector<std::string>& going_on = {});

}  // namespace fixer
