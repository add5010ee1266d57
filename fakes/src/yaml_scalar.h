// The text-only halves of YAML scalars for fakes' parser (yaml_parse.cpp): the null forms, and how
// a block scalar's lines become its value. An escape's code point is encoded by fixer::AppendUtf8.
// Private to fakes/src.
//
//   fakes::yaml::IsNullPlain("~");                         // true
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fakes::yaml {

// A plain scalar that means null in YAML 1.2's core schema: ``, `~`, `null`, `Null`, `NULL`.
bool IsNullPlain(std::string_view text);

enum class Chomping { kStrip, kClip, kKeep };  // `-`, none, `+`

// One line of a block scalar with its indentation removed; `empty` lines hold only spaces up
// to the indentation.
struct BlockLine {
  std::string_view text;
  bool empty = false;
};

// The value of a literal (`|`) or folded (`>`) block scalar.
std::string BlockScalarValue(const std::vector<BlockLine>& lines, bool literal, Chomping chomping);

}  // namespace fakes::yaml
