// EventLogs: the Application and System event logs of a fake machine.
//
//   fixer::Status st = fakes::EventLogs(machine).Write({.source = "ASP.NET 1.0.3705.0",
//                                                       .id = 1084,
//                                                       .type = fixer::EventType::kError,
//                                                       .text = "aspnet_wp.exe could not be started."});
#pragma once

#include <string>
#include <vector>

#include "fakes/machine.h"

namespace fakes {

class EventLogs {
 public:
  explicit EventLogs(Machine& machine) : m_(machine) {}
  // "eventlog.write"; stamps the machine clock.
  fixer::Status Write(fixer::EventRecord record);
  std::vector<fixer::EventRecord> Read(const std::string& log) const;

 private:
  Machine& m_;
};

}  // namespace fakes
