// EventLogs: the Application and System event logs of a fake machine.
//
//   fixer::Status st = fakes::EventLogs(machine).Write({.source = "ASP.NET 1.0.3705.0",
//                                                       .id = 1084,
//                                                       .type = fixer::EventType::kError,
//                                                       .text = "aspnet_wp.exe could not be started."});
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fakes/machine.h"

namespace fakes {

class EventLogs {
 public:
  explicit EventLogs(Machine& machine) : m_(machine) {}
  // "eventlog.write"; stamps the machine clock.
  fixer::Status Write(fixer::EventRecord record);
  std::vector<fixer::EventRecord> Read(const std::string& log) const;
  // Registers `source` as an event source of `log`, as aspnet-fixer's Win32 EventLog port does
  // before it reports: the key EventSourceKeyPath names, with EventMessageFile (the program: the
  // fake runs no program file, so its name alone) and TypesSupported 7. No mutating call of its
  // own: the caller's (the port's eventlog.write), which must have been made.
  void RegisterSource(const std::string& log, const std::string& source);

 private:
  Machine& m_;
};

// "HKLM\SYSTEM\CurrentControlSet\Services\Eventlog\<log>\<source>": where a source is registered.
std::string EventSourceKeyPath(std::string_view log, std::string_view source);

}  // namespace fakes
