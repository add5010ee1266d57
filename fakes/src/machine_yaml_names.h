// The words of the machine state format (docs/machine-format.md): OS editions, web servers,
// service states, account and ACE flags, access mask names... shared by the loader and the
// saver so both spell them the same way.
//
// Private to fakes/src.
//
//   yaml::ParseEnum(field, std::span(kOsNames), "os");          // "windows-xp-professional"
//   NameOf(std::span(kStartTypeNames), fixer::StartType::kAutomatic);   // "auto"
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fixer/ports/aspnet.h"
#include "fixer/ports/event_log.h"
#include "fixer/ports/inventory.h"
#include "fixer/ports/journal.h"
#include "fixer/ports/security.h"
#include "fixer/ports/service_control.h"
#include "yaml_reader.h"

namespace fakes::yaml {

inline constexpr NamedValue<fixer::OsEdition> kOsNames[] = {
    {"windows-2000-professional", fixer::OsEdition::kWindows2000Professional},
    {"windows-2000-server", fixer::OsEdition::kWindows2000Server},
    {"windows-xp-home", fixer::OsEdition::kWindowsXpHome},
    {"windows-xp-professional", fixer::OsEdition::kWindowsXpProfessional},
    {"windows-server-2003", fixer::OsEdition::kWindowsServer2003},
};

inline constexpr NamedValue<fixer::WebServerKind> kWebServerNames[] = {
    {"none", fixer::WebServerKind::kNone},       {"iis-5.0", fixer::WebServerKind::kIis50},
    {"iis-5.1", fixer::WebServerKind::kIis51},   {"iis-6.0", fixer::WebServerKind::kIis60},
    {"cassini", fixer::WebServerKind::kCassini},
};

inline constexpr NamedValue<fixer::ServiceState> kServiceStateNames[] = {
    {"stopped", fixer::ServiceState::kStopped},
    {"start-pending", fixer::ServiceState::kStartPending},
    {"stop-pending", fixer::ServiceState::kStopPending},
    {"running", fixer::ServiceState::kRunning},
    {"paused", fixer::ServiceState::kPaused},
};

inline constexpr NamedValue<fixer::StartType> kStartTypeNames[] = {
    {"boot", fixer::StartType::kBoot},           {"system", fixer::StartType::kSystem},
    {"auto", fixer::StartType::kAutomatic},      {"manual", fixer::StartType::kManual},
    {"disabled", fixer::StartType::kDisabled},
};

inline constexpr NamedValue<fixer::SessionStateMode> kSessionStateNames[] = {
    {"Off", fixer::SessionStateMode::kOff},
    {"InProc", fixer::SessionStateMode::kInProc},
    {"StateServer", fixer::SessionStateMode::kStateServer},
    {"SQLServer", fixer::SessionStateMode::kSqlServer},
};

inline constexpr NamedValue<fixer::EventType> kEventTypeNames[] = {
    {"error", fixer::EventType::kError},
    {"warning", fixer::EventType::kWarning},
    {"information", fixer::EventType::kInformation},
};

inline constexpr NamedValue<fixer::JournalPhase> kJournalPhaseNames[] = {
    {"begin", fixer::JournalPhase::kBegin},           {"done", fixer::JournalPhase::kDone},
    {"undo-begin", fixer::JournalPhase::kUndoBegin},  {"undone", fixer::JournalPhase::kUndone},
    {"finished", fixer::JournalPhase::kFinished},     {"reopen", fixer::JournalPhase::kReopen},
};

inline constexpr NamedValue<fixer::ObjectNamespace> kNamespaceNames[] = {
    {"file", fixer::ObjectNamespace::kFile},
    {"registry", fixer::ObjectNamespace::kRegistry},
    {"metabase", fixer::ObjectNamespace::kMetabase},
};

// Account flags, as listed under `flags:`.
inline constexpr std::string_view kAccountFlagNames[] = {
    "disabled", "locked_out", "password_never_expires", "cannot_change_password"};

// ACE flags by their cacls/icacls abbreviations (winnt.h values).
inline constexpr NamedValue<uint32_t> kAceFlagNames[] = {
    {"OI", fixer::kObjectInheritAce},
    {"CI", fixer::kContainerInheritAce},
    {"NP", 0x4},  // NO_PROPAGATE_INHERIT_ACE
    {"IO", fixer::kInheritOnlyAce},
    {"I", fixer::kInheritedAce},
};

// Access mask names for files and folders. Metabase nodes use the same names: the model keeps
// winnt.h file rights on them rather than IIS's METADATA_PERMISSION bits (our choice).
inline constexpr NamedValue<uint32_t> kFileMaskNames[] = {
    {"read", fixer::kFileGenericRead},
    {"write", fixer::kFileGenericWrite},
    {"execute", fixer::kFileGenericExecute},
    {"read_execute", fixer::kFileGenericRead | fixer::kFileGenericExecute},
    {"modify", fixer::kFileModify},
    {"full", fixer::kFileAllAccess},
};

// Registry keys: KEY_READ, KEY_WRITE (0x20006), KEY_ALL_ACCESS (winnt.h).
inline constexpr NamedValue<uint32_t> kKeyMaskNames[] = {
    {"read", fixer::kKeyRead},
    {"write", 0x20006},
    {"full", fixer::kKeyAllAccess},
};

std::span<const NamedValue<uint32_t>> MaskNamesFor(fixer::ObjectNamespace ns);

// The name of `value` in `table`, or nullopt.
template <class E, std::size_t N>
std::optional<std::string_view> NameOf(std::span<const NamedValue<E>, N> table, E value) {
  for (const auto& nv : table) {
    if (nv.value == value) return nv.name;
  }
  return std::nullopt;
}

// Framework versions: "1.0" and "1.0.3705" both mean 1.0.3705; nullopt if unknown.
std::optional<std::string> CanonicalFrameworkVersion(std::string_view text);

// "S-" and a digit: the text names a SID, not an account ("S-Team" is a name).
bool LooksLikeSid(std::string_view text);

// "0x1F01FF"
std::string Hex(uint32_t value);

// Machine clock values as ISO 8601 UTC ("2003-08-22T00:00:00Z"), and back. Parsing accepts
// "YYYY-MM-DD" (midnight) and "YYYY-MM-DDTHH:MM:SSZ"; nullopt otherwise.
std::string FormatUtc(int64_t seconds);
std::optional<int64_t> ParseUtc(std::string_view text);

}  // namespace fakes::yaml
