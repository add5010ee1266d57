// Which running services a repair must stop; see service_names.h.
#include "service_names.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "fixer/name_case.h"

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

// Running, or paused and among `going_on` (a service the advice lets go on: running by then).
Result<bool> IsRunning(ServiceControl& scm, const std::string& name, const std::vector<std::string>& going_on) {
  auto state = StateOf(scm, name);
  if (!state) return state.status();
  const bool goes_on =
      std::any_of(going_on.begin(), going_on.end(), [&](const std::string& s) { return SameWindowsName(s, name); });
  return *state == ServiceState::kRunning || (*state == ServiceState::kPaused && goes_on);
}

}  // namespace

Result<ServicesToStop> ReadServicesToStop(ServiceControl& scm, const std::vector<std::string>& going_on) {
  ServicesToStop out;
  auto iis = IsRunning(scm, kIisAdmin, going_on);
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
  auto state = IsRunning(scm, kAspNetState, going_on);
  if (!state) return state.status();
  if (*state) out.order.push_back(kAspNetState);
  return out;
}

}  // namespace fixer
