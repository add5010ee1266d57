// fakes' YAML parser: a recursive descent over the text, one pass, no tokens. Block structure
// follows the column of a collection's first entry; every function below returns with the
// cursor at the start of a line (or the end of the text) unless it says otherwise.
#include "fakes/yaml_parse.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "fakes/load_result.h"
#include "fixer/quoted_value.h"
#include "fixer/utf8.h"
#include "yaml_scalar.h"

namespace fakes::yaml {
namespace {

constexpr int kMaxDepth = 200;  // nesting deeper than this is no machine file; keeps the stack small
constexpr int kEnd = -1;        // what At() answers past the end of the text

struct Failure {
  ParseError error;
};

bool IsBlank(int c) { return c == ' ' || c == '\t'; }
bool IsBreakOrEnd(int c) { return c == '\n' || c == kEnd; }
bool IsBlankOrEnd(int c) { return IsBlank(c) || IsBreakOrEnd(c); }
bool IsFlowIndicator(int c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

std::string Quote(int c) {
  if (c == kEnd) return "the end of the file";
  if (c == '\n') return "the end of the line";
  if (c < 0x20 || c == 0x7f) return "control character " + std::to_string(c);
  return "'" + std::string(1, static_cast<char>(c)) + "'";
}

class Parser {
 public:
  Parser(std::string_view text, std::string_view kind, Tree& tree) : s_(text), kind_(kind), tree_(tree) {}

  NodeId Document();

 private:
  struct Cursor {
    size_t pos = 0;
    int line = 1;
    size_t line_start = 0;
  };

  int At(size_t p) const { return p < s_.size() ? static_cast<unsigned char>(s_[p]) : kEnd; }
  int Peek(size_t k = 0) const { return At(c_.pos + k); }
  Mark MarkAt(const Cursor& c) const { return {c.line, CharacterColumn(c.line_start, c.pos)}; }
  // The 1-based column of the byte at `pos` in characters (fixer::CharacterCount), counted on
  // from the last one asked for on the same line: the parser moves forward, so a long line costs
  // one pass, not one per node.
  int CharacterColumn(size_t line_start, size_t pos) const {
    if (line_start != counted_line_ || pos < counted_to_) {
      counted_line_ = line_start;
      counted_to_ = line_start;
      counted_ = 0;
    }
    for (; counted_to_ < pos; ++counted_)
      counted_to_ += std::max<size_t>(1, fixer::Utf8SequenceLength(s_, counted_to_));
    return static_cast<int>(counted_) + 1;
  }
  Mark Here() const { return MarkAt(c_); }
  int Column() const { return static_cast<int>(c_.pos - c_.line_start); }  // 0-based

  [[noreturn]] void Fail(Mark mark, std::string message) const { throw Failure{{mark, std::move(message)}}; }
  [[noreturn]] void FailHere(std::string message) const { Fail(Here(), std::move(message)); }

  void Advance() {
    if (c_.pos >= s_.size()) return;
    if (s_[c_.pos] == '\n') {
      ++c_.line;
      c_.line_start = c_.pos + 1;
    }
    ++c_.pos;
  }
  void SkipBlanks() {
    while (IsBlank(Peek())) Advance();
  }
  // Past the end of the current line (its '\n' included).
  void SkipLine() {
    const void* nl = std::memchr(s_.data() + c_.pos, '\n', s_.size() - c_.pos);
    if (!nl) {
      c_.pos = s_.size();
      return;
    }
    c_.pos = static_cast<size_t>(static_cast<const char*>(nl) - s_.data());
    Advance();
  }

  // ---- lines -----------------------------------------------------------------------------
  bool IsDocumentMarker(size_t line_start) const {
    if (line_start + 3 > s_.size()) return false;
    std::string_view three = s_.substr(line_start, 3);
    return (three == "---" || three == "...") && IsBlankOrEnd(At(line_start + 3));
  }
  // A comment is text as a value is (YAML 1.2 prints no control character, U+FFFE or U+FFFF
  // anywhere in the stream): the one at `hash`, on the cursor's line, to the line's end.
  void CheckComment(size_t hash) const {
    const size_t end = std::min(s_.find('\n', hash), s_.size());
    if (auto problem = TextProblem(s_.substr(hash, end - hash)))
      Fail({c_.line, CharacterColumn(c_.line_start, hash)}, "comment: " + *problem);
  }
  // Skips lines holding only blanks or a comment; the cursor is left at the start of a line.
  void SkipEmptyLines() {
    for (;;) {
      size_t p = c_.line_start;
      while (IsBlank(At(p))) ++p;
      if (At(p) == '#' || At(p) == '\n') {
        if (At(p) == '#') CheckComment(p);
        SkipLine();
        if (c_.pos >= s_.size()) return;  // a last line without '\n': line_start stays behind
      } else if (At(p) == kEnd) {
        c_.pos = s_.size();
        return;
      } else {
        return;
      }
    }
  }
  // At the start of a line with content: the number of spaces before it. A tab there fails.
  int Indent() const {
    size_t p = c_.line_start;
    while (At(p) == ' ') ++p;
    if (At(p) == '\t') {
      Fail({c_.line, static_cast<int>(p - c_.line_start) + 1},
           "a tab in the indentation; YAML indents with spaces only");
    }
    return static_cast<int>(p - c_.line_start);
  }
  void GoToColumn(int column) { c_.pos = c_.line_start + static_cast<size_t>(column); }
  bool AtEndOfBlock() const { return c_.pos >= s_.size() || IsDocumentMarker(c_.line_start); }
  // After a value on its line: blanks, a comment, the line end. Anything else fails.
  void FinishLine() {
    SkipBlanks();
    if (Peek() == '#' && IsBlank(At(c_.pos - 1))) {
      CheckComment(c_.pos);
      SkipLine();
      return;
    }
    if (Peek() == '\n') {
      Advance();
      return;
    }
    if (Peek() == kEnd) return;
    FailHere("unexpected " + Quote(Peek()) + " after a value (quote the value, or start a new line)");
  }
  bool AtCommentOrLineEnd() const {
    return IsBreakOrEnd(Peek()) || (Peek() == '#' && (c_.pos == 0 || IsBlankOrEnd(At(c_.pos - 1))));
  }
  bool AtSequenceEntry() const { return Peek() == '-' && IsBlankOrEnd(Peek(1)); }
  // ':' that ends a key: followed by a blank or the line end (in flow, also by an indicator).
  bool AtValueIndicator(bool flow) const {
    return Peek() == ':' && (IsBlankOrEnd(Peek(1)) || (flow && IsFlowIndicator(Peek(1))));
  }

  // ---- nesting and children --------------------------------------------------------------
  void Enter(Mark mark) {
    if (++depth_ > kMaxDepth) Fail(mark, "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
  }
  void Leave() { --depth_; }
  NodeId EndContainer(NodeKind kind, Mark mark, size_t base) {
    const NodeId id = tree_.AddContainer(kind, mark, std::span(stack_).subspan(base));
    stack_.resize(base);
    Leave();
    return id;
  }
  NodeId Scalar(std::string_view view, const std::string* owned, Mark mark) {
    return tree_.AddScalar(owned ? std::string_view(*owned) : view, mark);
  }

  // ---- block structure -------------------------------------------------------------------
  NodeId Value(int parent_indent, bool under_key, Mark empty_mark);
  NodeId NodeAt(int parent_indent, bool inline_after_key);
  NodeId BlockMap(int indent, NodeId first_key, Mark mark);
  NodeId BlockSequence(int indent);
  NodeId Key();
  void RejectUnsupported() const;

  // ---- scalars ---------------------------------------------------------------------------
  struct Plain {
    NodeId node;
    bool ends_at_colon;  // stopped at ': ': it is a key
  };
  Plain PlainScalar(int parent_indent, bool flow);
  std::string_view PlainLine(bool flow);
  NodeId Quoted();
  void Escape(std::string& out);
  uint32_t HexDigits(int count, Mark escape_mark);
  NodeId BlockScalar(int parent_indent);

  // ---- flow ------------------------------------------------------------------------------
  NodeId FlowCollection();
  NodeId FlowNode();
  void SkipFlowSpace(Mark opened, char close);

  std::string_view s_;
  std::string kind_;  // what the text is, as its errors name it: "machine file", "scenario file"
  Tree& tree_;
  Cursor c_;
  std::vector<NodeId> stack_;  // children of the containers being read
  int depth_ = 0;
  // CharacterColumn's count so far: `counted_` characters from `counted_line_` to `counted_to_`.
  mutable size_t counted_line_ = 0;
  mutable size_t counted_to_ = 0;
  mutable size_t counted_ = 0;
};

NodeId Parser::Document() {
  SkipEmptyLines();
  if (Peek() == '%') FailHere("directives ('%') are not supported in a " + kind_);
  NodeId root = 0;
  if (c_.pos < s_.size() && IsDocumentMarker(c_.line_start) && s_.substr(c_.pos, 3) == "---") {
    c_.pos += 3;
    root = Value(-1, false, Here());
  } else if (c_.pos < s_.size() && IsDocumentMarker(c_.line_start)) {
    root = tree_.AddNull(Here());  // `...` alone: an empty document
  } else {
    if (c_.pos < s_.size()) GoToColumn(Indent());
    root = Value(-1, false, Here());
  }
  SkipEmptyLines();
  if (c_.pos < s_.size() && s_.substr(c_.pos, 3) == "..." && IsDocumentMarker(c_.line_start)) {
    c_.pos += 3;
    FinishLine();
    SkipEmptyLines();
  }
  if (c_.pos < s_.size()) {
    if (IsDocumentMarker(c_.line_start)) FailHere("a second document ('---'); a " + kind_ + " holds one document");
    GoToColumn(Indent());
    FailHere("unexpected " + Quote(Peek()) + " here; check the indentation");
  }
  return root;
}

// The value after `key:` (`under_key`), `- ` or `---`: on the rest of this line, or on the lines
// below that are indented more than `parent_indent` (under a key, a list may also sit at it).
NodeId Parser::Value(int parent_indent, bool under_key, Mark empty_mark) {
  SkipBlanks();
  if (!AtCommentOrLineEnd()) return NodeAt(parent_indent, /*inline_after_key=*/under_key);
  if (Peek() == '#') CheckComment(c_.pos);
  SkipLine();
  SkipEmptyLines();
  if (AtEndOfBlock()) return tree_.AddNull(empty_mark);
  const int indent = Indent();
  if (indent > parent_indent) {
    GoToColumn(indent);
    return NodeAt(parent_indent, false);
  }
  if (under_key && indent == parent_indent) {
    GoToColumn(indent);
    if (AtSequenceEntry()) return BlockSequence(indent);
  }
  c_.pos = c_.line_start;
  return tree_.AddNull(empty_mark);
}

void Parser::RejectUnsupported() const {
  switch (Peek()) {
    case '&': FailHere("anchors ('&') are not supported in a " + kind_ + "; write the value out");
    case '*': FailHere("aliases ('*') are not supported in a " + kind_ + "; write the value out");
    case '!': FailHere("tags ('!') are not supported in a " + kind_);
    case '@':
    case '`': FailHere(Quote(Peek()) + " cannot start a plain value; quote the value");
    case '%': FailHere("'%' cannot start a plain value here; quote the value");
    default: break;
  }
  if (Peek() == '?' && IsBlankOrEnd(Peek(1))) FailHere("complex keys ('? ') are not supported in a " + kind_);
}

// A node starting at the cursor. `inline_after_key`: it follows `key: ` on the same line, where
// neither a block map nor a list may start.
NodeId Parser::NodeAt(int parent_indent, bool inline_after_key) {
  RejectUnsupported();
  const int column = Column();
  const Mark mark = Here();
  const int c = Peek();
  if (AtSequenceEntry()) {
    if (inline_after_key) FailHere("a list cannot start on the line of its key; put '- ' on the next line");
    return BlockSequence(column);
  }
  if (c == '|' || c == '>') return BlockScalar(parent_indent);
  if (c == '[' || c == '{') {
    const NodeId node = FlowCollection();
    SkipBlanks();
    if (AtValueIndicator(false)) Fail(mark, "a key must be a plain string, not a list or map");
    FinishLine();
    return node;
  }
  if (c == ']' || c == '}' || c == ',') FailHere("unexpected " + Quote(c));
  if (c == ':' && IsBlankOrEnd(Peek(1))) FailHere("a key is missing before ':'");
  NodeId node = 0;
  if (c == '"' || c == '\'') {
    node = Quoted();
    SkipBlanks();
    if (!AtValueIndicator(false)) {
      FinishLine();
      return node;
    }
  } else {
    const Plain plain = PlainScalar(parent_indent, false);
    if (!plain.ends_at_colon) return plain.node;
    node = plain.node;
  }
  // `node` is the first key of a block map.
  if (inline_after_key) {
    FailHere("a second ': ' on one line; quote a value that holds ': ', or start the map on the next line");
  }
  return BlockMap(column, node, mark);
}

NodeId Parser::Key() {
  RejectUnsupported();
  const Mark mark = Here();
  const int c = Peek();
  if (AtSequenceEntry()) FailHere("a list item where a key was expected; check the indentation");
  if (c == '[' || c == '{') FailHere("a key must be a plain string, not a list or map");
  if (c == ':' && IsBlankOrEnd(Peek(1))) FailHere("a key is missing before ':'");
  if (c == '|' || c == '>' || c == ']' || c == '}' || c == ',') {
    FailHere("unexpected " + Quote(c) + " where a key was expected");
  }
  NodeId key = 0;
  if (c == '"' || c == '\'') {
    key = Quoted();
    if (c_.line != mark.line) Fail(mark, "a key must fit on one line");
    SkipBlanks();
  } else {
    const std::string_view text = PlainLine(false);
    key = tree_.AddScalar(text, mark);
  }
  if (!AtValueIndicator(false)) {
    Fail(mark, "expected 'key: value' here, found no ': ' after " + fixer::QuotedValue(tree_.text(key)));
  }
  return key;
}

// The cursor is at the ':' after the first key.
NodeId Parser::BlockMap(int indent, NodeId first_key, Mark mark) {
  Enter(mark);
  const size_t base = stack_.size();
  NodeId key = first_key;
  for (;;) {
    const Mark key_mark = tree_.node(key).mark;
    Advance();  // ':'
    stack_.push_back(key);
    stack_.push_back(Value(indent, true, key_mark));
    SkipEmptyLines();
    if (AtEndOfBlock()) break;
    const int next = Indent();
    if (next < indent) break;
    GoToColumn(next);
    if (next > indent) {
      FailHere("this line is indented more than the keys above it (column " + std::to_string(indent + 1) +
               "); check the indentation");
    }
    key = Key();
  }
  return EndContainer(NodeKind::kMap, mark, base);
}

// The cursor is at the first '-'.
NodeId Parser::BlockSequence(int indent) {
  const Mark mark = Here();
  Enter(mark);
  const size_t base = stack_.size();
  for (;;) {
    const Mark dash = Here();
    Advance();  // '-'
    stack_.push_back(Value(indent, false, dash));
    SkipEmptyLines();
    if (AtEndOfBlock()) break;
    const int next = Indent();
    if (next < indent) break;
    GoToColumn(next);
    if (next > indent) {
      FailHere("this line is indented more than the '- ' above it (column " + std::to_string(indent + 1) +
               "); check the indentation");
    }
    if (!AtSequenceEntry()) {
      c_.pos = c_.line_start;  // a key of the map this list is the value of
      break;
    }
  }
  return EndContainer(NodeKind::kSequence, mark, base);
}

// ---- scalars -----------------------------------------------------------------------------

// One line's worth of a plain scalar, trailing blanks trimmed; the cursor stops at what ended it.
std::string_view Parser::PlainLine(bool flow) {
  const size_t start = c_.pos;
  size_t end = start;
  for (;;) {
    const int c = Peek();
    if (IsBreakOrEnd(c) || AtValueIndicator(flow)) break;
    if (c == '#' && c_.pos > start && IsBlank(At(c_.pos - 1))) break;
    if (flow && IsFlowIndicator(c)) break;
    Advance();
    if (!IsBlank(c)) end = c_.pos;
  }
  return s_.substr(start, end - start);
}

Parser::Plain Parser::PlainScalar(int parent_indent, bool flow) {
  const Mark mark = Here();
  std::string_view first = PlainLine(flow);
  if (AtValueIndicator(flow)) return {tree_.AddScalar(first, mark), true};
  std::string folded;
  bool multi_line = false;
  for (;;) {
    const Cursor line_end = c_;  // where this scalar ends unless a line below continues it
    if (Peek() != '\n') break;   // a comment, the end of the text, or (flow) an indicator
    size_t breaks = 0;
    while (Peek() == '\n') {
      Advance();
      ++breaks;
      SkipBlanks();
    }
    bool continues = Peek() != kEnd && Peek() != '#' && !IsDocumentMarker(c_.line_start);
    if (continues && flow) continues = !IsFlowIndicator(Peek()) && !AtValueIndicator(true);
    if (continues && !flow) {
      size_t p = c_.line_start;
      while (At(p) == ' ') ++p;
      continues = static_cast<int>(p - c_.line_start) > parent_indent;
    }
    if (!continues) {
      c_ = line_end;
      break;
    }
    if (!multi_line) folded.assign(first);
    multi_line = true;
    if (breaks == 1) {
      folded += ' ';  // folding: a single line break is a space, each further one a newline
    } else {
      folded.append(breaks - 1, '\n');
    }
    folded += PlainLine(flow);
    // In a block a key there is misplaced; in [ ] or { } the ':' simply follows this scalar.
    if (!flow && AtValueIndicator(false)) {
      FailHere("a key inside a multi-line value; check the indentation, or quote the value");
    }
  }
  if (!flow) FinishLine();
  if (!multi_line && IsNullPlain(first)) return {tree_.AddNull(mark), false};
  return {multi_line ? tree_.AddScalar(folded, mark) : tree_.AddScalar(first, mark), false};
}

uint32_t Parser::HexDigits(int count, Mark escape_mark) {
  uint32_t v = 0;
  for (int i = 0; i < count; ++i) {
    const int c = Peek();
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) Fail(escape_mark, "escape needs " + std::to_string(count) + " hex digits");
    v = v * 16 + static_cast<uint32_t>(digit);
    Advance();
  }
  return v;
}

// The cursor is past a '\' in a double-quoted scalar.
void Parser::Escape(std::string& out) {
  const Mark mark{c_.line, CharacterColumn(c_.line_start, c_.pos - 1)};  // at the backslash
  const int c = Peek();
  Advance();
  switch (c) {
    case '0': out += '\0'; return;
    case 'a': out += '\a'; return;
    case 'b': out += '\b'; return;
    case 't':
    case '\t': out += '\t'; return;
    case 'n': out += '\n'; return;
    case 'v': out += '\v'; return;
    case 'f': out += '\f'; return;
    case 'r': out += '\r'; return;
    case 'e': out += '\x1b'; return;
    case ' ': out += ' '; return;
    case '"': out += '"'; return;
    case '/': out += '/'; return;
    case '\\': out += '\\'; return;
    case 'N': fixer::AppendUtf8(out, 0x85); return;
    case '_': fixer::AppendUtf8(out, 0xa0); return;
    case 'L': fixer::AppendUtf8(out, 0x2028); return;
    case 'P': fixer::AppendUtf8(out, 0x2029); return;
    default: break;
  }
  uint32_t cp = 0;
  if (c == 'x') {
    cp = HexDigits(2, mark);
  } else if (c == 'u') {
    cp = HexDigits(4, mark);
    // JSON writes a character above U+FFFF as a surrogate pair of two \u escapes.
    if (cp >= 0xd800 && cp < 0xdc00 && Peek() == '\\' && Peek(1) == 'u') {
      Advance();
      Advance();
      const uint32_t low = HexDigits(4, mark);
      if (low < 0xdc00 || low > 0xdfff) Fail(mark, "a \\u high surrogate not followed by a low one");
      cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
    }
  } else if (c == 'U') {
    cp = HexDigits(8, mark);
  } else {
    Fail(mark, "unknown escape '\\" + (c == kEnd || c == '\n' ? std::string() : std::string(1, static_cast<char>(c))) +
                   "' in a double-quoted string (write '\\\\' for a backslash, or use single quotes)");
  }
  if ((cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff) Fail(mark, "escape names no Unicode character");
  fixer::AppendUtf8(out, cp);
}

NodeId Parser::Quoted() {
  const Mark mark = Here();
  const char quote = static_cast<char>(Peek());
  Advance();
  const size_t start = c_.pos;
  std::string out;
  bool owned = false;
  const auto own = [&] {
    if (!owned) out.assign(s_.substr(start, c_.pos - start));
    owned = true;
  };
  for (;;) {
    const int c = Peek();
    if (c == kEnd) {
      Fail(mark, std::string("unterminated ") + (quote == '"' ? "double" : "single") + "-quoted string");
    }
    if (c == quote) {
      if (quote == '\'' && Peek(1) == '\'') {
        own();
        out += '\'';
        Advance();
        Advance();
        continue;
      }
      break;
    }
    if (quote == '"' && c == '\\') {
      own();
      Advance();
      if (Peek() == '\n') {  // an escaped line break joins the lines without a space
        Advance();
        SkipBlanks();
        continue;
      }
      Escape(out);
      continue;
    }
    if (c == '\n') {
      own();
      while (!out.empty() && IsBlank(static_cast<unsigned char>(out.back()))) out.pop_back();
      size_t breaks = 0;
      while (Peek() == '\n') {
        Advance();
        ++breaks;
        if (IsDocumentMarker(c_.line_start)) FailHere("a document marker inside a quoted string");
        SkipBlanks();
      }
      if (breaks == 1) {
        out += ' ';
      } else {
        out.append(breaks - 1, '\n');
      }
      continue;
    }
    if (owned) out += static_cast<char>(c);
    Advance();
  }
  const std::string_view view = s_.substr(start, c_.pos - start);
  Advance();  // the closing quote
  return Scalar(view, owned ? &out : nullptr, mark);
}

// `|` or `>` with its header; the lines below indented more than `parent_indent` are its text.
NodeId Parser::BlockScalar(int parent_indent) {
  const Mark mark = Here();
  const bool literal = Peek() == '|';
  Advance();
  Chomping chomping = Chomping::kClip;
  int explicit_indent = 0;
  for (int i = 0; i < 2; ++i) {
    const int c = Peek();
    if ((c == '+' || c == '-') && chomping == Chomping::kClip) {
      chomping = c == '+' ? Chomping::kKeep : Chomping::kStrip;
      Advance();
    } else if (c >= '1' && c <= '9' && explicit_indent == 0) {
      explicit_indent = c - '0';
      Advance();
    }
  }
  if (!IsBlankOrEnd(Peek())) {
    FailHere("unexpected " + Quote(Peek()) + " after '" + (literal ? "|" : ">") +
             "'; a block scalar's header holds only an indentation digit and '+' or '-'");
  }
  FinishLine();
  const int base = parent_indent < 0 ? 0 : parent_indent;
  int indent = explicit_indent > 0 ? base + explicit_indent : -1;  // -1: set by the first text line
  int leading_blank_width = 0;
  std::vector<BlockLine> lines;
  while (c_.pos < s_.size() && !IsDocumentMarker(c_.line_start)) {
    size_t p = c_.line_start;
    while (At(p) == ' ') ++p;
    const int spaces = static_cast<int>(p - c_.line_start);
    size_t q = p;
    while (IsBlank(At(q))) ++q;
    if (IsBreakOrEnd(At(q)) && (indent < 0 || spaces <= indent)) {  // an empty line
      if (indent < 0) leading_blank_width = std::max(leading_blank_width, spaces);
      lines.push_back({{}, true});
      SkipLine();
      continue;
    }
    if (indent < 0) {
      if (spaces <= parent_indent) break;  // no text at all
      if (leading_blank_width > spaces) {
        Fail({c_.line, 1}, "a blank line above a block scalar's text has more spaces than the text");
      }
      indent = spaces;
    }
    if (spaces < indent) break;  // less indented text: the block scalar has ended
    const size_t start = c_.line_start + static_cast<size_t>(indent);
    SkipLine();
    size_t end = c_.pos;
    if (end > start && s_[end - 1] == '\n') --end;
    lines.push_back({s_.substr(start, end - start), false});
  }
  return tree_.AddScalar(BlockScalarValue(lines, literal, chomping), mark);
}

// ---- flow --------------------------------------------------------------------------------

// Blanks, line breaks and comments inside [ ] or { }.
void Parser::SkipFlowSpace(Mark opened, char close) {
  for (;;) {
    const int c = Peek();
    if (IsBlank(c) || c == '\n') {
      Advance();
      if (c == '\n' && IsDocumentMarker(c_.line_start)) {
        Fail(opened, std::string("unterminated '") + (close == ']' ? "[" : "{") + "': no '" + close + "' before the '" +
                         std::string(s_.substr(c_.pos, 3)) + "' at line " + std::to_string(c_.line));
      }
    } else if (c == '#' && (c_.pos == 0 || IsBlankOrEnd(At(c_.pos - 1)))) {
      CheckComment(c_.pos);
      while (!IsBreakOrEnd(Peek())) Advance();
    } else if (c == kEnd) {
      Fail(opened, std::string("unterminated '") + (close == ']' ? "[" : "{") + "': no '" + close +
                       "' before the end of the file");
    } else {
      return;
    }
  }
}

NodeId Parser::FlowNode() {
  RejectUnsupported();
  const int c = Peek();
  if (c == '[' || c == '{') return FlowCollection();
  if (c == '"' || c == '\'') return Quoted();
  if (c == '|' || c == '>') FailHere("a block scalar (" + Quote(c) + ") inside [ ] or { }");
  if (c == '-' && IsBlankOrEnd(Peek(1))) FailHere("a block list item ('- ') inside [ ] or { }");
  if (c == ',') FailHere("a value is missing before ','");
  if (c == ']' || c == '}') FailHere("unexpected " + Quote(c));
  if (c == ':' && (IsBlankOrEnd(Peek(1)) || IsFlowIndicator(Peek(1)))) FailHere("a key is missing before ':'");
  return PlainScalar(-1, true).node;
}

// The cursor is at '[' or '{'; it is left after the closing bracket.
NodeId Parser::FlowCollection() {
  const Mark mark = Here();
  const bool is_map = Peek() == '{';
  const char close = is_map ? '}' : ']';
  Enter(mark);
  Advance();
  const size_t base = stack_.size();
  for (;;) {
    SkipFlowSpace(mark, close);
    if (Peek() == close) break;
    const Mark item_mark = Here();
    if (Peek() == '?' && IsBlankOrEnd(Peek(1))) FailHere("complex keys ('? ') are not supported in a " + kind_);
    const NodeId first = FlowNode();
    SkipFlowSpace(mark, close);
    const bool has_value = Peek() == ':';
    if (has_value || is_map) {
      const NodeKind kind = tree_.node(first).kind;
      if (kind == NodeKind::kMap || kind == NodeKind::kSequence) {
        Fail(item_mark, "a key must be a plain string, not a list or map");
      }
    }
    NodeId value = 0;
    if (has_value) {
      Advance();
      SkipFlowSpace(mark, close);
      value = (Peek() == ',' || Peek() == close) ? tree_.AddNull(tree_.node(first).mark) : FlowNode();
      SkipFlowSpace(mark, close);
    } else if (is_map) {
      value = tree_.AddNull(tree_.node(first).mark);  // `{a, b}`: keys without values
    }
    if (is_map) {
      stack_.push_back(first);
      stack_.push_back(value);
    } else if (has_value) {
      const NodeId pair[] = {first, value};  // `[a: 1]`: a list item that is a one-key map
      stack_.push_back(tree_.AddContainer(NodeKind::kMap, item_mark, pair));
    } else {
      stack_.push_back(first);
    }
    if (Peek() == ',') {
      Advance();
      continue;
    }
    if (Peek() == close) break;
    FailHere("expected ',' or '" + std::string(1, close) + "', found " + Quote(Peek()));
  }
  Advance();  // the closing bracket
  return EndContainer(is_map ? NodeKind::kMap : NodeKind::kSequence, mark, base);
}

// The first control character YAML's stream may not hold (C0 but tab and line feed, DEL: YAML
// 1.2's printable set, its section 5.1) on the lines up to `last_line`, as an error at its place
// with its code point: where a parse stops at one (a NUL of a UTF-16 file read as bytes, an
// executable's DEL), that, not the structure around it, is what went wrong.
std::optional<ParseError> ControlCharacterUpTo(std::string_view text, int last_line) {
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < text.size() && line <= last_line; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      line_start = i + 1;
    } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
      const int column = static_cast<int>(fixer::CharacterCount(text.substr(line_start, i - line_start))) + 1;
      return ParseError{{line, column}, TextProblem(text.substr(i, 1)).value_or("control character")};
    }
  }
  return std::nullopt;
}

}  // namespace

ParseResult ParseYaml(std::string_view text, std::string_view kind) {
  ParseResult result;
  if (text.find('\r') != std::string_view::npos) {
    // Line ends as \r\n or \r become \n once, here; the tree keeps the copy its views point into.
    std::string unix_text;
    unix_text.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] != '\r') {
        unix_text += text[i];
      } else if (i + 1 >= text.size() || text[i + 1] != '\n') {
        unix_text += '\n';
      }
    }
    text = result.tree.AdoptSource(std::move(unix_text));
  }
  if (text.size() > UINT32_MAX) {
    result.error = ParseError{{1, 1}, "the text is 4 GB or more; no " + std::string(kind) + " is that large"};
    return result;
  }
  result.tree.set_source(text);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
  try {
    Parser parser(text, kind, result.tree);
    result.tree.set_root(parser.Document());
    // A document that is one scalar holding a control character is no text file (an executable):
    // said at that character, as a parse that stops at one is.
    if (result.tree.size() > 0 && result.tree.node(result.tree.root()).kind == NodeKind::kScalar)
      if (auto control = ControlCharacterUpTo(text, std::numeric_limits<int>::max())) result.error = control;
  } catch (const Failure& f) {
    // A failure that already names a character of the text (a comment's control) stands.
    const bool names_a_character = f.error.message.ends_with(" in text");
    result.error = names_a_character ? f.error : ControlCharacterUpTo(text, f.error.mark.line).value_or(f.error);
  }
  return result;
}

}  // namespace fakes::yaml
