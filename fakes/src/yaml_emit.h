// A streaming YAML writer for machine state files (machine_yaml_save.cpp): block maps and lists
// indented by two, flow `[..]` / `{..}` where asked, scalars plain when they read back as the
// same string, else single- or double-quoted. One pass, appending to one string.
// Private to fakes/src.
//
//   fakes::yaml::Emitter out;
//   out.BeginMap();
//   out.Key("seed");
//   out.UInt(7);
//   out.Key("flags");
//   out.BeginSeq(fakes::yaml::Style::kFlow);
//   out.Str("disabled");
//   out.EndSeq();
//   out.EndMap();
//   std::string text = out.Take();  // "seed: 7\nflags: [disabled]\n"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fakes::yaml {

enum class Style { kBlock, kFlow };

class Emitter {
 public:
  void Comment(std::string_view text);  // a whole-line comment before the root
  void BeginMap(Style style = Style::kBlock);
  void EndMap();
  void BeginSeq(Style style = Style::kBlock);
  void EndSeq();
  void Key(std::string_view key);
  void Str(std::string_view value);
  void Int(int64_t value);
  void UInt(uint64_t value);
  void Bool(bool value);
  std::string Take() { return std::move(out_); }

 private:
  struct Level {
    bool map = false;
    bool flow = false;
    bool after_dash = false;  // a block collection that is a list item: its first entry follows "- "
    int indent = 0;
    size_t count = 0;
  };
  bool InFlow() const { return !levels_.empty() && levels_.back().flow; }
  void BeforeNode(bool block_collection);
  void AfterLeaf();
  void Begin(bool map, Style style);
  void End();
  void StartEntryLine(Level& level);
  void Scalar(std::string_view text, bool may_need_quotes);

  std::string out_;
  std::vector<Level> levels_;
  bool at_line_start_ = true;
};

// How `text` must be written to read back as the same string (in flow context if `flow`).
enum class ScalarForm { kPlain, kSingleQuoted, kDoubleQuoted };
ScalarForm FormFor(std::string_view text, bool flow);

}  // namespace fakes::yaml
