// MaskSecretInJson (app/masked_json.h): a secret masked in every string of a JSON report.
#include "app/masked_json.h"

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "fixer/masked_secret.h"

namespace app {

void MaskSecretInJson(nlohmann::json& j, std::string_view secret) {
  if (secret.empty()) return;
  if (j.is_string()) {
    j = fixer::MaskedSecret(j.get<std::string>(), secret);
  } else if (j.is_array()) {
    for (nlohmann::json& item : j) MaskSecretInJson(item, secret);
  } else if (j.is_object()) {
    nlohmann::json masked = nlohmann::json::object();
    for (auto& [key, value] : j.items()) {
      MaskSecretInJson(value, secret);
      masked[fixer::MaskedSecret(key, secret)] = std::move(value);
    }
    j = std::move(masked);
  }
}

}  // namespace app
