// One record of the machine log (machine_log.h): what it changes, its text, and how it is
// replayed. Private to fakes/src; the framing (length, CRC-32) is machine_log_file.cpp's.
//
//   fakes::LogRecord r{.replace = {"services"}, .events_from = 3, .journal_from = 1};
//   std::string body = fakes::EncodeLogRecord(r, part);   // part: a MachineState the record may take from
//   fakes::Loaded<fakes::DecodedLogRecord> back = fakes::DecodeLogRecord(body, "m.yaml.log", 12);
//   if (back.ok()) fakes::ApplyLogRecord(*back.value, state);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fakes/machine_yaml.h"
#include "fakes/state.h"

namespace fakes {

struct LogRecord {
  std::vector<std::string> replace;  // sections taken whole from the record's machine
  size_t events_from = 0;            // events from this index on are the record's
  size_t journal_from = 0;           // journal records from this index on are the record's
  bool all_objects = false;          // the record's objects are all the objects
  std::vector<std::string> objects;  // else: these keys; absent from the record's machine: deleted
};

struct DecodedLogRecord {
  LogRecord what;
  MachineState part;  // the record's machine: the scalars, the sections and entities it names
};

// The sections of MachineState a record replaces whole, by name ("sam", "lsa", "services" ...).
std::vector<std::string_view> LogSectionNames();
bool SameSection(std::string_view name, const MachineState& a, const MachineState& b);
void CopySection(std::string_view name, const MachineState& from, MachineState& to);

// `part` holds the scalars, the sections named in `what.replace`, the objects and records named.
// The typed grants of its journal records are moved out of it into the record's "grants:" block.
std::string EncodeLogRecord(const LogRecord& what, MachineState& part);
// `first_line`: the log line the body starts on, for errors (LOG:LINE:COL).
Loaded<DecodedLogRecord> DecodeLogRecord(std::string_view body, const std::string& log_name, int first_line);
// False when the record does not fit the machine (a record index beyond its events or journal).
bool ApplyLogRecord(const DecodedLogRecord& record, MachineState& state);

uint32_t Crc32(std::string_view bytes);

}  // namespace fakes
