// YAML reading helpers for the machine state loader: typed access to the nodes of a yaml::Tree
// (fakes' own parser, yaml_parse.h) that reports every problem as a LoadError at the offending
// node's 1-based line and column.
//
// Private to fakes/src. The loader throws LoadFailure from deep inside and the Load* entry
// points catch it, so no exception ever leaves them.
//
//   yaml::Field root(tree, tree.root(), "", &file_name);
//   yaml::MapFields top(root, {"os", "seed"});
//   if (auto seed = top.Get("seed")) state.seed = seed->U64();
//   // seed: -3  ->  "m.yaml:2:7: seed: expected an integer from 0 to 18446744073709551615"
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fakes/machine_yaml.h"
#include "fakes/yaml_tree.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"

namespace fakes::yaml {

// The one exception the loader uses internally; never escapes a Load* function.
struct LoadFailure {
  LoadError error;
};

LoadError MakeError(const std::string& file, const Mark& mark, std::string message);

// The one rule for YAML booleans in machine files: true/false, also yes/no, any case.
std::optional<bool> ParseBool(std::string_view text);

// A node, where it sits in the document ("accounts.ASPNET.flags[1]"), and a fallback mark for
// nodes that have none of their own (a missing or empty value points at its key).
class Field {
 public:
  Field(const Tree& tree, NodeId node, std::string path, const std::string* file, Mark fallback = {});

  const Tree& tree() const { return *tree_; }
  NodeId id() const { return node_; }
  const Node& node() const { return tree_->node(node_); }
  const std::string& path() const { return path_; }
  const std::string& file() const { return *file_; }
  Mark mark() const;

  // Throws LoadFailure "PATH: message" at this node.
  [[noreturn]] void Fail(std::string_view message) const;
  // The same at a key whose value the error's excerpt must not quote (LoadError::value_hidden).
  [[noreturn]] void FailHidingValue(std::string_view message) const;

  bool IsNull() const { return node().kind == NodeKind::kNull; }
  bool IsScalar() const { return node().kind == NodeKind::kScalar; }
  bool IsMap() const { return node().kind == NodeKind::kMap; }
  bool IsSequence() const { return node().kind == NodeKind::kSequence; }
  // "a map", "a list", "a string", "nothing": what the node is, for messages.
  std::string_view KindName() const;

  std::string Str() const;                         // any scalar
  bool Bool() const;                               // true/false (yes/no accepted)
  uint64_t U64() const;                            // decimal, or hex with 0x
  uint32_t U32(uint32_t max = UINT32_MAX) const;   // 0..max
  uint32_t U32(uint32_t min, uint32_t max) const;  // min..max
  int64_t I64() const;
  // The items of a list, each a Field "PATH[i]".
  std::vector<Field> Items() const;
  std::vector<std::string> StrList() const;
  // A child reached by key; `key_mark` is used when the value is empty.
  Field Child(NodeId value, std::string_view key, const Mark& key_mark) const;

 private:
  std::string_view Text() const { return tree_->text(node_); }

  const Tree* tree_;
  NodeId node_;
  std::string path_;
  const std::string* file_;
  Mark fallback_;
};

// One key/value of a map, with the key as written.
struct Entry {
  std::string key;
  Field key_field;
  Field value;
};

// Every entry of a map, in document order; an empty value (`key:`) is an empty map. Keys must
// be scalars and not repeat (exactly); callers that compare names case-insensitively check
// that themselves.
std::vector<Entry> MapEntries(const Field& map);

// A map whose keys must come from a fixed set: unknown keys are rejected at the key, with the
// list of accepted ones.
class MapFields {
 public:
  MapFields(const Field& map, std::initializer_list<std::string_view> allowed);

  const Field& self() const { return map_; }
  std::optional<Field> Get(std::string_view key) const;
  bool Has(std::string_view key) const { return Get(key).has_value(); }
  // The value, or a failure "missing key 'KEY'" at the map.
  Field Require(std::string_view key) const;
  // The key field (to point an error at the key rather than its value).
  std::optional<Field> KeyOf(std::string_view key) const;
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  Field map_;
  std::vector<Entry> entries_;
};

// A name -> value table for enumerations; matching is case-insensitive.
template <class E>
struct NamedValue {
  std::string_view name;
  E value;
};

std::string JoinNames(const std::vector<std::string_view>& names);

template <class E, std::size_t N>
E ParseEnum(const Field& f, std::span<const NamedValue<E>, N> table, std::string_view what) {
  const std::string text = f.Str();
  std::vector<std::string_view> names;
  for (const auto& nv : table) {
    if (fixer::SameWindowsName(nv.name, text)) return nv.value;
    names.push_back(nv.name);
  }
  f.Fail("unknown " + std::string(what) + " " + fixer::QuotedValue(text) + "; expected one of: " + JoinNames(names));
}

}  // namespace fakes::yaml
