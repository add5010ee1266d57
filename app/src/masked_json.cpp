// MaskSecretInJson (app/masked_json.h): a secret masked in every string of a JSON report.
#include "app/masked_json.h"

#include <array>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "fixer/masked_secret.h"

namespace app {
namespace {

// The values README promises a script of every report (a verb's name, an outcome's): the tool's
// own words, the same whatever was typed, so a mask there would hide nothing and break the shape.
constexpr std::array<std::string_view, 2> kShapeValues = {"command", "outcome"};

bool IsShapeValue(std::string_view key) {
  for (std::string_view shape : kShapeValues)
    if (key == shape) return true;
  return false;
}

}  // namespace

void MaskSecretInJson(nlohmann::json& j, std::string_view secret) {
  if (secret.empty()) return;
  if (j.is_string()) {
    j = fixer::MaskedSecret(j.get<std::string>(), secret);
  } else if (j.is_array()) {
    for (nlohmann::json& item : j) MaskSecretInJson(item, secret);
  } else if (j.is_object()) {
    // Keys are the report's shape, never data (data goes in values and arrays): kept as written.
    for (auto& [key, value] : j.items())
      if (!(value.is_string() && IsShapeValue(key))) MaskSecretInJson(value, secret);
  }
}

}  // namespace app
