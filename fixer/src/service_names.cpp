// Which running services a repair must stop; see service_names.h.
#include "service_names.h"

#include <optional>
#include <utility>

namespace fixer {
namespace {

// A service's state, or none when it is not installed (1060).
Result<std::optional<ServiceState>> StateOf(ServiceControl& scm, const std::string& name) {
  auto info = scm.Query(name);
  if (!info) {
    if (info.status().code() == kErrorServiceDoesNotExist) return std::optional<ServiceState>();
    return info.status();
  }
  return std::optional<ServiceState>(info->state);
}

Result<bool> IsRunning(ServiceControl& scm, const std::string& name) {
  auto state = StateOf(scm, name);
  if (!state) return state.status();
  return *state == ServiceState::kRunning;
}

}  // namespace

Result<ServicesToStop> ReadServicesToStop(ServiceControl& scm) {
  ServicesToStop out;
  auto iis = IsRunning(scm, kIisAdmin);
  if (!iis) return iis.status();
  if (*iis) {
    auto deps = scm.ActiveDependents(kIisAdmin);
    if (!deps) return deps.status();
    out.order = std::move(*deps);
    // Active is more than running: a paused dependent is stopped too, and paused again after.
    for (const std::string& name : out.order) {
      auto state = StateOf(scm, name);
      if (!state) return state.status();
      if (*state == ServiceState::kPaused) out.paused.push_back(name);
    }
    out.order.push_back(kIisAdmin);
  }
  auto state = IsRunning(scm, kAspNetState);
  if (!state) return state.status();
  if (*state) out.order.push_back(kAspNetState);
  return out;
}

}  // namespace fixer
