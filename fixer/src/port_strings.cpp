// The display names of the ports' enums, kept in one place so reports, journal and state files
// agree on them.
#include "fixer/ports/aspnet.h"
#include "fixer/ports/event_log.h"
#include "fixer/ports/inventory.h"
#include "fixer/ports/journal.h"
#include "fixer/ports/security.h"
#include "fixer/ports/service_control.h"

namespace fixer {

std::string_view ToString(ServiceState s) {
  switch (s) {
    case ServiceState::kStopped: return "stopped";
    case ServiceState::kStartPending: return "start-pending";
    case ServiceState::kStopPending: return "stop-pending";
    case ServiceState::kRunning: return "running";
    case ServiceState::kPaused: return "paused";
  }
  return "?";
}

std::string_view ToString(StartType t) {
  switch (t) {
    case StartType::kBoot: return "boot";
    case StartType::kSystem: return "system";
    case StartType::kAutomatic: return "auto";
    case StartType::kManual: return "manual";
    case StartType::kDisabled: return "disabled";
  }
  return "?";
}

std::string_view ToString(ObjectNamespace ns) {
  switch (ns) {
    case ObjectNamespace::kFile: return "file";
    case ObjectNamespace::kRegistry: return "registry";
    case ObjectNamespace::kMetabase: return "metabase";
  }
  return "?";
}

std::string_view ToString(SessionStateMode m) {
  switch (m) {
    case SessionStateMode::kOff: return "Off";
    case SessionStateMode::kInProc: return "InProc";
    case SessionStateMode::kStateServer: return "StateServer";
    case SessionStateMode::kSqlServer: return "SQLServer";
  }
  return "?";
}

std::string_view ToString(OsEdition e) {
  switch (e) {
    case OsEdition::kWindows2000Professional: return "Windows 2000 Professional";
    case OsEdition::kWindows2000Server: return "Windows 2000 Server";
    case OsEdition::kWindowsXpHome: return "Windows XP Home";
    case OsEdition::kWindowsXpProfessional: return "Windows XP Professional";
    case OsEdition::kWindowsServer2003: return "Windows Server 2003";
  }
  return "?";
}

std::string_view ToString(WebServerKind k) {
  switch (k) {
    case WebServerKind::kNone: return "none";
    case WebServerKind::kIis50: return "IIS 5.0";
    case WebServerKind::kIis51: return "IIS 5.1";
    case WebServerKind::kIis60: return "IIS 6.0";
    case WebServerKind::kCassini: return "Cassini";
  }
  return "?";
}

std::string_view ToString(EventType t) {
  switch (t) {
    case EventType::kError: return "error";
    case EventType::kWarning: return "warning";
    case EventType::kInformation: return "information";
  }
  return "?";
}

std::string_view ToString(JournalPhase p) {
  switch (p) {
    case JournalPhase::kBegin: return "begin";
    case JournalPhase::kDone: return "done";
    case JournalPhase::kUndoBegin: return "undo-begin";
    case JournalPhase::kUndone: return "undone";
    case JournalPhase::kFinished: return "finished";
    case JournalPhase::kReopen: return "reopen";
  }
  return "?";
}

Result<JournalPhase> JournalPhaseFromString(std::string_view s) {
  for (auto p : {JournalPhase::kBegin, JournalPhase::kDone, JournalPhase::kUndoBegin,
                 JournalPhase::kUndone, JournalPhase::kFinished, JournalPhase::kReopen}) {
    if (ToString(p) == s) return p;
  }
  return Status::Win(kErrorInvalidParameter);
}

}  // namespace fixer
