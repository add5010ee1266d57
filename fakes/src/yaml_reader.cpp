#include "yaml_reader.h"
#include "fakes/key_spelling.h"
#include "fixer/name_case.h"
#include "fixer/quoted_value.h"

#include <charconv>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>

namespace fakes::yaml {

LoadError MakeError(const std::string& file, const Mark& mark, std::string message) {
  return LoadError{file, mark.line, mark.column, std::move(message)};  // line 0: no position
}

std::optional<bool> ParseBool(std::string_view text) {
  if (fixer::SameWindowsName(text, "true") || fixer::SameWindowsName(text, "yes")) return true;
  if (fixer::SameWindowsName(text, "false") || fixer::SameWindowsName(text, "no")) return false;
  return std::nullopt;
}

Field::Field(const Tree& tree, NodeId node, std::string path, const std::string* file, Mark fallback)
    : tree_(&tree), node_(node), path_(std::move(path)), file_(file), fallback_(fallback) {}

Mark Field::mark() const {
  // An empty value has no text of its own: point at its key instead.
  if (IsNull() || node().mark.line == 0) return fallback_;
  return node().mark;
}

void Field::Fail(std::string_view message) const {
  std::string text = path_.empty() ? std::string(message) : path_ + ": " + std::string(message);
  throw LoadFailure{MakeError(*file_, mark(), std::move(text))};
}

void Field::FailHidingValue(std::string_view message) const {
  std::string text = path_.empty() ? std::string(message) : path_ + ": " + std::string(message);
  LoadError error = MakeError(*file_, mark(), std::move(text));
  error.value_hidden = true;
  throw LoadFailure{std::move(error)};
}

std::string_view Field::KindName() const {
  if (IsNull()) return "nothing";
  if (IsMap()) return "a map";
  if (IsSequence()) return "a list";
  return "a scalar";
}

std::string Field::Str() const {
  if (!IsScalar()) Fail("expected a string, got " + std::string(KindName()));
  if (auto problem = TextProblem(Text())) Fail(*problem);
  return std::string(Text());
}

bool Field::Bool() const {
  if (!IsScalar()) Fail("expected true or false, got " + std::string(KindName()));
  if (auto b = ParseBool(Text())) return *b;
  Fail("expected true or false, got " + fixer::QuotedValue(Text()));
}

namespace {

std::optional<uint64_t> ParseUnsigned(std::string_view s) {
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  }
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

uint64_t Field::U64() const {
  const auto fail = [this] {
    Fail("expected an integer from 0 to " + std::to_string(std::numeric_limits<uint64_t>::max()) + ", got " +
         (IsScalar() ? fixer::QuotedValue(Text()) : std::string(KindName())));
  };
  if (!IsScalar()) fail();
  auto v = ParseUnsigned(Text());
  if (!v) fail();
  return *v;
}

uint32_t Field::U32(uint32_t max) const { return U32(0, max); }

uint32_t Field::U32(uint32_t min, uint32_t max) const {
  const auto fail = [this, min, max] {
    Fail("expected an integer from " + std::to_string(min) + " to " + std::to_string(max) + ", got " +
         (IsScalar() ? fixer::QuotedValue(Text()) : std::string(KindName())));
  };
  if (!IsScalar()) fail();
  auto v = ParseUnsigned(Text());
  if (!v || *v < min || *v > max) fail();
  return static_cast<uint32_t>(*v);
}

int64_t Field::I64() const {
  const auto fail = [this] {
    Fail("expected an integer from " + std::to_string(std::numeric_limits<int64_t>::min()) + " to " +
         std::to_string(std::numeric_limits<int64_t>::max()) + ", got " +
         (IsScalar() ? fixer::QuotedValue(Text()) : std::string(KindName())));
  };
  if (!IsScalar()) fail();
  std::string_view s = Text();
  const bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  auto v = ParseUnsigned(s);
  constexpr auto kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (!v || *v > kMax + (negative ? 1 : 0)) fail();
  // Two's complement negation of the magnitude; exact for -2^63 too.
  return negative ? static_cast<int64_t>(0 - *v) : static_cast<int64_t>(*v);
}

std::vector<Field> Field::Items() const {
  if (!IsSequence()) Fail("expected a list, got " + std::string(KindName()));
  std::vector<Field> out;
  const auto items = tree_->children(node_);
  out.reserve(items.size());
  // An entry counts from 1 in the path a message shows (`journal[1]`), as lines, columns and
  // `journal record 1` do: one convention for every number a reader is shown.
  for (size_t i = 0; i < items.size(); ++i) {
    out.emplace_back(*tree_, items[i], path_ + "[" + std::to_string(i + 1) + "]", file_, mark());
  }
  return out;
}

std::vector<std::string> Field::StrList() const {
  std::vector<std::string> out;
  for (const Field& item : Items()) out.push_back(item.Str());
  return out;
}

Field Field::Child(NodeId value, std::string_view key, const Mark& key_mark) const {
  // A key is shown capped in the path a message names: a map's keys are the file's (names).
  const std::string shown = fixer::CappedValue(key);
  std::string path = path_.empty() ? shown : path_ + "." + shown;
  return Field(*tree_, value, std::move(path), file_, key_mark);
}

std::vector<Entry> MapEntries(const Field& map) {
  std::vector<Entry> out;
  if (map.IsNull()) return out;  // `key:` with nothing under it: an empty map
  if (!map.IsMap()) map.Fail("expected a map, got " + std::string(map.KindName()));
  const Tree& tree = map.tree();
  const auto children = tree.children(map.id());
  out.reserve(children.size() / 2);
  std::unordered_map<std::string_view, size_t> seen;  // key -> index in `out`; linear for big maps
  seen.reserve(children.size() / 2);
  for (size_t i = 0; i + 1 < children.size(); i += 2) {
    Field key_field(tree, children[i], map.path(), &map.file(), map.mark());
    if (!key_field.IsScalar()) key_field.Fail("a key must be a plain string");
    const std::string_view key = tree.text(children[i]);
    if (auto problem = TextProblem(key)) key_field.Fail(*problem);
    const auto [first, inserted] = seen.emplace(key, out.size());
    if (!inserted) {
      key_field.Fail("duplicate key " + fixer::QuotedValue(key) + " (first at line " +
                     std::to_string(out[first->second].key_field.mark().line) + ")");
    }
    Field value = map.Child(children[i + 1], key, tree.node(children[i]).mark);
    out.push_back(Entry{std::string(key), std::move(key_field), std::move(value)});
  }
  return out;
}

std::string JoinNames(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

MapFields::MapFields(const Field& map, std::initializer_list<std::string_view> allowed)
    : map_(map), entries_(MapEntries(map)) {
  for (const Entry& e : entries_) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == e.key;
    if (!known) {
      const std::vector<std::string_view> keys(allowed);
      const std::string message =
          "unknown key " + fixer::QuotedValue(e.key) + SpeltHint(e.key, keys) + "; expected one of: " + JoinNames(keys);
      // What an unknown key holds is quoted only when it is a known key's, spelt another way.
      if (KnownSpelling(e.key, keys)) e.key_field.Fail(message);
      e.key_field.FailHidingValue(message);
    }
  }
}

std::optional<Field> MapFields::Get(std::string_view key) const {
  for (const Entry& e : entries_) {
    if (e.key == key) return e.value;
  }
  return std::nullopt;
}

std::optional<Field> MapFields::KeyOf(std::string_view key) const {
  for (const Entry& e : entries_) {
    if (e.key == key) return e.key_field;
  }
  return std::nullopt;
}

Field MapFields::Require(std::string_view key) const {
  if (auto f = Get(key)) return *f;
  map_.Fail("missing key '" + std::string(key) + "'");
}

}  // namespace fakes::yaml
