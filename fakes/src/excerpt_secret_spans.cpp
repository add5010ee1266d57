// SecretSpansOf (excerpt_secret_spans.h): the document parsed, its tree walked for the secrets, each
// found back in the text from its node's mark.
#include "excerpt_secret_spans.h"

#include <sstream>
#include <utility>

#include "fakes/commands.h"
#include "fakes/yaml_parse.h"
#include "fixer/utf8.h"

namespace fakes {
namespace {

using yaml::NodeId;
using yaml::NodeKind;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsBreak(char c) { return c == '\n' || c == '\r'; }

class SecretFinder {
 public:
  SecretFinder(std::string_view text, const yaml::Tree& tree, std::vector<std::string>& values, yaml::Mark hidden_key)
      : text_(text), tree_(tree), values_given_(values), values_(&values), hidden_key_(hidden_key) {
    // Lines end at LF, CR LF or a lone CR, as the parser counts them.
    line_starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i) {
      if (text_[i] == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      if (IsBreak(text_[i])) line_starts_.push_back(i + 1);
    }
  }

  std::vector<TextSpan> Find() {
    Walk(tree_.root(), false);
    return std::move(spans_);
  }

 private:
  void Walk(NodeId id, bool flow) {
    const yaml::Node& node = tree_.node(id);
    if (node.kind != NodeKind::kMap && node.kind != NodeKind::kSequence) return;
    flow = flow || OpensFlow(node);
    const auto children = tree_.children(id);
    if (node.kind == NodeKind::kSequence) {
      for (const NodeId child : children) Walk(child, flow);
      return;
    }
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      const NodeId key = children[i], value = children[i + 1];
      const std::string_view name = tree_.node(key).kind == NodeKind::kScalar ? tree_.text(key) : std::string_view();
      const yaml::Mark& at = tree_.node(key).mark;
      if (hidden_key_.line > 0 && at.line == hidden_key_.line && at.column == hidden_key_.column) {
        // An unknown key's value, whatever it is: masked, but no secret a message must lose (the
        // error quotes no value of it, and its text may be a word of the message).
        std::vector<std::string> unquoted;
        std::vector<std::string>* values = std::exchange(values_, &unquoted);
        Secret(value, flow, /*policy=*/false);
        values_ = values;
      } else if (IsSecretKey(name)) {
        Secret(value, flow, /*policy=*/true);
      } else if (IsDataMapKey(name) && tree_.node(value).kind == NodeKind::kMap) {
        const bool inner = flow || OpensFlow(tree_.node(value));
        const auto entries = tree_.children(value);
        for (size_t k = 1; k < entries.size(); k += 2) Secret(entries[k], inner, false);
      } else if (IsCommandKey(name) && tree_.node(value).kind == NodeKind::kScalar) {
        Command(value, flow);
      } else {
        Walk(value, flow);
      }
    }
  }

  // Every scalar of the value of a secret key; in its map, each entry's key and value but a policy
  // setting's (policy's `password: {min_length: 15}`), which is walked as any value is.
  void Secret(NodeId id, bool flow, bool policy) {
    const yaml::Node& node = tree_.node(id);
    if (node.kind == NodeKind::kScalar) {
      values_->emplace_back(tree_.text(id));
      if (node.mark.line > 0) {
        spans_.push_back(ScalarSpan(node, flow));
        spans_.back().unquoted = values_ != &values_given_;
      }
      return;
    }
    if (node.kind == NodeKind::kNull) return;
    flow = flow || OpensFlow(node);
    const auto children = tree_.children(id);
    if (node.kind == NodeKind::kSequence) {
      for (const NodeId child : children) Secret(child, flow, false);
      return;
    }
    for (size_t i = 0; i + 1 < children.size(); i += 2) {
      if (policy && IsPolicySetting(tree_.text(children[i]))) {
        Walk(children[i + 1], flow);
        continue;
      }
      Secret(children[i], flow, false);
      Secret(children[i + 1], flow, false);
    }
  }

  // The words of a command line the console hides (fakes::MaskedCommandLine), wherever they are
  // written in the scalar's text.
  void Command(NodeId id, bool flow) {
    const std::string line(tree_.text(id));
    const std::string shown = MaskedCommandLine(line);
    if (shown == line || tree_.node(id).mark.line == 0) return;
    const TextSpan whole = ScalarSpan(tree_.node(id), flow);
    const std::string_view written = text_.substr(whole.begin, whole.end - whole.begin);
    std::istringstream words(line);
    for (std::string word; words >> word;) {
      if (shown.find(word) != std::string::npos) continue;
      values_->push_back(word);
      for (size_t at = written.find(word); at != std::string_view::npos; at = written.find(word, at + word.size()))
        spans_.push_back({whole.begin + at, whole.begin + at + word.size()});
    }
  }

  bool OpensFlow(const yaml::Node& node) const {
    if (node.mark.line == 0) return false;
    const size_t at = Offset(node.mark);
    return at < text_.size() && (text_[at] == '{' || text_[at] == '[');
  }

  size_t Offset(const yaml::Mark& mark) const {
    const size_t line = static_cast<size_t>(mark.line - 1);
    if (line >= line_starts_.size()) return text_.size();
    const size_t start = line_starts_[line];
    return start + fixer::ByteOfCharacterColumn(text_.substr(start, LineEnd(start) - start), mark.column);
  }

  size_t LineEnd(size_t from) const {
    const size_t end = text_.find_first_of("\r\n", from);
    return end == std::string_view::npos ? text_.size() : end;
  }

  size_t IndentOfLineAt(size_t at) const {
    size_t start = at;
    while (start > 0 && !IsBreak(text_[start - 1])) --start;
    size_t i = start;
    while (i < text_.size() && text_[i] == ' ') ++i;
    return i - start;
  }

  // The start of the line after the one `at` is on (the text's end on the last one).
  size_t NextLine(size_t at) const {
    size_t end = LineEnd(at);
    if (end < text_.size() && text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n') ++end;
    return std::min(end + 1, text_.size());
  }

  // Where the scalar at `node` is written: a quoted one to its closing quote; a block scalar (`|`,
  // `>`) and a plain one in block context with the lines below indented more than its own line (a
  // plain one to a comment); a plain one inside [ ] or { } to the `,`, bracket or `: ` that ends it.
  TextSpan ScalarSpan(const yaml::Node& node, bool flow) const {
    const size_t begin = Offset(node.mark);
    if (begin >= text_.size()) return {begin, begin};
    const char c = text_[begin];
    if (c == '"' || c == '\'') {
      for (size_t i = begin + 1; i < text_.size(); ++i) {
        if (c == '"' && text_[i] == '\\') {
          ++i;
        } else if (text_[i] == c) {
          if (c == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
            ++i;
            continue;
          }
          return {begin, i + 1};
        }
      }
      return {begin, text_.size()};
    }
    if (flow) {
      size_t i = begin;
      for (; i < text_.size(); ++i) {
        const char d = text_[i];
        if (d == ',' || d == ']' || d == '}' || d == '[' || d == '{') break;
        if (d == ':' && (i + 1 == text_.size() || IsBlank(text_[i + 1]) || IsBreak(text_[i + 1]))) break;
        if (d == '#' && i > begin && (IsBlank(text_[i - 1]) || IsBreak(text_[i - 1]))) break;
      }
      while (i > begin && (IsBlank(text_[i - 1]) || IsBreak(text_[i - 1]))) --i;
      return {begin, i};
    }
    const bool block = c == '|' || c == '>';
    const size_t indent = IndentOfLineAt(begin);
    size_t end = PlainLineEnd(begin, block);
    // The lines below that continue it: blank ones, and those indented more than its own line.
    for (size_t next = NextLine(begin); next < text_.size(); next = NextLine(next)) {
      size_t i = next;
      while (i < text_.size() && text_[i] == ' ') ++i;
      if (i >= text_.size() || IsBreak(text_[i])) continue;
      if (i - next <= indent || (!block && text_[i] == '#')) break;
      end = PlainLineEnd(i, block);
    }
    return {begin, end};
  }

  // The end of the text of a scalar's line from `at`: the line's end, before a comment for a plain
  // scalar, trailing blanks left out.
  size_t PlainLineEnd(size_t at, bool block) const {
    size_t end = LineEnd(at);
    if (!block)
      for (size_t i = at + 1; i < end; ++i)
        if (text_[i] == '#' && IsBlank(text_[i - 1])) {
          end = i;
          break;
        }
    while (end > at && IsBlank(text_[end - 1])) --end;
    return end;
  }

  std::string_view text_;
  const yaml::Tree& tree_;
  std::vector<std::string>& values_given_;
  std::vector<std::string>* values_;  // values_given_, or a list no one reads (the hidden key's value)
  yaml::Mark hidden_key_;
  std::vector<size_t> line_starts_;
  std::vector<TextSpan> spans_;
};

}  // namespace

std::optional<std::vector<TextSpan>> SecretSpansOf(std::string_view text, std::vector<std::string>& values,
                                                   int hidden_key_line, int hidden_key_column) {
  const yaml::ParseResult parsed = yaml::ParseYaml(text);
  if (parsed.error) return std::nullopt;
  if (parsed.tree.size() == 0) return std::vector<TextSpan>{};
  return SecretFinder(text, parsed.tree, values, {hidden_key_line, hidden_key_column}).Find();
}

}  // namespace fakes
