#include "yaml_emit.h"

#include <charconv>

#include "yaml_scalar.h"

namespace fakes::yaml {

ScalarForm FormFor(std::string_view text, bool flow) {
  bool printable = true;  // no control characters: single quotes can hold it
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) printable = false;
  }
  if (!printable) return ScalarForm::kDoubleQuoted;
  if (IsNullPlain(text)) return ScalarForm::kSingleQuoted;
  const auto c0 = static_cast<unsigned char>(text[0]);
  const std::string_view starters = "-?:,[]{}#&*!|>'\"%@`. ";
  if (starters.find(static_cast<char>(c0)) != std::string_view::npos) return ScalarForm::kSingleQuoted;
  if (text.back() == ' ' || text.back() == ':') return ScalarForm::kSingleQuoted;
  if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) {
    return ScalarForm::kSingleQuoted;
  }
  if (flow && text.find_first_of(",[]{}") != std::string_view::npos) return ScalarForm::kSingleQuoted;
  if (flow && text.find(":") != std::string_view::npos) return ScalarForm::kSingleQuoted;
  return ScalarForm::kPlain;
}

namespace {

void AppendDoubleQuoted(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '"';
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\0': out += "\\0"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\\x";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += ch;
        }
    }
  }
  out += '"';
}

void AppendScalar(std::string& out, std::string_view text, bool flow) {
  if (text.empty()) {
    out += "''";
    return;
  }
  switch (FormFor(text, flow)) {
    case ScalarForm::kPlain: out += text; break;
    case ScalarForm::kSingleQuoted:
      out += '\'';
      for (char c : text) {
        if (c == '\'') out += '\'';  // a quote is doubled
        out += c;
      }
      out += '\'';
      break;
    case ScalarForm::kDoubleQuoted: AppendDoubleQuoted(out, text); break;
  }
}

}  // namespace

void Emitter::Comment(std::string_view text) {
  out_ += "# ";
  out_ += text;
  out_ += '\n';
}

void Emitter::StartEntryLine(Level& level) {
  if (level.count == 0 && level.after_dash) return;  // right after "- "
  if (!at_line_start_) out_ += '\n';
  out_.append(static_cast<size_t>(level.indent), ' ');
  at_line_start_ = false;
}

// Writes what goes between the parent's last output and this node.
void Emitter::BeforeNode(bool block_collection) {
  if (levels_.empty()) return;
  Level& parent = levels_.back();
  if (parent.flow) {
    if (!parent.map && parent.count > 0) out_ += ", ";
    return;
  }
  if (parent.map) {  // after "key:"
    if (!block_collection) out_ += ' ';
    return;
  }
  StartEntryLine(parent);
  out_ += "- ";
  ++parent.count;
}

void Emitter::AfterLeaf() {
  if (levels_.empty() || !levels_.back().flow) {
    out_ += '\n';
    at_line_start_ = true;
  } else if (!levels_.back().map) {
    ++levels_.back().count;
  }
}

void Emitter::Begin(bool map, Style style) {
  const bool flow = style == Style::kFlow || InFlow();
  BeforeNode(!flow);
  Level level;
  level.map = map;
  level.flow = flow;
  if (flow) {
    out_ += map ? '{' : '[';
  } else if (!levels_.empty()) {
    const Level& parent = levels_.back();
    level.after_dash = !parent.map;
    level.indent = parent.indent + 2;
  }
  levels_.push_back(level);
}

void Emitter::End() {
  const Level level = levels_.back();
  levels_.pop_back();
  if (level.flow) {
    out_ += level.map ? '}' : ']';
    AfterLeaf();
    return;
  }
  if (level.count == 0) {  // an empty block collection is written in flow style
    if (!level.after_dash && !levels_.empty()) out_ += ' ';
    out_ += level.map ? "{}" : "[]";
    out_ += '\n';
    at_line_start_ = true;
  }
}

void Emitter::BeginMap(Style style) { Begin(true, style); }
void Emitter::EndMap() { End(); }
void Emitter::BeginSeq(Style style) { Begin(false, style); }
void Emitter::EndSeq() { End(); }

void Emitter::Key(std::string_view key) {
  Level& level = levels_.back();
  if (level.flow) {
    if (level.count > 0) out_ += ", ";
  } else {
    StartEntryLine(level);
  }
  ++level.count;
  AppendScalar(out_, key, level.flow);  // a key is written like a value
  out_ += ':';
  if (level.flow) out_ += ' ';
}

void Emitter::Scalar(std::string_view text, bool may_need_quotes) {
  BeforeNode(false);
  if (may_need_quotes) {
    AppendScalar(out_, text, InFlow());
  } else {
    out_ += text;
  }
  AfterLeaf();
}

void Emitter::Str(std::string_view value) { Scalar(value, true); }

void Emitter::Int(int64_t value) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  Scalar(std::string_view(buf, static_cast<size_t>(r.ptr - buf)), false);
}

void Emitter::UInt(uint64_t value) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, value);
  Scalar(std::string_view(buf, static_cast<size_t>(r.ptr - buf)), false);
}

void Emitter::Bool(bool value) { Scalar(value ? "true" : "false", false); }

}  // namespace fakes::yaml
