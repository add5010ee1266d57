#include "sim/machine_yaml_node.h"

#include <vector>

namespace sim {
namespace {

constexpr int kMaxDepth = 200;  // as fakes' parser: no machine nests deeper

struct TooDeep {
  YAML::Mark mark;
};

fakes::yaml::Mark MarkOf(const YAML::Node& n) {
  const YAML::Mark m = n.Mark();
  if (m.is_null()) return {};
  return {m.line + 1, m.column + 1};  // yaml-cpp counts from 0
}

// Children first, then their container, as yaml::Tree wants.
fakes::yaml::NodeId Copy(const YAML::Node& n, fakes::yaml::Tree& tree, int depth) {
  if (depth > kMaxDepth) throw TooDeep{n.Mark()};
  if (n.IsScalar()) return tree.AddScalar(n.Scalar(), MarkOf(n));
  if (n.IsMap() || n.IsSequence()) {
    std::vector<fakes::yaml::NodeId> children;
    for (auto it = n.begin(); it != n.end(); ++it) {
      if (n.IsMap()) {
        children.push_back(Copy(it->first, tree, depth + 1));
        children.push_back(Copy(it->second, tree, depth + 1));
      } else {
        children.push_back(Copy(*it, tree, depth + 1));
      }
    }
    const auto kind = n.IsMap() ? fakes::yaml::NodeKind::kMap : fakes::yaml::NodeKind::kSequence;
    return tree.AddContainer(kind, MarkOf(n), children);
  }
  return tree.AddNull(MarkOf(n));
}

}  // namespace

fakes::Loaded<fakes::MachineState> LoadMachineNode(const YAML::Node& node, const std::string& file_name) {
  fakes::yaml::Tree tree;
  try {
    tree.set_root(Copy(node, tree, 0));
  } catch (const TooDeep& e) {
    fakes::Loaded<fakes::MachineState> out;
    out.error = fakes::LoadError{file_name, e.mark.line + 1, e.mark.column + 1,
                                 "nesting deeper than " + std::to_string(kMaxDepth) + " levels"};
    return out;
  }
  return fakes::LoadMachineTree(tree, tree.root(), file_name);
}

YAML::Node MachineToYaml(const fakes::MachineState& state) { return YAML::Load(fakes::MachineToText(state)); }

}  // namespace sim
