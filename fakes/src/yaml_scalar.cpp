#include "yaml_scalar.h"

namespace fakes::yaml {

bool IsNullPlain(std::string_view text) {
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

std::string BlockScalarValue(const std::vector<BlockLine>& lines, bool literal, Chomping chomping) {
  size_t end = lines.size();  // trailing empty lines belong to the chomping
  while (end > 0 && lines[end - 1].empty) --end;
  const size_t trailing = lines.size() - end;

  std::string out;
  size_t empties = 0;  // empty lines since the last text line
  bool seen_text = false;
  bool previous_more_indented = false;
  for (size_t i = 0; i < end; ++i) {
    const BlockLine& line = lines[i];
    if (line.empty) {
      ++empties;
      continue;
    }
    const bool more_indented = !line.text.empty() && (line.text[0] == ' ' || line.text[0] == '\t');
    if (!seen_text) {
      out.append(empties, '\n');  // leading empty lines are kept in both styles
    } else if (literal || more_indented || previous_more_indented) {
      out.append(empties + 1, '\n');
    } else if (empties == 0) {
      out += ' ';  // folding: one line break between two text lines is a space
    } else {
      out.append(empties, '\n');
    }
    out += line.text;
    empties = 0;
    seen_text = true;
    previous_more_indented = more_indented;
  }
  switch (chomping) {
    case Chomping::kStrip: break;
    case Chomping::kClip:
      if (seen_text) out += '\n';
      break;
    case Chomping::kKeep:
      if (seen_text) out += '\n';
      out.append(trailing + empties, '\n');
      break;
  }
  return out;
}

}  // namespace fakes::yaml
