// JsonText (app/json_text.h): JSON text that a byte which is not UTF-8 cannot make throw.
#include "app/json_text.h"

#include <cstdio>
#include <string_view>
#include <utility>

namespace app {
namespace {

// Length of the UTF-8 sequence at text[i] (RFC 3629: no overlong form, no surrogate, at most
// U+10FFFF), or 0 when the bytes there are not one.
size_t Utf8Length(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char c = byte(0);
  if (c < 0x80) return 1;
  const size_t len = (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
  if (len == 0 || i + len > text.size() || c < 0xc2 || c > 0xf4) return 0;
  for (size_t k = 1; k < len; ++k)
    if ((byte(k) & 0xc0) != 0x80) return 0;
  if (c == 0xe0 && byte(1) < 0xa0) return 0;  // overlong
  if (c == 0xed && byte(1) > 0x9f) return 0;  // a surrogate
  if (c == 0xf0 && byte(1) < 0x90) return 0;  // overlong
  if (c == 0xf4 && byte(1) > 0x8f) return 0;  // past U+10FFFF
  return len;
}

// `j` with every string and key escaped by EscapeNonUtf8, its keys in their order.
template <class Json>
Json EscapedCopy(const Json& j) {
  if (j.is_string()) return EscapeNonUtf8(j.template get_ref<const std::string&>());
  if (j.is_array()) {
    Json out = Json::array();
    for (const Json& item : j) out.push_back(EscapedCopy(item));
    return out;
  }
  if (j.is_object()) {
    Json out = Json::object();
    for (const auto& [key, value] : j.items()) out[EscapeNonUtf8(key)] = EscapedCopy(value);
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

std::string EscapeNonUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (const size_t len = Utf8Length(text, i); len != 0) {
      out.append(text.substr(i, len));
      i += len;
      continue;
    }
    char hex[5];
    std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(text[i]));
    out += hex;
    ++i;
  }
  return out;
}

std::string JsonText(const nlohmann::json& j) { return Text(j); }

std::string JsonText(const nlohmann::ordered_json& j) { return Text(j); }

}  // namespace app
