// Which running services a repair must stop; see service_names.h.
#include "service_names.h"

#include <utility>

namespace fixer {
namespace {

// 1060 (not installed) counts as not running.
Result<bool> IsRunning(ServiceControl& scm, const std::string& name) {
  auto info = scm.Query(name);
  if (!info) {
    if (info.status().code() == kErrorServiceDoesNotExist) return false;
    return info.status();
  }
  return info->state == ServiceState::kRunning;
}

}  // namespace

Result<std::vector<std::string>> RunningServicesToStop(ServiceControl& scm) {
  std::vector<std::string> order;
  auto iis = IsRunning(scm, kIisAdmin);
  if (!iis) return iis.status();
  if (*iis) {
    auto deps = scm.ActiveDependents(kIisAdmin);
    if (!deps) return deps.status();
    order = std::move(*deps);
    order.push_back(kIisAdmin);
  }
  auto state = IsRunning(scm, kAspNetState);
  if (!state) return state.status();
  if (*state) order.push_back(kAspNetState);
  return order;
}

}  // namespace fixer
