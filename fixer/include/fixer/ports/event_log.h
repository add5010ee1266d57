// EventLog: read and write the Windows event logs (Application, System).
//
// Real backend: OpenEventLog / ReadEventLog / ReportEvent.
//
//   for (auto& e : *events.Read("Application")) if (e.id == 1084) ...
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "fixer/result.h"

namespace fixer {

enum class EventType { kError, kWarning, kInformation };
std::string_view ToString(EventType t);

struct EventRecord {
  std::string log = "Application";
  std::string source;  // "ASP.NET 1.0.3705.0"
  uint32_t id = 0;
  EventType type = EventType::kInformation;
  std::string text;
  int64_t time = 0;  // seconds, from the injected clock
  friend bool operator==(const EventRecord&, const EventRecord&) = default;
};

class EventLog {
 public:
  virtual ~EventLog() = default;
  virtual Result<std::vector<EventRecord>> Read(const std::string& log) = 0;
  virtual Status Write(const EventRecord& record) = 0;
};

}  // namespace fixer
