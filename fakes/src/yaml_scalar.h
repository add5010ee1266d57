// The text-only halves of YAML scalars for fakes' parser (yaml_parse.cpp): UTF-8 encoding of an
// escape's code point, the null forms, and how a block scalar's lines become its value.
// Private to fakes/src.
//
//   std::string s;
//   fakes::yaml::AppendUtf8(s, 0xFC);                       // "\xc3\xbc"
//   fakes::yaml::IsNullPlain("~");                         // true
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fakes::yaml {

// Appends `cp` (at most 0x10FFFF, not a surrogate) as UTF-8.
void AppendUtf8(std::string& out, uint32_t cp);

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
