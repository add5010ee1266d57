#include "fakes/yaml_tree.h"

#include <functional>

namespace fakes::yaml {

std::string_view Tree::AdoptSource(std::string text) {
  adopted_ = std::make_unique<std::string>(std::move(text));
  source_ = *adopted_;
  return source_;
}

NodeId Tree::AddNull(Mark mark) {
  nodes_.push_back(Node{mark, 0, 0, NodeKind::kNull, false});
  return static_cast<NodeId>(nodes_.size() - 1);
}

NodeId Tree::AddScalar(std::string_view text, Mark mark) {
  const std::less_equal<const char*> at_or_before;  // a total order, even across objects
  const bool in_source = !source_.empty() && at_or_before(source_.data(), text.data()) &&
                         at_or_before(text.data() + text.size(), source_.data() + source_.size());
  Node n{mark, 0, static_cast<uint32_t>(text.size()), NodeKind::kScalar, !in_source};
  if (in_source) {
    n.first = static_cast<uint32_t>(text.data() - source_.data());
  } else {
    n.first = static_cast<uint32_t>(owned_.size());
    owned_ += text;
  }
  nodes_.push_back(n);
  return static_cast<NodeId>(nodes_.size() - 1);
}

NodeId Tree::AddContainer(NodeKind kind, Mark mark, std::span<const NodeId> children) {
  const auto first = static_cast<uint32_t>(children_.size());
  children_.insert(children_.end(), children.begin(), children.end());
  nodes_.push_back(Node{mark, first, static_cast<uint32_t>(children.size()), kind, false});
  return static_cast<NodeId>(nodes_.size() - 1);
}

}  // namespace fakes::yaml
