// fakes' YAML parser (fakes/yaml_parse.h): each construct a machine file may use, and each
// malformed input with its exact line, column and message.
#include "fakes/yaml_parse.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "fakes/machine_yaml.h"

namespace {

using fakes::yaml::NodeId;
using fakes::yaml::NodeKind;
using fakes::yaml::Tree;
using ::testing::HasSubstr;

// A one-line picture of a tree: maps {k: v}, lists [a, b], scalars "text" (escaped), null ~.
std::string Dump(const Tree& t, NodeId id) {
  const auto& n = t.node(id);
  const auto kids = t.children(id);
  std::string out;
  switch (n.kind) {
    case NodeKind::kNull: return "~";
    case NodeKind::kScalar:
      out = "\"";
      for (char c : t.text(id)) {
        if (c == '\n') {
          out += "\\n";
        } else if (c == '"' || c == '\\') {
          out += '\\';
          out += c;
        } else {
          out += c;
        }
      }
      return out + "\"";
    case NodeKind::kMap:
      out = "{";
      for (size_t i = 0; i + 1 < kids.size(); i += 2) {
        out += (i ? ", " : "") + Dump(t, kids[i]) + ": " + Dump(t, kids[i + 1]);
      }
      return out + "}";
    case NodeKind::kSequence:
      out = "[";
      for (size_t i = 0; i < kids.size(); ++i) out += (i ? ", " : "") + Dump(t, kids[i]);
      return out + "]";
  }
  return "?";
}

std::string Parse(const std::string& text) {
  const auto r = fakes::yaml::ParseYaml(text);
  if (r.error) {
    return "error " + std::to_string(r.error->mark.line) + ":" + std::to_string(r.error->mark.column) + ": " +
           r.error->message;
  }
  return Dump(r.tree, r.tree.root());
}

// "m.yaml:L:C: message" as the machine loader reports a syntax error.
std::string LoadError(const std::string& text) {
  const auto loaded = fakes::LoadMachineText(text, "m.yaml");
  return loaded.ok() ? "loaded" : loaded.error->ToString();
}

TEST(YamlParse, BlockMapsAndLists) {
  EXPECT_EQ(Parse("a: 1\nb:\n  c: x y\n  d: ''\n"), R"({"a": "1", "b": {"c": "x y", "d": ""}})");
  EXPECT_EQ(Parse("a:\n  - 1\n  - 2\n"), R"({"a": ["1", "2"]})");
  // A list at the indent of its key, and a map as a list item.
  EXPECT_EQ(Parse("a:\n- 1\n- k: v\n  l: w\nb: 2\n"), R"({"a": ["1", {"k": "v", "l": "w"}], "b": "2"})");
  EXPECT_EQ(Parse("- - a\n  - b\n- c\n"), R"([["a", "b"], "c"])");
  EXPECT_EQ(Parse("-\n  x: 1\n-\n"), R"([{"x": "1"}, ~])");
  EXPECT_EQ(Parse("'a b': 1\n\"c\": 2\n"), R"({"a b": "1", "c": "2"})");
  EXPECT_EQ(Parse("path: C:\\WINDOWS\\Temp\nurl: http://x/y\n"),
            R"({"path": "C:\\WINDOWS\\Temp", "url": "http://x/y"})");
}

TEST(YamlParse, NodesCarryTheirLineAndColumn) {
  const auto r = fakes::yaml::ParseYaml("# c\nkey:\n  - {a: 1}\n  - 'q'\n");
  ASSERT_FALSE(r.error);
  const Tree& t = r.tree;
  const auto top = t.children(t.root());
  EXPECT_EQ(t.node(top[0]).mark.line, 2);
  EXPECT_EQ(t.node(top[0]).mark.column, 1);
  const auto items = t.children(top[1]);
  EXPECT_EQ(t.node(top[1]).mark.column, 3);  // the list, at its first '-'
  EXPECT_EQ(t.node(items[0]).mark.line, 3);
  EXPECT_EQ(t.node(items[0]).mark.column, 5);  // '{'
  EXPECT_EQ(t.node(t.children(items[0])[1]).mark.column, 9);
  EXPECT_EQ(t.node(items[1]).mark.line, 4);
  EXPECT_EQ(t.node(items[1]).mark.column, 5);  // the opening quote
}

TEST(YamlParse, FlowCollectionsAcrossLines) {
  EXPECT_EQ(Parse("a: [x, 'y', \"z\"]\n"), R"({"a": ["x", "y", "z"]})");
  EXPECT_EQ(Parse("a: {k: v, l: [1, 2], m: }\n"), R"({"a": {"k": "v", "l": ["1", "2"], "m": ~}})");
  EXPECT_EQ(Parse("a: [\n  x,   # one\n  y\n]\nb: {\n  k: v,\n}\n"), R"({"a": ["x", "y"], "b": {"k": "v"}})");
  EXPECT_EQ(Parse("a: [k: v, []]\n"), R"({"a": [{"k": "v"}, []]})");
  EXPECT_EQ(Parse("a: {x, y: 1}\n"), R"({"a": {"x": ~, "y": "1"}})");
  EXPECT_EQ(Parse("a: [C:\\x, b:c]\n"), R"({"a": ["C:\\x", "b:c"]})");
  EXPECT_EQ(Parse("a: [two\n  words]\n"), R"({"a": ["two words"]})");
}

TEST(YamlParse, JsonIsYaml) {
  EXPECT_EQ(Parse("{\"base\":\"empty\",\"seed\":1,\"on\":true,\"none\":null,\"l\":[1.5,\"\\u00fc\\ud83d\\ude00\"]}"),
            "{\"base\": \"empty\", \"seed\": \"1\", \"on\": \"true\", \"none\": ~, \"l\": [\"1.5\", "
            "\"\xc3\xbc\xf0\x9f\x98\x80\"]}");
  EXPECT_EQ(Parse("{\n  \"a\": {\n    \"b\": []\n  }\n}\n"), R"({"a": {"b": []}})");
}

TEST(YamlParse, PlainScalars) {
  EXPECT_EQ(Parse("a: one two  # comment\nb: x#y\nc: -1\nd: a:b\n"),
            R"({"a": "one two", "b": "x#y", "c": "-1", "d": "a:b"})");
  EXPECT_EQ(Parse("a: first\n  second\n\n  third\nb: 1\n"), R"({"a": "first second\nthird", "b": "1"})");
  EXPECT_EQ(Parse("plain text\n"), R"("plain text")");
}

TEST(YamlParse, QuotedScalarsAndEscapes) {
  EXPECT_EQ(Parse("a: 'it''s # not a comment'\n"), R"({"a": "it's # not a comment"})");
  EXPECT_EQ(Parse("a: 'C:\\Inetpub\\wwwroot'\n"), R"({"a": "C:\\Inetpub\\wwwroot"})");
  EXPECT_EQ(Parse(R"(a: "t\tn\nq\"b\\s\/x\x41u\u00fcU\U0001F600")"),
            "{\"a\": \"t\tn\\nq\\\"b\\\\s/xAu\xc3\xbcU\xf0\x9f\x98\x80\"}");
  EXPECT_EQ(Parse("a: \"one\n  two\n\n  three\"\n"), R"({"a": "one two\nthree"})");
  EXPECT_EQ(Parse("a: \"join\\\n  ed\"\n"), R"({"a": "joined"})");
  EXPECT_EQ(Parse("a: 'x\n  y'\n"), R"({"a": "x y"})");
  EXPECT_EQ(Parse("a: \"\\0\"\n"), std::string("{\"a\": \"") + '\0' + "\"}");
}

TEST(YamlParse, BlockScalars) {
  EXPECT_EQ(Parse("a: |\n  one\n   two\n\n  three\nb: 1\n"), R"({"a": "one\n two\n\nthree\n", "b": "1"})");
  EXPECT_EQ(Parse("a: >\n  one\n  two\n\n  three\n    indented\n  four\n"),
            R"({"a": "one two\nthree\n  indented\nfour\n"})");
  EXPECT_EQ(Parse("a: |-\n  x\n\n"), R"({"a": "x"})");
  EXPECT_EQ(Parse("a: |+\n  x\n\n\nb: 1\n"), R"({"a": "x\n\n\n", "b": "1"})");
  EXPECT_EQ(Parse("a: |2\n    x\n  y\n"), R"({"a": "  x\ny\n"})");
  EXPECT_EQ(Parse("a: >-  # comment\n  x\n  y\n"), R"({"a": "x y"})");
  EXPECT_EQ(Parse("- |\n  in a list\n- x\n"), R"(["in a list\n", "x"])");
  EXPECT_EQ(Parse("a: |\nb: 1\n"), R"({"a": "", "b": "1"})");
}

TEST(YamlParse, NullsCommentsAndDocumentMarkers) {
  EXPECT_EQ(Parse("a: ~\nb: null\nc:\nd: NULL\ne: 'null'\n"), R"({"a": ~, "b": ~, "c": ~, "d": ~, "e": "null"})");
  EXPECT_EQ(Parse(""), "~");
  EXPECT_EQ(Parse("# only a comment\n\n"), "~");
  EXPECT_EQ(Parse("---\n"), "~");
  EXPECT_EQ(Parse("...\n"), "~");
  EXPECT_EQ(Parse("---\na: 1\n...\n# after\n"), R"({"a": "1"})");
  EXPECT_EQ(Parse("--- # c\na: 1\n"), R"({"a": "1"})");
  EXPECT_EQ(Parse("\xEF\xBB\xBF"
                  "a: 1\n"),
            R"({"a": "1"})");
  EXPECT_EQ(Parse("a: 1\r\nb:\r\n  - x\r\n"), R"({"a": "1", "b": ["x"]})");
}

TEST(YamlParse, SyntaxErrorsHaveTheirPosition) {
  EXPECT_EQ(Parse("a: 1\n\tb: 2\n"), "error 2:1: a tab in the indentation; YAML indents with spaces only");
  EXPECT_EQ(Parse("a:\n  b: 1\n c: 2\n"),
            "error 3:2: this line is indented more than the keys above it (column 1); check the indentation");
  EXPECT_EQ(Parse("a: b: c\n"),
            "error 1:5: a second ': ' on one line; quote a value that holds ': ', or start the map on the next line");
  EXPECT_EQ(Parse("a: 1\nb\n"), "error 2:1: expected 'key: value' here, found no ': ' after 'b'");
  EXPECT_EQ(Parse("a: 1\n  b: 2\n"),
            "error 2:4: a key inside a multi-line value; check the indentation, or quote the value");
  EXPECT_EQ(Parse("a: - x\n"), "error 1:4: a list cannot start on the line of its key; put '- ' on the next line");
  EXPECT_EQ(Parse("a: 'open\n"), "error 1:4: unterminated single-quoted string");
  EXPECT_EQ(Parse("a: \"open\n"), "error 1:4: unterminated double-quoted string");
  EXPECT_EQ(Parse("a: \"x\\qy\"\n"),
            "error 1:6: unknown escape '\\q' in a double-quoted string "
            "(write '\\\\' for a backslash, or use single quotes)");
  EXPECT_EQ(Parse("a: \"\\x4\"\n"), "error 1:5: escape needs 2 hex digits");
  EXPECT_EQ(Parse("a: \"\\ud800\"\n"), "error 1:5: escape names no Unicode character");
  EXPECT_EQ(Parse("a: [1, 2\nb: 3\n"), "error 1:4: unterminated '[': no ']' before the end of the file");
  EXPECT_EQ(Parse("a: {x: 1, y: 2\n"), "error 1:4: unterminated '{': no '}' before the end of the file");
  EXPECT_EQ(Parse("a: [1,\n---\n"), "error 1:4: unterminated '[': no ']' before the '---' at line 2");
  EXPECT_EQ(Parse("a: [1 2] x\n"), "error 1:10: unexpected 'x' after a value (quote the value, or start a new line)");
  EXPECT_EQ(Parse("a: [1,, 2]\n"), "error 1:7: a value is missing before ','");
  EXPECT_EQ(Parse("a: [1}\n"), "error 1:6: expected ',' or ']', found '}'");
  EXPECT_EQ(Parse("a: 'x' y\n"), "error 1:8: unexpected 'y' after a value (quote the value, or start a new line)");
  EXPECT_EQ(Parse("a: |x\n"),
            "error 1:5: unexpected 'x' after '|'; "
            "a block scalar's header holds only an indentation digit and '+' or '-'");
  EXPECT_EQ(Parse("[a]: 1\n"), "error 1:1: a key must be a plain string, not a list or map");
  EXPECT_EQ(Parse(": 1\n"), "error 1:1: a key is missing before ':'");
  EXPECT_EQ(Parse("a: 1\n- b\n"), "error 2:1: a list item where a key was expected; check the indentation");
  EXPECT_EQ(Parse("- a\nb: 1\n"), "error 2:1: unexpected 'b' here; check the indentation");
}

TEST(YamlParse, UnsupportedConstructsAreNamed) {
  EXPECT_EQ(Parse("a: &x 1\n"), "error 1:4: anchors ('&') are not supported in a machine file; write the value out");
  EXPECT_EQ(Parse("a: *x\n"), "error 1:4: aliases ('*') are not supported in a machine file; write the value out");
  EXPECT_EQ(Parse("a: !!str 1\n"), "error 1:4: tags ('!') are not supported in a machine file");
  EXPECT_EQ(Parse("a: [&x 1]\n"), "error 1:5: anchors ('&') are not supported in a machine file; write the value out");
  EXPECT_EQ(Parse("? a\n: 1\n"), "error 1:1: complex keys ('? ') are not supported in a machine file");
  EXPECT_EQ(Parse("%YAML 1.2\n---\na: 1\n"), "error 1:1: directives ('%') are not supported in a machine file");
  EXPECT_EQ(Parse("a: 1\n---\nb: 2\n"), "error 2:1: a second document ('---'); a machine file holds one document");
  EXPECT_EQ(Parse("a: @x\n"), "error 1:4: '@' cannot start a plain value; quote the value");
}

TEST(YamlParse, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_THAT(Parse(deep), HasSubstr("error 1:201: nesting deeper than 200 levels"));
  std::string block;
  for (int i = 0; i < 300; ++i) block += std::string(static_cast<size_t>(i), ' ') + "k:\n";
  EXPECT_THAT(Parse(block), HasSubstr("nesting deeper than 200 levels"));
}

TEST(YamlParse, ArbitraryBytesNeverCrash) {
  // Every prefix of a file with every construct, and a few byte soups: an answer, never a crash.
  const std::string text = "a: [1, {b: 'c''d'}, \"e\\u00fc\"]\nf: |+\n  g\n\nh:\n- i: >-\n    j\n  k: ~\n...\n";
  for (size_t n = 0; n <= text.size(); ++n) (void)Parse(text.substr(0, n));
  for (const std::string& soup : {std::string("\0\0:\0", 4), std::string("-\t-\t[\x80{"), std::string("\"\\"),
                                  std::string("a:\n  |\n\t"), std::string("[\n---\n"), std::string("'\n...\n")}) {
    (void)Parse(soup);
  }
  SUCCEED();
}

TEST(YamlParse, MachineLoaderReportsSyntaxErrorsAtFileLineColumn) {
  EXPECT_EQ(LoadError("os: windows-xp-professional\nseed: [1, 2\n"),
            "m.yaml:2:7: invalid YAML: unterminated '[': no ']' before the end of the file");
  EXPECT_EQ(LoadError("seed: 1\n\tos: x\n"),
            "m.yaml:2:1: invalid YAML: a tab in the indentation; YAML indents with spaces only");
  EXPECT_EQ(LoadError("seed: 1\nseed: 2\n"), "m.yaml:2:1: duplicate key 'seed' (first at line 1)");
  EXPECT_EQ(LoadError("seed: &s 1\n"),
            "m.yaml:1:7: invalid YAML: anchors ('&') are not supported in a machine file; write the value out");
  EXPECT_EQ(LoadError("accounts:\n  bob: {password: Pa55word!}\n  bob: {}\n"),
            "m.yaml:3:3: accounts: duplicate key 'bob' (first at line 2)");
}

TEST(YamlParse, MachineFilesLoadAsJson) {
  const auto yaml = fakes::LoadMachineText("os: windows-xp-professional\nframeworks: [1.0]\nseed: 3\n", "m.yaml");
  const auto json =
      fakes::LoadMachineText(R"({"os": "windows-xp-professional", "frameworks": ["1.0"], "seed": 3})", "m.json");
  ASSERT_TRUE(yaml.ok()) << yaml.error->ToString();
  ASSERT_TRUE(json.ok()) << json.error->ToString();
  EXPECT_TRUE(*yaml.value == *json.value);
}

}  // namespace

// Found by fuzz_machine_yaml: a comment on the last line, with no line end after it, looped
// for ever. Every place a line may end must also end at the end of the text.
TEST(YamlParse, ACommentOnTheLastLineWithoutALineEnd) {
  for (const char* text : {"#n", "# c", "  # c", "seed: 7\n# c", "seed: 7\n\n   # c", "seed: 7 # c", "a:\n  # c",
                           "a:\n  - 1\n  # c", "- 1\n#", "\n\n#"}) {
    const auto r = fakes::yaml::ParseYaml(text);
    EXPECT_FALSE(r.error.has_value()) << text << ": " << (r.error ? r.error->message : "");
  }
}
