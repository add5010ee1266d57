// A compact YAML node tree: what fakes' own parser (fakes::yaml::ParseYaml) produces and the
// machine loader reads. Nodes are 20 bytes in one vector; a container's children are one
// contiguous run of ids (a map's alternate key, value); a scalar's text is a range of the parsed
// text where it could be used as written, else of one buffer the tree owns. Every node has its
// 1-based line and column.
//
// The tree can also be built by hand, children before their container (sim turns a scenario
// file's `machine:` node into one this way, sim/machine_yaml_node.h):
//
//   fakes::yaml::Tree tree;
//   const fakes::yaml::NodeId key = tree.AddScalar("seed", {1, 1});
//   const fakes::yaml::NodeId value = tree.AddScalar("7", {1, 7});
//   const fakes::yaml::NodeId ids[] = {key, value};
//   tree.set_root(tree.AddContainer(fakes::yaml::NodeKind::kMap, {1, 1}, ids));
//   std::string_view seven = tree.text(tree.children(tree.root())[1]);
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace fakes::yaml {

// A place in a text: 1-based; line 0 means "no position".
struct Mark {
  int line = 0;
  int column = 0;
};

enum class NodeKind : uint8_t { kNull, kScalar, kMap, kSequence };

using NodeId = uint32_t;

struct Node {
  Mark mark;
  uint32_t first = 0;  // a scalar: where its text starts; a container: its first child's index
  uint32_t count = 0;  // a scalar: its text's length; a container: its children (a map: 2 each)
  NodeKind kind = NodeKind::kNull;
  bool owned = false;  // a scalar's text is in the tree's buffer, not in the source
};

class Tree {
 public:
  // The text scalars may point into (AddScalar copies anything else). Must outlive the tree.
  void set_source(std::string_view text) { source_ = text; }
  // Keeps `text` as the source, for as long as the tree lives.
  std::string_view AdoptSource(std::string text);

  NodeId AddNull(Mark mark);
  // A view into the source is kept as a range of it; any other text is copied.
  NodeId AddScalar(std::string_view text, Mark mark);
  // `children` were added before; for a map, key and value alternate.
  NodeId AddContainer(NodeKind kind, Mark mark, std::span<const NodeId> children);

  const Node& node(NodeId id) const { return nodes_[id]; }
  std::string_view text(NodeId id) const {
    const Node& n = nodes_[id];
    return (n.owned ? std::string_view(owned_) : source_).substr(n.first, n.count);
  }
  std::span<const NodeId> children(NodeId id) const {
    const Node& n = nodes_[id];
    return {children_.data() + n.first, n.count};
  }
  NodeId root() const { return root_; }
  void set_root(NodeId id) { root_ = id; }
  size_t size() const { return nodes_.size(); }

 private:
  std::vector<Node> nodes_;
  std::vector<NodeId> children_;
  std::string owned_;  // the text of scalars that are not in the source, one after another
  std::string_view source_;
  std::unique_ptr<std::string> adopted_;  // a source the tree keeps (a pointer: SSO would move it)
  NodeId root_ = 0;
};

}  // namespace fakes::yaml
