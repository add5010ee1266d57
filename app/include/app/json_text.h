// The one way both tools print a JSON object: nlohmann's dump(2), except that text which is not
// UTF-8 (a file name or an option value given in other bytes, `--machine $'\xff.yaml'`) cannot
// make it throw. Such bytes are shown as `\xNN`, as the load errors show them, so `--json` still
// prints exactly one JSON object whatever the input.
//
//   nlohmann::json j = {{"error", std::string("\xff.yaml: cannot read")}, {"exit_code", 2}};
//   std::string text = app::JsonText(j);   // {"error": "\\xff.yaml: cannot read", ...}, indented by 2
//   nlohmann::ordered_json accounts;
//   app::AppendNewKey(accounts, "ASPNET", {{"disabled", false}});  // {"ASPNET": {"disabled": false}}
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace app {

// `j` as indented JSON text (no final newline); every string and key that is not UTF-8 has each
// byte that is not part of a UTF-8 sequence written as the four characters `\xNN`
// (fixer::EscapeNonUtf8).
std::string JsonText(const nlohmann::json& j);
// The same for a JSON whose keys keep their order (a machine file's accounts, a report's fields).
std::string JsonText(const nlohmann::ordered_json& j);

// Appends `key: value` to the ordered object `object` (made one if it is null) without looking
// `key` up: ordered_json's operator[] compares every key before it, so an object of N keys built
// with it costs N^2. The keys given must differ (names Windows keeps unique, a map's keys as a
// file wrote them).
void AppendNewKey(nlohmann::ordered_json& object, std::string key, nlohmann::ordered_json value);

// An access mask or ACE flags as the JSON reports write one when no name covers it: "0x1301bf".
std::string HexNumber(uint32_t value);

}  // namespace app
