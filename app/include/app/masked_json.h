// A JSON report with a secret masked in every string and key by the one rule (fixer::MaskedSecret):
// the report of a run given a temporary password that is also a word of it (`W3SVC`, `Diagnosis`).
//
//   nlohmann::json j = {{"stop", {"W3SVC", "IISADMIN"}}};
//   app::MaskSecretInJson(j, "W3SVC");   // {"stop": ["********", "IISADMIN"]}
#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

namespace app {

// Masks `secret` in each string value and each key of `j`, at every depth; numbers, booleans and
// nulls stay as they are. "" masks nothing.
void MaskSecretInJson(nlohmann::json& j, std::string_view secret);

}  // namespace app
