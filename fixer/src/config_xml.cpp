// config_xml.h: a small XML 1.0 reader for .config files (W3C XML 1.0, 5th edition: §2.11 line
// ends, §3.1 Unique Att Spec, §3.3.3 attribute-value normalization, §4.1 character references,
// §4.3.3 UTF-8 and UTF-16; docs/windows-reference.md#machine-config).
#include "fixer/config_xml.h"

#include <algorithm>
#include <cctype>

#include "fixer/name_case.h"
#include "fixer/text.h"
#include "fixer/utf8.h"
#include "fixer/win_error.h"

namespace fixer {

const std::string* ConfigElement::Attribute(std::string_view name) const {
  for (const auto& [n, v] : attributes)
    if (n == name) return &v;
  return nullptr;
}

namespace {

Status NotWellFormed(std::string_view why) {
  return Status::Explained(kErrorInvalidData, Text(FMT_COMPILE("the XML is not well-formed: {}"), why));
}

// UTF-16 (little or big endian) to UTF-8; a lone surrogate is not text.
Result<std::string> FromUtf16(std::string_view bytes, bool big_endian) {
  if (bytes.size() % 2 != 0) return NotWellFormed("UTF-16 text of an odd number of bytes");
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 2) {
    const auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
    char32_t unit = big_endian ? (b0 << 8 | b1) : (b1 << 8 | b0);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
      const auto c0 = static_cast<unsigned char>(bytes[i + 2]), c1 = static_cast<unsigned char>(bytes[i + 3]);
      const char32_t low = big_endian ? (c0 << 8 | c1) : (c1 << 8 | c0);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (unit >= 0xD800 && unit <= 0xDFFF) return NotWellFormed("a lone UTF-16 surrogate");
    AppendUtf8(out, unit);
  }
  return out;
}

// The document as UTF-8, by its byte order mark (or the "<?" a BOM-less UTF-16 file starts
// with: XML 1.0 Appendix F), line ends made LF (§2.11).
Result<std::string> DecodeDocument(std::string_view bytes) {
  Result<std::string> text = std::string();
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    text = std::string(bytes.substr(3));
  } else if (bytes.starts_with("\xFF\xFE")) {
    text = FromUtf16(bytes.substr(2), false);
  } else if (bytes.starts_with("\xFE\xFF")) {
    text = FromUtf16(bytes.substr(2), true);
  } else if (bytes.starts_with(std::string_view("<\0?\0", 4))) {
    text = FromUtf16(bytes, false);
  } else if (bytes.starts_with(std::string_view("\0<\0?", 4))) {
    text = FromUtf16(bytes, true);
  } else {
    text = std::string(bytes);
  }
  if (!text) return text;
  std::string out;
  out.reserve(text->size());
  for (size_t i = 0; i < text->size(); ++i) {
    if ((*text)[i] == '\r') {
      out += '\n';
      if (i + 1 < text->size() && (*text)[i + 1] == '\n') ++i;
    } else {
      out += (*text)[i];
    }
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  Result<std::vector<ConfigElement>> Read() {
    std::vector<std::string> open;  // names of the elements open, outermost first
    std::vector<ConfigElement> elements;
    bool root_seen = false;
    while (at_ < text_.size()) {
      const size_t lt = text_.find('<', at_);
      if (lt == std::string_view::npos) break;
      at_ = lt;
      if (Skip("<!--", "-->") || Skip("<![CDATA[", "]]>") || Skip("<?", "?>")) {
        if (failed_) return *failed_;
        continue;
      }
      if (text_.substr(at_).starts_with("<!DOCTYPE")) {
        if (Status st = SkipDoctype(); !st.ok()) return st;
        continue;
      }
      if (text_.substr(at_).starts_with("</")) {
        at_ += 2;
        const std::string name = Name();
        SkipSpace();
        if (open.empty() || name != open.back() || !Take('>'))
          return Error(Text(FMT_COMPILE("the end tag </{}> does not close {}"), name,
                            open.empty() ? std::string("any element") : "<" + open.back() + ">"));
        open.pop_back();
        continue;
      }
      ++at_;
      ConfigElement e;
      const std::string name = Name();
      if (name.empty()) return Error("'<' begins no tag");
      if (open.empty() && root_seen) return Error(Text(FMT_COMPILE("a second root element <{}>"), name));
      root_seen = true;
      for (const std::string& outer : open) e.path += outer + "/";
      e.path += name;
      for (;;) {
        const bool spaced = SkipSpace();
        if (Take('>')) {
          open.push_back(name);
          break;
        }
        if (text_.substr(at_).starts_with("/>")) {
          at_ += 2;
          break;
        }
        std::string attribute = Name();
        if (attribute.empty() || !spaced) return Error(Text(FMT_COMPILE("a malformed attribute in <{}>"), name));
        if (e.Attribute(attribute) != nullptr)
          return Error(Text(FMT_COMPILE("the attribute {} is given twice in <{}>"), attribute, name));
        SkipSpace();
        if (!Take('=')) return Error(Text(FMT_COMPILE("the attribute {} of <{}> has no value"), attribute, name));
        SkipSpace();
        auto value = Value();
        if (!value) return value.status();
        e.attributes.emplace_back(std::move(attribute), std::move(*value));
      }
      elements.push_back(std::move(e));
    }
    if (!open.empty()) return Error(Text(FMT_COMPILE("<{}> is never closed"), open.back()));
    if (!root_seen) return Error("no element");
    return elements;
  }

 private:
  Status Error(std::string_view why) const {
    const size_t line = 1 + std::count(text_.begin(), text_.begin() + std::min(at_, text_.size()), '\n');
    return NotWellFormed(Text(FMT_COMPILE("{} (line {})"), why, line));
  }

  // Skips a construct from `open` to `close` when it starts here; sets failed_ when unclosed.
  bool Skip(std::string_view open, std::string_view close) {
    if (!text_.substr(at_).starts_with(open)) return false;
    const size_t end = text_.find(close, at_ + open.size());
    if (end == std::string_view::npos) {
      failed_ = Error(Text(FMT_COMPILE("'{}' is never closed by '{}'"), open, close));
      at_ = text_.size();
      return true;
    }
    at_ = end + close.size();
    return true;
  }

  Status SkipDoctype() {
    int depth = 0;
    for (; at_ < text_.size(); ++at_) {
      if (text_[at_] == '[') ++depth;
      if (text_[at_] == ']') --depth;
      if (text_[at_] == '>' && depth == 0) {
        ++at_;
        return Status::Ok();
      }
    }
    return Error("<!DOCTYPE is never closed");
  }

  bool SkipSpace() {
    const size_t start = at_;
    while (at_ < text_.size() && IsSpace(text_[at_])) ++at_;
    return at_ > start;
  }
  bool Take(char c) {
    if (at_ < text_.size() && text_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }
  std::string Name() {
    const size_t start = at_;
    while (at_ < text_.size() && IsNameChar(text_[at_])) ++at_;
    return std::string(text_.substr(start, at_ - start));
  }

  // A quoted attribute value, references decoded and white space normalized (§3.3.3).
  Result<std::string> Value() {
    if (at_ >= text_.size() || (text_[at_] != '"' && text_[at_] != '\'')) return Error("an attribute value unquoted");
    const char quote = text_[at_++];
    std::string out;
    while (at_ < text_.size() && text_[at_] != quote) {
      const char c = text_[at_];
      if (c == '<') return Error("'<' in an attribute value");
      if (c != '&') {
        out += IsSpace(c) ? ' ' : c;
        ++at_;
        continue;
      }
      const size_t semi = text_.find(';', at_);
      if (semi == std::string_view::npos) return Error("'&' begins no reference");
      const std::string_view ref = text_.substr(at_ + 1, semi - at_ - 1);
      at_ = semi + 1;
      if (auto st = AppendReference(ref, out); !st.ok()) return st;
    }
    if (!Take(quote)) return Error("an attribute value is never closed");
    return out;
  }

  Status AppendReference(std::string_view ref, std::string& out) const {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}};
    for (const auto& [name, c] : kEntities) {
      if (ref == name) {
        out += c;
        return Status::Ok();
      }
    }
    if (!ref.starts_with('#')) return Error(Text(FMT_COMPILE("the entity &{}; is not declared"), ref));
    const bool hex = ref.size() > 1 && ref[1] == 'x';
    std::string_view digits = ref.substr(hex ? 2 : 1);
    char32_t c = 0;
    for (char d : digits) {
      int v = -1;
      if (d >= '0' && d <= '9') v = d - '0';
      if (hex && d >= 'a' && d <= 'f') v = d - 'a' + 10;
      if (hex && d >= 'A' && d <= 'F') v = d - 'A' + 10;
      if (v < 0 || c > 0x10FFFF) return Error(Text(FMT_COMPILE("&{}; is no character reference"), ref));
      c = c * (hex ? 16 : 10) + static_cast<char32_t>(v);
    }
    // §4.1 WFC Legal Character: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    const bool legal = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
                       (c >= 0x10000 && c <= 0x10FFFF);
    if (digits.empty() || !legal) return Error(Text(FMT_COMPILE("&{}; is no character XML allows"), ref));
    AppendUtf8(out, c);
    return Status::Ok();
  }

  std::string_view text_;
  size_t at_ = 0;
  std::optional<Status> failed_;
};

constexpr std::string_view kSystemWeb = "configuration/system.web/";

}  // namespace

Result<std::vector<ConfigElement>> ParseConfigXml(std::string_view bytes) {
  auto text = DecodeDocument(bytes);
  if (!text) return text.status();
  return Reader(*text).Read();
}

Result<ProcessModelConfig> ReadProcessModel(std::string_view machine_config_bytes) {
  auto elements = ParseConfigXml(machine_config_bytes);
  if (!elements) return elements.status();
  ProcessModelConfig pm;
  int found = 0;
  for (const ConfigElement& e : *elements) {
    if (e.path != Text(FMT_COMPILE("{}processModel"), kSystemWeb)) continue;
    if (++found > 1) {
      return Status::Explained(kErrorInvalidData,
                               "<processModel> is given more than once in <system.web>: which one the worker "
                               "uses is not known");
    }
    if (const std::string* v = e.Attribute("userName")) pm.user_name = *v;
    if (const std::string* v = e.Attribute("password")) pm.password = *v;
    // ASP.NET reads the Boolean without case ("true"/"false"); anything but false keeps the default.
    if (const std::string* v = e.Attribute("enable")) pm.enable = !SameWindowsName(*v, "false");
  }
  return pm;
}

std::optional<std::string> ReadSystemWebAttribute(std::string_view config_bytes, std::string_view section,
                                                  std::string_view attribute) {
  auto elements = ParseConfigXml(config_bytes);
  if (!elements) return std::nullopt;
  for (const ConfigElement& e : *elements) {
    if (!e.path.starts_with(kSystemWeb) || e.path.substr(kSystemWeb.size()) != section) continue;
    if (const std::string* v = e.Attribute(attribute)) return *v;
  }
  return std::nullopt;
}

}  // namespace fixer
