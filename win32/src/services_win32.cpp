// ServiceControl through the Service Control Manager: OpenSCManager, OpenService,
// QueryServiceStatusEx, QueryServiceConfig, EnumDependentServices, EnumServicesStatus, ControlService (stop,
// pause), StartService.
// The SCM's own errors are the port's numbers (1060, 1062, 1051, 1056, 1058, 1068, 1069).
#include <algorithm>
#include <chrono>
#include <thread>
#include <utility>

#include "win32_ports.h"

namespace win32 {

namespace {

// Owns a SC_HANDLE (CloseServiceHandle on destruction).
class ScHandle {
 public:
  explicit ScHandle(SC_HANDLE h) : h_(h) {}
  ScHandle(ScHandle&& other) noexcept : h_(std::exchange(other.h_, nullptr)) {}
  ScHandle(const ScHandle&) = delete;
  ScHandle& operator=(const ScHandle&) = delete;
  ~ScHandle() {
    if (h_) CloseServiceHandle(h_);
  }
  SC_HANDLE get() const { return h_; }
  explicit operator bool() const { return h_ != nullptr; }

 private:
  SC_HANDLE h_;
};

// How long a pending service may go without advancing its checkpoint: its own wait hint, never
// less than the SCM's own wait for a service (30 s).
constexpr auto kLeastPatience = std::chrono::seconds(30);

fixer::ServiceState StateFrom(DWORD state) {
  switch (state) {
    case SERVICE_START_PENDING:
    case SERVICE_CONTINUE_PENDING: return fixer::ServiceState::kStartPending;
    case SERVICE_STOP_PENDING:
    case SERVICE_PAUSE_PENDING: return fixer::ServiceState::kStopPending;
    case SERVICE_RUNNING: return fixer::ServiceState::kRunning;
    case SERVICE_PAUSED: return fixer::ServiceState::kPaused;
    default: return fixer::ServiceState::kStopped;
  }
}

fixer::StartType StartFrom(DWORD start) {
  switch (start) {
    case SERVICE_BOOT_START: return fixer::StartType::kBoot;
    case SERVICE_SYSTEM_START: return fixer::StartType::kSystem;
    case SERVICE_AUTO_START: return fixer::StartType::kAutomatic;
    case SERVICE_DISABLED: return fixer::StartType::kDisabled;
    default: return fixer::StartType::kManual;
  }
}

fixer::Result<SERVICE_STATUS_PROCESS> StatusOf(SC_HANDLE service) {
  SERVICE_STATUS_PROCESS status{};
  DWORD needed = 0;
  if (!QueryServiceStatusEx(service, SC_STATUS_PROCESS_INFO, reinterpret_cast<BYTE*>(&status), sizeof(status),
                            &needed)) {
    return LastError();
  }
  return status;
}

// Waits while the service is in `pending`, as Microsoft's "Starting a Service" and "Stopping a
// Service" samples do: a tenth of the wait hint between looks (1 to 10 s), and on as long as the
// checkpoint advances; its state after, or 1053 once it stays pending without progress past its
// hint (kLeastPatience at least).
fixer::Result<DWORD> WaitWhile(SC_HANDLE service, DWORD pending) {
  auto status = StatusOf(service);
  if (!status) return status.status();
  auto progress_at = std::chrono::steady_clock::now();
  DWORD checkpoint = status->dwCheckPoint;
  while (status->dwCurrentState == pending) {
    const DWORD look_again_ms = std::clamp<DWORD>(status->dwWaitHint / 10, 1000, 10000);
    std::this_thread::sleep_for(std::chrono::milliseconds(look_again_ms));
    status = StatusOf(service);
    if (!status) return status.status();
    if (status->dwCurrentState != pending) break;
    const auto now = std::chrono::steady_clock::now();
    if (status->dwCheckPoint > checkpoint) {
      checkpoint = status->dwCheckPoint;
      progress_at = now;
    } else if (now - progress_at >
               std::max<std::chrono::milliseconds>(kLeastPatience, std::chrono::milliseconds(status->dwWaitHint))) {
      return Error(ERROR_SERVICE_REQUEST_TIMEOUT);
    }
  }
  return status->dwCurrentState;
}

// A service opened with the access a call needs, and the manager it came from (Query asks the
// manager for the key name's spelling). Each open's failure is its own error (1060, 5, 123...).
struct OpenedService {
  ScHandle manager;
  ScHandle service;
};

fixer::Result<OpenedService> OpenServiceFor(const std::string& name, DWORD access) {
  ScHandle manager(OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT));
  if (!manager) return LastError();
  ScHandle service(OpenServiceW(manager.get(), Widen(name).c_str(), access));
  if (!service) return LastError();
  return OpenedService{std::move(manager), std::move(service)};
}

}  // namespace

fixer::Result<fixer::ServiceInfo> Win32Services::Query(const std::string& name) {
  auto opened = OpenServiceFor(name, SERVICE_QUERY_STATUS | SERVICE_QUERY_CONFIG);
  if (!opened) return opened.status();
  const ScHandle& service = opened->service;
  auto status = StatusOf(service.get());
  if (!status) return status.status();
  DWORD needed = 0;
  QueryServiceConfigW(service.get(), nullptr, 0, &needed);  // the size, with ERROR_INSUFFICIENT_BUFFER
  std::vector<BYTE> buffer(needed);
  auto* config = reinterpret_cast<QUERY_SERVICE_CONFIGW*>(buffer.data());
  if (!QueryServiceConfigW(service.get(), config, needed, &needed)) return LastError();
  wchar_t key_name[257];  // the key name as the SCM spells it (the port's names are case-insensitive)
  DWORD length = 257;
  std::wstring display = config->lpDisplayName ? config->lpDisplayName : L"";
  fixer::ServiceInfo info{.name = name,
                          .display_name = Narrow(display),
                          .state = StateFrom(status->dwCurrentState),
                          .start_type = StartFrom(config->dwStartType),
                          .account = Narrow(config->lpServiceStartName ? config->lpServiceStartName : L"")};
  if (GetServiceKeyNameW(opened->manager.get(), display.c_str(), key_name, &length)) info.name = Narrow(key_name);
  // lpDependencies: a MULTISZ of service names, and group names prefixed with SC_GROUP_IDENTIFIER ('+').
  for (const wchar_t* dep = config->lpDependencies; dep && *dep; dep += wcslen(dep) + 1) {
    if (*dep != SC_GROUP_IDENTIFIERW) info.dependencies.push_back(Narrow(dep));
  }
  return info;
}

fixer::Result<std::vector<fixer::ServiceInfo>> Win32Services::List() {
  ScHandle manager(OpenSCManagerW(nullptr, nullptr, SC_MANAGER_CONNECT | SC_MANAGER_ENUMERATE_SERVICE));
  if (!manager) return LastError();
  // EnumServicesStatus answers ERROR_MORE_DATA while entries are left, and resumes where it stopped
  // (lpResumeHandle); a buffer too small for one entry returns none and says the size it needs.
  std::vector<std::string> names;
  std::vector<BYTE> buffer(16 * 1024);
  DWORD resume = 0;
  for (;;) {
    DWORD needed = 0, count = 0;
    const BOOL all = EnumServicesStatusW(manager.get(), SERVICE_WIN32, SERVICE_STATE_ALL,
                                         reinterpret_cast<ENUM_SERVICE_STATUSW*>(buffer.data()),
                                         static_cast<DWORD>(buffer.size()), &needed, &count, &resume);
    if (!all && GetLastError() != ERROR_MORE_DATA) return LastError();
    const auto* entries = reinterpret_cast<const ENUM_SERVICE_STATUSW*>(buffer.data());
    for (DWORD i = 0; i < count; ++i) names.push_back(Narrow(entries[i].lpServiceName));
    if (all) break;
    if (count == 0) buffer.resize(std::max<size_t>(buffer.size() * 2, needed));
  }
  std::vector<fixer::ServiceInfo> services;
  for (const std::string& name : names) {
    auto info = Query(name);
    if (!info && info.status().code() == ERROR_SERVICE_DOES_NOT_EXIST) continue;  // deleted since it was listed
    if (!info) return info.status();
    services.push_back(std::move(*info));
  }
  return services;
}

fixer::Result<std::vector<std::string>> Win32Services::ActiveDependents(const std::string& name) {
  auto opened = OpenServiceFor(name, SERVICE_ENUMERATE_DEPENDENTS);
  if (!opened) return opened.status();
  const ScHandle& service = opened->service;
  DWORD needed = 0, count = 0;
  // EnumDependentServices lists dependents, direct or not, in the reverse order of their start:
  // the order they must be stopped in (its documentation's Remarks).
  if (EnumDependentServicesW(service.get(), SERVICE_ACTIVE, nullptr, 0, &needed, &count))
    return std::vector<std::string>{};
  if (GetLastError() != ERROR_MORE_DATA) return LastError();
  std::vector<BYTE> buffer(needed);
  auto* deps = reinterpret_cast<ENUM_SERVICE_STATUSW*>(buffer.data());
  if (!EnumDependentServicesW(service.get(), SERVICE_ACTIVE, deps, needed, &needed, &count)) return LastError();
  std::vector<std::string> names;
  for (DWORD i = 0; i < count; ++i) names.push_back(Narrow(deps[i].lpServiceName));
  return names;
}

fixer::Status Win32Services::Stop(const std::string& name) {
  auto opened = OpenServiceFor(name, SERVICE_STOP | SERVICE_QUERY_STATUS);
  if (!opened) return opened.status();
  const ScHandle& service = opened->service;
  SERVICE_STATUS status{};
  if (!ControlService(service.get(), SERVICE_CONTROL_STOP, &status)) return LastError();
  changes_.Mark();
  auto state = WaitWhile(service.get(), SERVICE_STOP_PENDING);
  if (!state) return state.status();
  return {};
}

fixer::Status Win32Services::Pause(const std::string& name) {
  auto opened = OpenServiceFor(name, SERVICE_PAUSE_CONTINUE | SERVICE_QUERY_STATUS);
  if (!opened) return opened.status();
  const ScHandle& service = opened->service;
  auto now = StatusOf(service.get());
  if (!now) return now.status();
  if (now->dwCurrentState == SERVICE_PAUSED) return {};  // as the port promises: nothing sent, nothing changed
  SERVICE_STATUS status{};
  if (!ControlService(service.get(), SERVICE_CONTROL_PAUSE, &status)) return LastError();
  changes_.Mark();
  auto state = WaitWhile(service.get(), SERVICE_PAUSE_PENDING);
  if (!state) return state.status();
  return {};
}

fixer::Status Win32Services::SetLogonPassword(const std::string& name, const fixer::Secret& password) {
  auto opened = OpenServiceFor(name, SERVICE_CHANGE_CONFIG);
  if (!opened) return opened.status();
  WidePassword clear(password);
  if (!ChangeServiceConfigW(opened->service.get(), SERVICE_NO_CHANGE, SERVICE_NO_CHANGE, SERVICE_NO_CHANGE, nullptr,
                            nullptr, nullptr, nullptr, nullptr, clear.text.c_str(), nullptr)) {
    return LastError();
  }
  changes_.Mark();
  return {};
}

fixer::Status Win32Services::Start(const std::string& name) {
  auto opened = OpenServiceFor(name, SERVICE_START | SERVICE_QUERY_STATUS);
  if (!opened) return opened.status();
  const ScHandle& service = opened->service;
  // The SCM starts the dependencies first and answers 1068 if one fails.
  if (!StartServiceW(service.get(), 0, nullptr)) return LastError();
  changes_.Mark();
  auto state = WaitWhile(service.get(), SERVICE_START_PENDING);
  if (!state) return state.status();
  // A service that stopped again while starting reports why in its exit code (e.g. 1069).
  if (*state == SERVICE_STOPPED) {
    auto status = StatusOf(service.get());
    if (!status) return status.status();
    DWORD code = status->dwWin32ExitCode == ERROR_SERVICE_SPECIFIC_ERROR ? ERROR_SERVICE_SPECIFIC_ERROR
                                                                         : status->dwWin32ExitCode;
    return Error(code ? code : ERROR_SERVICE_REQUEST_TIMEOUT);
  }
  return {};
}

}  // namespace win32
