// The words of the machine state format (docs/machine-format.md): OS editions, web servers,
// service states, account and ACE flags, access mask names... shared by the loader and the
// saver so both spell them the same way. The Windows words come from fixer/windows_names.h.
//
// Private to fakes/src.
//
//   yaml::ParseEnum(field, std::span(kOsNames), "os");          // "windows-xp-professional"
//   NameOf(std::span(kStartTypeNames), fixer::StartType::kAutomatic);   // "auto"
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "fakes/os_editions.h"
#include "fixer/ports/aspnet.h"
#include "fixer/ports/event_log.h"
#include "fixer/ports/inventory.h"
#include "fixer/ports/journal.h"
#include "fixer/ports/security.h"
#include "fixer/ports/service_control.h"
#include "fixer/windows_names.h"
#include "yaml_reader.h"

namespace fakes::yaml {

// A table of fixer/windows_names.h as the reader's NamedValue table: one spelling for both.
template <class E, std::size_t N>
constexpr std::array<NamedValue<E>, N> FromFixer(const fixer::Named<E> (&table)[N]) {
  std::array<NamedValue<E>, N> out{};
  for (std::size_t i = 0; i < N; ++i) out[i] = {table[i].name, table[i].value};
  return out;
}

// The `os:` words, from the edition table (fakes/os_editions.h).
inline constexpr std::array<NamedValue<fixer::OsEdition>, fakes::detail::kEditions.size()> kOsNames = [] {
  std::array<NamedValue<fixer::OsEdition>, fakes::detail::kEditions.size()> out{};
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = {fakes::detail::kEditions[i].machine_word, fakes::detail::kEditions[i].edition};
  return out;
}();

inline constexpr NamedValue<fixer::WebServerKind> kWebServerNames[] = {
    {"none", fixer::WebServerKind::kNone},       {"iis-5.0", fixer::WebServerKind::kIis50},
    {"iis-5.1", fixer::WebServerKind::kIis51},   {"iis-6.0", fixer::WebServerKind::kIis60},
    {"cassini", fixer::WebServerKind::kCassini},
};

inline constexpr auto kServiceStateNames = FromFixer(fixer::kServiceStateNames);
inline constexpr auto kStartTypeNames = FromFixer(fixer::kStartTypeNames);
inline constexpr auto kSessionStateNames = FromFixer(fixer::kSessionStateNames);
inline constexpr auto kEventTypeNames = FromFixer(fixer::kEventTypeNames);
inline constexpr auto kJournalPhaseNames = FromFixer(fixer::kJournalPhaseNames);
inline constexpr auto kNamespaceNames = FromFixer(fixer::kNamespaceNames);
inline constexpr auto kAceFlagNames = FromFixer(fixer::kAceFlagNames);
inline constexpr auto kFileMaskNames = FromFixer(fixer::kFileMaskNames);
inline constexpr auto kKeyMaskNames = FromFixer(fixer::kKeyMaskNames);

// Account flags, as listed under `flags:`.
inline constexpr std::string_view kAccountFlagNames[] = {"disabled", "locked_out", "password_never_expires",
                                                         "cannot_change_password", "password_not_required"};

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
