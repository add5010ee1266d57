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

// `json` with each C1 control (U+0080-U+009F: U+009B is a terminal's CSI) and bidirectional
// control written as \uXXXX, as the writer already writes C0 controls: the text is still the same
// JSON, and one printed to a terminal commands nothing. Such characters occur only inside strings.
std::string WithControlsEscaped(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (size_t i = 0; i < json.size();) {
    const size_t len = fixer::Utf8SequenceLength(json, i);
    const char32_t c = len > 1 ? fixer::CodePointAt(json, i) : 0;
    if ((c >= 0x80 && c <= 0x9F) || fixer::IsBidiControl(c)) {
      out += fmt::format("\\u{:04x}", static_cast<uint32_t>(c));
    } else {
      out.append(json, i, len == 0 ? 1 : len);
    }
    i += len == 0 ? 1 : len;
  }
  return out;
}

template <class Json>
std::string Text(const Json& j) {
  try {
    return WithControlsEscaped(j.dump(2));
  } catch (const typename Json::type_error&) {  // 316: a string that is not UTF-8
    return WithControlsEscaped(EscapedCopy(j).dump(2, ' ', false, Json::error_handler_t::replace));
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
