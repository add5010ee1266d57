// Scm: the Service Control Manager of a fake machine.
//
// Start starts every dependency first (transitively); a disabled service gives 1058, a failed
// dependency 1068, a service whose logon account cannot log on 1069. Stop refuses with 1051
// while a running service depends on it, unless the dependents are stopped first (what
// `net stop iisadmin /y` does, StopWithDependents here). 1060 unknown, 1056 already running,
// 1062 not started. Names: key or display name, case-insensitive (as `net start` takes them;
// the fixer's port, like OpenService, takes key names only).
//
//   fakes::Scm services(machine);
//   fixer::Result<std::vector<std::string>> stopped = services.StopWithDependents("IISADMIN");  // W3SVC, ..., IISADMIN
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fakes/machine.h"
#include "fixer/ports/service_control.h"

namespace fakes {

class Scm {
 public:
  explicit Scm(Machine& machine) : m_(machine) {}

  fixer::ServiceInfo* Find(const std::string& key_or_display_name);
  const fixer::ServiceInfo* Find(const std::string& key_or_display_name) const;
  // By key name only, as OpenService looks a service up: a display name finds nothing (1060).
  const fixer::ServiceInfo* FindByKey(const std::string& key_name) const;
  // Running services depending on `name`, transitively, dependents before what they need.
  fixer::Result<std::vector<std::string>> ActiveDependents(const std::string& name) const;

  fixer::Status Start(const std::string& name);  // "scm.start" per service started
  fixer::Status Stop(const std::string& name);   // "scm.stop"
  fixer::Status Pause(const std::string& name);  // "scm.pause"; a paused service stays so, unchanged
  // "scm.continue" (`net continue`; the fixer never sends one); a running service stays so, unchanged.
  fixer::Status Continue(const std::string& name);
  // "scm.set_password": ChangeServiceConfig's lpPassword, what the SCM logs the service on with
  // from its next start (kept for a local user's service only; the others log on without one).
  fixer::Status SetLogonPassword(const std::string& name, const fixer::Secret& password);
  // Stops the running dependents, then the service. Returns the names stopped, in order.
  fixer::Result<std::vector<std::string>> StopWithDependents(const std::string& name);
  // "scm.config"; 87 for boot or system start, which only a driver may have.
  fixer::Status SetStartType(const std::string& name, fixer::StartType type);

 private:
  // The services that name `service` among their dependencies, as positions in the machine's
  // list of services, in its order.
  const std::vector<uint32_t>& NamedAsDependencyBy(const fixer::ServiceInfo& service) const;

  Machine& m_;
  // Who names each service (by FoldWindowsName) as a dependency, built from the list of the
  // generation it gives: stopping N dependents one by one looks at each once, not at every
  // service per stop. A list's dependencies, like its names, change only with its generation.
  // Generation 0 is the list never changed, so empty: the empty map is already its index.
  mutable uint64_t dependents_generation_ = 0;
  mutable std::unordered_map<std::string, std::vector<uint32_t>> dependents_;
};

}  // namespace fakes
