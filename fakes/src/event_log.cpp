// EventLogs: records kept in MachineState::events, oldest first. Log names compare
// case-insensitively, as the Event Log service's do.
#include "fakes/event_log.h"
#include "fixer/name_case.h"

namespace fakes {

fixer::Status EventLogs::Write(fixer::EventRecord record) {
  if (auto st = m_.Mutate("eventlog.write", record.log + "/" + record.source); !st.ok()) return st;
  record.time = m_.Now();
  m_.state().events.push_back(std::move(record));
  return fixer::Status::Ok();
}

std::vector<fixer::EventRecord> EventLogs::Read(const std::string& log) const {
  std::vector<fixer::EventRecord> out;
  for (const auto& e : m_.state().events)
    if (fixer::SameWindowsName(e.log, log)) out.push_back(e);
  return out;
}

}  // namespace fakes
