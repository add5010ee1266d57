// EventLog: read and write the Windows event logs (Application, System). The fixer writes its
// mark (an Application event naming the worker's SID) after a verified repair and reads it back,
// so "already fixed" is said only of a machine this fixer repaired.
//
// Real backend: OpenEventLog / ReadEventLog / ReportEvent.
//
//   fixer::EventRecord e{.source = "ASP.NET 1.0.3705.0", .id = 1084, .type = fixer::EventType::kError};
//   std::string_view type = fixer::ToString(e.type);   // "error"
//   auto read = [](fixer::EventLog& events) { return events.Read("Application"); };
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

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class EventLogWrapper : public EventLog {
 public:
  explicit EventLogWrapper(EventLog& target) : target_(target) {}
  EventLog& target() { return target_; }
  Result<std::vector<EventRecord>> Read(const std::string& log) override { return target_.Read(log); }
  Status Write(const EventRecord& record) override { return target_.Write(record); }

 private:
  EventLog& target_;
};

}  // namespace fixer
