// EventRecord: one entry of a Windows event log (Application, System), as the fake machine
// keeps them (ASP.NET's worker failures, written by the web stack model). Not a port: the
// fixer reads no event log and writes none.
//
//   fixer::EventRecord e{.source = "ASP.NET 1.0.3705.0", .id = 1084, .type = fixer::EventType::kError};
//   std::string_view type = fixer::ToString(e.type);   // "error"
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

}  // namespace fixer
