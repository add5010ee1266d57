#include "fakes/yaml_tree.h"

namespace fakes::yaml {

NodeId Tree::AddNull(Mark mark) {
  nodes_.push_back(Node{NodeKind::kNull, mark, {}, 0, 0});
  return static_cast<NodeId>(nodes_.size() - 1);
}

NodeId Tree::AddScalar(std::string_view text, Mark mark) {
  nodes_.push_back(Node{NodeKind::kScalar, mark, text, 0, 0});
  return static_cast<NodeId>(nodes_.size() - 1);
}

std::string_view Tree::Keep(std::string text) { return owned_.emplace_back(std::move(text)); }

NodeId Tree::AddOwnedScalar(std::string text, Mark mark) { return AddScalar(Keep(std::move(text)), mark); }

NodeId Tree::AddContainer(NodeKind kind, Mark mark, std::span<const NodeId> children) {
  const auto first = static_cast<uint32_t>(children_.size());
  children_.insert(children_.end(), children.begin(), children.end());
  nodes_.push_back(Node{kind, mark, {}, first, static_cast<uint32_t>(children.size())});
  return static_cast<NodeId>(nodes_.size() - 1);
}

}  // namespace fakes::yaml
