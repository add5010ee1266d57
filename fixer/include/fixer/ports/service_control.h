// ServiceControl: the Service Control Manager as the fixer sees it.
//
// Real backend: OpenSCManager, QueryServiceStatusEx, QueryServiceConfig, ControlService,
// StartService, EnumDependentServices, EnumServicesStatus, ChangeServiceConfig (the logon password only). Names are
// service key names ("W3SVC"), case-insensitive. A paused service is active (started, its work suspended): a stop and a
// start leave it running, so what a repair found paused it pauses again.
//
//   fixer::Result<std::vector<std::string>> deps = scm.ActiveDependents("IISADMIN");  // {"W3SVC", "SMTPSVC"}
//   for (const std::string& d : *deps) fixer::Status st = scm.Stop(d);
//   fixer::Status st = scm.Stop("IISADMIN");
//   auto every = scm.List();  // every service, stopped ones too, each with its .account and .start_type
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fixer/result.h"
#include "fixer/secret.h"

namespace fixer {

enum class ServiceState { kStopped, kStartPending, kStopPending, kRunning, kPaused };
enum class StartType { kBoot, kSystem, kAutomatic, kManual, kDisabled };

std::string_view ToString(ServiceState s);  // "running", "stopped", ...
std::string_view ToString(StartType t);     // "auto", "manual", "disabled", ...
// The local user a service's logon account names (".\NAME", "COMPUTER\NAME" or "NAME": "NAME"),
// or "" for LocalSystem, an NT AUTHORITY identity, or another domain's account.
std::string LocalUserOfService(std::string_view account, std::string_view computer);

struct ServiceInfo {
  std::string name;          // key name, e.g. "W3SVC"
  std::string display_name;  // e.g. "World Wide Web Publishing"
  ServiceState state = ServiceState::kStopped;
  StartType start_type = StartType::kManual;
  std::string account = "LocalSystem";    // the logon account of the service
  std::vector<std::string> dependencies;  // services this one needs running
  friend bool operator==(const ServiceInfo&, const ServiceInfo&) = default;
};

class ServiceControl {
 public:
  virtual ~ServiceControl() = default;

  // 1060 if the service does not exist.
  virtual Result<ServiceInfo> Query(const std::string& name) = 0;
  // Every service (not the drivers), running or not, each as Query reads it: its logon account and
  // start type with its state.
  virtual Result<std::vector<ServiceInfo>> List() = 0;
  // Running services that depend on `name`, directly or not, in the order they must be
  // stopped (a dependent before what it depends on). 1060 if `name` does not exist.
  virtual Result<std::vector<std::string>> ActiveDependents(const std::string& name) = 0;
  // 1062 if not running, 1051 if a running service depends on it, 1061 while it is starting
  // or stopping (start- or stop-pending), 1060 if absent.
  virtual Status Stop(const std::string& name) = 0;
  // Starts its dependencies first. 1056 if already running, 1058 if disabled, 1068 if a
  // dependency failed, 1069 if its logon account cannot log on, 1060 if absent.
  virtual Status Start(const std::string& name) = 0;
  // ControlService(SERVICE_CONTROL_PAUSE): a running service is paused, a paused one left so.
  // 1062 if not started, 1061 while starting or stopping, 1052 if it takes no pause, 1060 if absent.
  virtual Status Pause(const std::string& name) = 0;
  // ChangeServiceConfig with lpPassword alone (everything else SERVICE_NO_CHANGE): the password the
  // SCM logs the service on with from its next start; its state and account stay. 1060 if absent,
  // 5 without SERVICE_CHANGE_CONFIG.
  virtual Status SetLogonPassword(const std::string& name, const Secret& password) = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class ServiceControlWrapper : public ServiceControl {
 public:
  explicit ServiceControlWrapper(ServiceControl& target) : target_(target) {}
  ServiceControl& target() { return target_; }
  Result<ServiceInfo> Query(const std::string& name) override { return target_.Query(name); }
  Result<std::vector<ServiceInfo>> List() override { return target_.List(); }
  Result<std::vector<std::string>> ActiveDependents(const std::string& name) override {
    return target_.ActiveDependents(name);
  }
  Status Stop(const std::string& name) override { return target_.Stop(name); }
  Status Start(const std::string& name) override { return target_.Start(name); }
  Status Pause(const std::string& name) override { return target_.Pause(name); }
  Status SetLogonPassword(const std::string& name, const Secret& password) override {
    return target_.SetLogonPassword(name, password);
  }

 private:
  ServiceControl& target_;
};

}  // namespace fixer
