// A compact YAML node tree: what fakes' own parser (fakes::yaml::ParseYaml) produces and the
// machine loader reads. Nodes live in one vector; a container's children are one contiguous
// run of ids (a map's alternate key, value); scalars are views into the parsed text where it
// could be used as written, else into strings the tree owns. Every node has its 1-based line
// and column.
//
// The tree can also be built by hand, children before their container (sim turns a yaml-cpp
// node of a scenario file into one this way):
//
//   fakes::yaml::Tree tree;
//   const fakes::yaml::NodeId key = tree.AddScalar("seed", {1, 1});
//   const fakes::yaml::NodeId value = tree.AddOwnedScalar("7", {1, 7});
//   const fakes::yaml::NodeId ids[] = {key, value};
//   tree.set_root(tree.AddContainer(fakes::yaml::NodeKind::kMap, {1, 1}, ids));
#pragma once

#include <cstdint>
#include <deque>
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
  NodeKind kind = NodeKind::kNull;
  Mark mark;
  std::string_view text;  // a scalar's value
  uint32_t first = 0;     // containers: the first child's index in Tree::children
  uint32_t count = 0;     // containers: number of children (a map: 2 per entry)
};

class Tree {
 public:
  Tree() = default;
  Tree(const Tree&) = delete;  // nodes point into strings the tree owns
  Tree& operator=(const Tree&) = delete;
  Tree(Tree&&) = default;
  Tree& operator=(Tree&&) = default;

  NodeId AddNull(Mark mark);
  // `text` must outlive the tree (a view into the parsed text).
  NodeId AddScalar(std::string_view text, Mark mark);
  NodeId AddOwnedScalar(std::string text, Mark mark);
  // Keeps `text` as long as the tree; the view stays valid.
  std::string_view Keep(std::string text);
  // `children` were added before; for a map, key and value alternate.
  NodeId AddContainer(NodeKind kind, Mark mark, std::span<const NodeId> children);

  const Node& node(NodeId id) const { return nodes_[id]; }
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
  std::deque<std::string> owned_;  // a deque: adding a string never moves the others
  NodeId root_ = 0;
};

}  // namespace fakes::yaml
