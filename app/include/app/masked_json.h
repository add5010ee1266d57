// A JSON report with a secret masked in every string value by the one rule (fixer::MaskedSecret):
// the report of a run given a temporary password that is also a word of it (`W3SVC`, `Diagnosis`).
// Its keys and the values of `command` and `outcome` are the report's shape, kept as written.
//
//   nlohmann::json j = {{"stop", {"W3SVC", "IISADMIN"}}};
//   app::MaskSecretInJson(j, "W3SVC");   // {"stop": ["********", "IISADMIN"]}
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace app {

// Masks `secret` in each string value of `j`, at every depth, but `command`'s and `outcome`'s; keys,
// numbers, booleans and nulls stay as they are. "" masks nothing.
void MaskSecretInJson(nlohmann::json& j, std::string_view secret);

}  // namespace app
