#include "sim/machine_diff.h"

#include <map>

#include "sim/machine_yaml_node.h"

namespace sim {
namespace {

constexpr const char* kNone = "(none)";

// Keys whose values are secret-derived: a diff says "(changed)" and never prints them.
bool IsSecretKey(const std::string& key) {
  return key == "password_hash" || key == "password_history" || key == "secrets" ||
         key == "password" || key == "rng_state";
}

// The identity of a list item, if it has one, so an insertion does not renumber the rest:
// name, path, object path (file / registry / metabase), sid, key, id, seq; an ACE by its type
// and principal. Logs (events) keep their position: equal entries may repeat.
std::string ItemLabel(const std::string& list_path, const YAML::Node& item, size_t index) {
  if (item.IsMap() && list_path != "events") {
    for (const char* k : {"name", "path", "file", "registry", "metabase", "sid", "key", "id", "seq"}) {
      if (item[k] && item[k].IsScalar()) return item[k].Scalar();
    }
    for (const char* k : {"allow", "deny"}) {
      if (item[k] && item[k].IsScalar()) return std::string(k) + " " + item[k].Scalar();
    }
  }
  return std::to_string(index);
}

void Flatten(const YAML::Node& node, const std::string& path, bool secret,
             std::map<std::string, std::string>& out) {
  if (secret) {
    // Keep a digest-free marker: equal trees give equal strings, without showing the value.
    out[path] = "<secret:" + std::to_string(std::hash<std::string>()(YAML::Dump(node))) + ">";
    return;
  }
  if (node.IsMap()) {
    for (const auto& kv : node) {
      const std::string key = kv.first.Scalar();
      Flatten(kv.second, path.empty() ? key : path + "." + key, IsSecretKey(key), out);
    }
  } else if (node.IsSequence()) {
    bool scalars = true;
    for (const auto& item : node) scalars = scalars && item.IsScalar();
    if (scalars) {  // a list of plain values reads best on one line
      std::string joined = "[";
      for (const auto& item : node) joined += (joined.size() > 1 ? ", " : "") + item.Scalar();
      out[path] = joined + "]";
      return;
    }
    size_t i = 0;
    std::map<std::string, int> seen;  // a label used twice gets "#2", "#3"...
    for (const auto& item : node) {
      std::string label = ItemLabel(path, item, i);
      if (const int n = ++seen[label]; n > 1) label += "#" + std::to_string(n);
      Flatten(item, path + "[" + label + "]", false, out);
      ++i;
    }
  } else if (node.IsScalar()) {
    out[path] = node.Scalar();
  } else {
    out[path] = "~";
  }
}

// One line per change: a multi-line value (an event text) is joined with " / ".
std::string Shown(const std::string& value) {
  if (value.rfind("<secret:", 0) == 0) return "(secret)";
  std::string line;
  for (char c : value) {
    if (c == '\r') continue;
    line += c == '\n' ? std::string(" / ") : std::string(1, c);
  }
  return line;
}

// A section equal in both states (operator==) has equal YAML too, so it is emptied in both
// copies before they are serialised: the sweep diffs every restored machine against the one it
// found, and most sections (objects, events, journal...) are then unchanged. Serialising them
// was 80% of a sweep. `sam` and `products` stay, as principals are written by name through
// them; so does everything not named here, so a new section is never dropped from a diff.
void DropEqualSections(fakes::MachineState& a, fakes::MachineState& b) {
  auto drop = [&](auto member) {
    if (a.*member == b.*member) a.*member = b.*member = {};
  };
  drop(&fakes::MachineState::lsa);
  drop(&fakes::MachineState::profiles);
  drop(&fakes::MachineState::objects);
  drop(&fakes::MachineState::sql);
  drop(&fakes::MachineState::services);
  drop(&fakes::MachineState::events);
  drop(&fakes::MachineState::journal);
}

}  // namespace

std::vector<Change> DiffMachines(const fakes::MachineState& before, const fakes::MachineState& after) {
  fakes::MachineState before_copy = before, after_copy = after;
  DropEqualSections(before_copy, after_copy);
  std::map<std::string, std::string> a, b;
  Flatten(MachineToYaml(before_copy), "", false, a);
  Flatten(MachineToYaml(after_copy), "", false, b);
  std::vector<Change> changes;
  auto ia = a.begin();
  auto ib = b.begin();
  while (ia != a.end() || ib != b.end()) {
    if (ib == b.end() || (ia != a.end() && ia->first < ib->first)) {
      changes.push_back({ia->first, Shown(ia->second), kNone});
      ++ia;
    } else if (ia == a.end() || ib->first < ia->first) {
      changes.push_back({ib->first, kNone, Shown(ib->second)});
      ++ib;
    } else {
      if (ia->second != ib->second) {
        const bool secret = ia->second.rfind("<secret:", 0) == 0;
        changes.push_back({ia->first, secret ? "(secret)" : Shown(ia->second),
                           secret ? "(secret, changed)" : Shown(ib->second)});
      }
      ++ia;
      ++ib;
    }
  }
  return changes;
}

}  // namespace sim
