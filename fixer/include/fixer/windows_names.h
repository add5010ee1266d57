// WindowsNames: the one spelling of each Windows word the ports carry as a value: service
// states, start types, object namespaces, session-state modes, event types, journal phases,
// access masks and ACE flags. The ports' ToString (fixer/src/port_strings.cpp), the machine
// state files (fakes/src/machine_yaml_names.h) and the reports all read these tables; the
// user-right names and framework versions live as constants in ports/rights.h and ports/aspnet.h.
//
//   std::string_view running = fixer::NameIn(fixer::kServiceStateNames, fixer::ServiceState::kRunning);
//   for (const auto& [name, mask] : fixer::kFileMaskNames) { (void)name; (void)mask; }
//   std::string_view modify = fixer::MaskName(fixer::ObjectNamespace::kFile, fixer::kFileModify);  // "modify"
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fixer/ports/aspnet.h"
#include "fixer/ports/event_log.h"
#include "fixer/ports/journal.h"
#include "fixer/ports/security.h"
#include "fixer/ports/service_control.h"

namespace fixer {

template <class E>
struct Named {
  std::string_view name;
  E value;
};

inline constexpr Named<ServiceState> kServiceStateNames[] = {
    {"stopped", ServiceState::kStopped},
    {"start-pending", ServiceState::kStartPending},
    {"stop-pending", ServiceState::kStopPending},
    {"running", ServiceState::kRunning},
    {"paused", ServiceState::kPaused},
};

inline constexpr Named<StartType> kStartTypeNames[] = {
    {"boot", StartType::kBoot},     {"system", StartType::kSystem},     {"auto", StartType::kAutomatic},
    {"manual", StartType::kManual}, {"disabled", StartType::kDisabled},
};

inline constexpr Named<ObjectNamespace> kNamespaceNames[] = {
    {"file", ObjectNamespace::kFile},
    {"registry", ObjectNamespace::kRegistry},
    {"metabase", ObjectNamespace::kMetabase},
};

// As machine.config spells the <sessionState mode="..."> values.
inline constexpr Named<SessionStateMode> kSessionStateNames[] = {
    {"Off", SessionStateMode::kOff},
    {"InProc", SessionStateMode::kInProc},
    {"StateServer", SessionStateMode::kStateServer},
    {"SQLServer", SessionStateMode::kSqlServer},
};

inline constexpr Named<EventType> kEventTypeNames[] = {
    {"error", EventType::kError},
    {"warning", EventType::kWarning},
    {"information", EventType::kInformation},
};

inline constexpr Named<JournalPhase> kJournalPhaseNames[] = {
    {"begin", JournalPhase::kBegin},   {"done", JournalPhase::kDone},         {"undo-begin", JournalPhase::kUndoBegin},
    {"undone", JournalPhase::kUndone}, {"finished", JournalPhase::kFinished}, {"reopen", JournalPhase::kReopen},
};

// ACE flags by their cacls/icacls abbreviations (winnt.h values).
inline constexpr Named<uint32_t> kAceFlagNames[] = {
    {"OI", kObjectInheritAce}, {"CI", kContainerInheritAce}, {"NP", 0x4},  // NO_PROPAGATE_INHERIT_ACE
    {"IO", kInheritOnlyAce},   {"I", kInheritedAce},
};

// Access mask names for files and folders. Metabase nodes use the same names: the model keeps
// winnt.h file rights on them rather than IIS's METADATA_PERMISSION bits (our choice).
inline constexpr Named<uint32_t> kFileMaskNames[] = {
    {"read", kFileGenericRead},       {"write", kFileGenericWrite},
    {"execute", kFileGenericExecute}, {"read_execute", kFileGenericRead | kFileGenericExecute},
    {"modify", kFileModify},          {"full", kFileAllAccess},
};

// Registry keys: KEY_READ, KEY_WRITE (0x20006), KEY_ALL_ACCESS (winnt.h).
inline constexpr Named<uint32_t> kKeyMaskNames[] = {
    {"read", kKeyRead},
    {"write", 0x20006},
    {"full", kKeyAllAccess},
};

// The name of `mask` on an object of namespace `ns` ("modify", a registry key's "read"), or ""
// when the mask has none (it is then written as a number).
constexpr std::string_view MaskName(ObjectNamespace ns, uint32_t mask) {
  auto find = [mask](const auto& table) -> std::string_view {
    for (const auto& entry : table) {
      if (entry.value == mask) return entry.name;
    }
    return "";
  };
  return ns == ObjectNamespace::kRegistry ? find(kKeyMaskNames) : find(kFileMaskNames);
}

// The name of `value` in `table`; "?" if it has none.
template <class E, std::size_t N>
constexpr std::string_view NameIn(const Named<E> (&table)[N], E value) {
  for (const auto& entry : table) {
    if (entry.value == value) return entry.name;
  }
  return "?";
}

}  // namespace fixer
