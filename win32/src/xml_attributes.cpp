// xml_attributes.h: an attribute of the first element of a name, outside comments.
#include "xml_attributes.h"

#include <cctype>

namespace win32 {

namespace {

std::string DecodeEntities(std::string_view s) {
  static const std::pair<std::string_view, char> entities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool decoded = false;
    for (const auto& [name, c] : entities) {
      if (s.substr(i, name.size()) == name) {
        out += c;
        i += name.size();
        decoded = true;
        break;
      }
    }
    if (!decoded) out += s[i++];
  }
  return out;
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':';
}

}  // namespace

std::optional<std::string> FindXmlAttribute(std::string_view text, std::string_view element,
                                            std::string_view attribute) {
  for (size_t at = 0; at < text.size();) {
    size_t open = text.find('<', at);
    if (open == std::string_view::npos) return std::nullopt;
    if (text.substr(open, 4) == "<!--") {
      size_t end = text.find("-->", open + 4);
      if (end == std::string_view::npos) return std::nullopt;
      at = end + 3;
      continue;
    }
    size_t close = text.find('>', open);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view tag = text.substr(open + 1, close - open - 1);
    at = close + 1;
    if (!tag.starts_with(element) || (tag.size() > element.size() && IsNameChar(tag[element.size()]))) continue;
    // Attributes: name="value" or name='value', separated by white space.
    for (size_t i = element.size(); i < tag.size();) {
      while (i < tag.size() && std::isspace(static_cast<unsigned char>(tag[i]))) ++i;
      size_t name_end = i;
      while (name_end < tag.size() && IsNameChar(tag[name_end])) ++name_end;
      std::string_view name = tag.substr(i, name_end - i);
      size_t eq = tag.find_first_not_of(" \t\r\n", name_end);
      if (name.empty() || eq == std::string_view::npos || tag[eq] != '=') return std::nullopt;
      size_t quote = tag.find_first_not_of(" \t\r\n", eq + 1);
      if (quote == std::string_view::npos || (tag[quote] != '"' && tag[quote] != '\'')) return std::nullopt;
      size_t end = tag.find(tag[quote], quote + 1);
      if (end == std::string_view::npos) return std::nullopt;
      if (name == attribute) return DecodeEntities(tag.substr(quote + 1, end - quote - 1));
      i = end + 1;
    }
    return std::nullopt;  // the element is there without that attribute
  }
  return std::nullopt;
}

}  // namespace win32
