// JsonText (app/json_text.h): JSON text that a byte which is not UTF-8 cannot make throw.
#include "app/json_text.h"

#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "fixer/utf8.h"

namespace app {
namespace {

// `j` with every string and key escaped by EscapeNonUtf8, its keys in their order.
template <class Json>
Json EscapedCopy(const Json& j) {
  if (j.is_string()) return fixer::EscapeNonUtf8(j.template get_ref<const std::string&>());
  if (j.is_array()) {
    Json out = Json::array();
    for (const Json& item : j) out.push_back(EscapedCopy(item));
    return out;
  }
  if (j.is_object()) {
    Json out = Json::object();
    for (const auto& [key, value] : j.items()) {
      if constexpr (std::is_same_v<Json, nlohmann::ordered_json>) {
        AppendNewKey(out, fixer::EscapeNonUtf8(key), EscapedCopy(value));
      } else {
        out[fixer::EscapeNonUtf8(key)] = EscapedCopy(value);
      }
    }
    return out;
  }
  return j;
}

template <class Json>
std::string Text(const Json& j) {
  try {
    return j.dump(2);
  } catch (const typename Json::type_error&) {  // 316: a string that is not UTF-8
    return EscapedCopy(j).dump(2, ' ', false, Json::error_handler_t::replace);
  }
}

}  // namespace

std::string JsonText(const nlohmann::json& j) { return Text(j); }

std::string JsonText(const nlohmann::ordered_json& j) { return Text(j); }

void AppendNewKey(nlohmann::ordered_json& object, std::string key, nlohmann::ordered_json value) {
  if (object.is_null()) object = nlohmann::ordered_json::object();
  object.get_ref<nlohmann::ordered_json::object_t&>().emplace_back(std::move(key), std::move(value));
}

std::string HexNumber(uint32_t value) { return fmt::format("0x{:x}", value); }

}  // namespace app
