// EventLogs: records kept in MachineState::events, oldest first. Log names compare
// case-insensitively, as the Event Log service's do.
#include "fakes/event_log.h"
#include "fakes/object_map.h"
#include "fixer/name_case.h"

namespace fakes {

fixer::Status EventLogs::Write(fixer::EventRecord record) {
  if (auto st = m_.Mutate("eventlog.write", record.log + "/" + record.source); !st.ok()) return st;
  record.time = m_.Now();
  m_.state().events.push_back(std::move(record));
  return fixer::Status::Ok();
}

std::string EventSourceKeyPath(std::string_view log, std::string_view source) {
  return "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Eventlog\\" + std::string(log) + "\\" + std::string(source);
}

// A key the machine has keeps its DACL; a new one gets the one modelled for the Eventlog keys
// (docs/windows-reference.md#event-sources).
void EventLogs::RegisterSource(const std::string& log, const std::string& source) {
  constexpr std::string_view kFixerProgramFile = "aspnet-fixer.exe";
  const std::string path = EventSourceKeyPath(log, source);
  const std::string key = ObjectKey(fixer::ObjectNamespace::kRegistry, path);
  ObjectMap& objects = m_.state().objects;
  if (!objects.contains(key)) {
    constexpr uint32_t kInherited = fixer::kInheritedAce;
    objects.Put(key,
                SecurableObject{
                    .ns = fixer::ObjectNamespace::kRegistry,
                    .path = path,
                    .container = true,
                    .owner = fixer::Sid::Administrators(),
                    .dacl = {{fixer::AceType::kAllow, fixer::Sid::Administrators(), fixer::kKeyAllAccess, kInherited},
                             {fixer::AceType::kAllow, fixer::Sid::LocalSystem(), fixer::kKeyAllAccess, kInherited},
                             {fixer::AceType::kAllow, fixer::Sid::Users(), fixer::kKeyRead, kInherited}}});
  }
  SecurableObject& registered = objects.Writable(key);
  registered.values["EventMessageFile"] = std::string(kFixerProgramFile);
  registered.values["TypesSupported"] = "7";
}

std::vector<fixer::EventRecord> EventLogs::Read(const std::string& log) const {
  std::vector<fixer::EventRecord> out;
  for (const auto& e : m_.state().events)
    if (fixer::SameWindowsName(e.log, log)) out.push_back(e);
  return out;
}

}  // namespace fakes
