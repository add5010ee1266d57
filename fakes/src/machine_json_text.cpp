// Machine state files in JSON (machine_yaml.h, MachineFileFormat): the saved form, read back by
// fakes' parser and written as JSON (every scalar a string; the loaders read it as the YAML it
// is), so a capture repaired in place stays JSON. The one writer of a machine file's JSON:
// `fixup-sim show --format json` and `show --json` print this too (sim/machine_view.h).
#include <cctype>
#include <cstdio>
#include <string>

#include "fakes/machine_yaml.h"
#include "fakes/yaml_parse.h"

namespace fakes {
namespace {

// RFC 8259 section 7: a quote, a backslash and C0 controls escaped, the usual ones by their short
// escapes (\n, \t), as nlohmann-json writes them, so a capture saved again keeps its escapes; DEL
// too, as the YAML form escapes it. Every other byte as it is.
void AppendJsonString(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", byte);
          out += escaped;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void AppendIndent(std::string& out, int depth) { out.append(static_cast<size_t>(depth) * 2, ' '); }

void AppendNode(std::string& out, const yaml::Tree& tree, yaml::NodeId id, int depth) {
  const auto children = tree.children(id);
  switch (tree.node(id).kind) {
    case yaml::NodeKind::kScalar: AppendJsonString(out, tree.text(id)); return;
    case yaml::NodeKind::kNull: out += "null"; return;
    case yaml::NodeKind::kMap:
    case yaml::NodeKind::kSequence: break;
  }
  const bool map = tree.node(id).kind == yaml::NodeKind::kMap;
  if (children.empty()) {
    out += map ? "{}" : "[]";
    return;
  }
  out += map ? "{\n" : "[\n";
  const size_t step = map ? 2 : 1;
  for (size_t i = 0; i < children.size(); i += step) {
    AppendIndent(out, depth + 1);
    if (map) {
      AppendJsonString(out, tree.text(children[i]));
      out += ": ";
    }
    AppendNode(out, tree, children[i + step - 1], depth + 1);
    out += i + step < children.size() ? ",\n" : "\n";
  }
  AppendIndent(out, depth);
  out += map ? '}' : ']';
}

}  // namespace

std::string MachineToText(const MachineState& state, MachineFileFormat format) {
  std::string yaml_text = MachineToText(state);
  if (format == MachineFileFormat::kYaml) return yaml_text;
  const yaml::ParseResult parsed = yaml::ParseYaml(yaml_text);
  if (parsed.error) return yaml_text;  // the saver's own text always parses; YAML is never lost
  std::string out;
  out.reserve(yaml_text.size() + yaml_text.size() / 2);
  AppendNode(out, parsed.tree, parsed.tree.root(), 0);
  out += '\n';
  return out;
}

MachineFileFormat MachineFileFormatOf(std::string_view out, std::string_view read_text) {
  const std::string_view destination = out;
  auto ends_with = [&](std::string_view suffix) {
    if (destination.size() < suffix.size()) return false;
    const std::string_view tail = destination.substr(destination.size() - suffix.size());
    for (size_t i = 0; i < suffix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(tail[i])) != suffix[i]) return false;
    }
    return true;
  };
  if (ends_with(".json")) return MachineFileFormat::kJson;
  if (ends_with(".yaml") || ends_with(".yml")) return MachineFileFormat::kYaml;
  const size_t first = read_text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && read_text[first] == '{' ? MachineFileFormat::kJson
                                                                    : MachineFileFormat::kYaml;
}

}  // namespace fakes
