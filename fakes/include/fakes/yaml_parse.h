// fakes' own YAML parser: one document of YAML 1.2 (and so JSON) into a yaml::Tree, in one
// linear pass, with every syntax error at its 1-based line and column.
//
// Covered: block maps and lists (a list may sit at the indent of its key), flow `[..]` and
// `{..}` across lines, plain, 'single' and "double" quoted scalars with every YAML escape,
// literal `|` and folded `>` block scalars with their indentation and chomping indicators,
// comments, `---` / `...` around the one document. Null is `~`, `null` or nothing. Rejected
// with a clear message: anchors, aliases, tags, `?` complex keys, directives, a second document,
// tabs in indentation. Duplicate keys are the reader's to reject (yaml_reader.h). The tree may
// point into `text`: keep the text alive as long as the tree.
//
//   fakes::yaml::ParseResult r = fakes::yaml::ParseYaml("seed: 7\nos: [a, b]\n");
//   if (r.error) std::puts(r.error->message.c_str());          // with r.error->mark
//   else std::puts(std::string(r.tree.text(r.tree.children(r.tree.root())[1])).c_str());  // "7"
//   auto two = fakes::yaml::ParseYaml("a: 1\n---\n", "scenario file");
//   // two.error->message: "a second document ('---'); a scenario file holds one document"
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fakes/yaml_tree.h"

namespace fakes::yaml {

struct ParseError {
  Mark mark;
  std::string message;
};

struct ParseResult {
  Tree tree;
  std::optional<ParseError> error;  // set: the tree is unusable
};

// `kind` names the text in the messages of what it may not use ("anchors ('&') are not supported
// in a scenario file").
ParseResult ParseYaml(std::string_view text, std::string_view kind = "machine file");

}  // namespace fakes::yaml
