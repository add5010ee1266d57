// Win32's path normalisation (fixer/file_path.h).
#include "fixer/file_path.h"

#include <vector>

#include "fixer/name_case.h"

namespace fixer {

std::string NormalFilePath(std::string_view path) {
  // Win32's normalisation ("File path formats on Windows systems", Normalization): '/' is '\',
  // runs of separators are one, "." and ".." segments are resolved, a segment's one trailing
  // period goes, and the path's trailing periods and spaces go.
  std::vector<std::string> segments;
  std::string current;
  auto end_segment = [&] {
    if (current == "..") {
      if (segments.size() > 1) segments.pop_back();  // never above the drive
    } else if (!current.empty() && current != ".") {
      if (current.size() > 1 && current.back() == '.' && current[current.size() - 2] != '.') current.pop_back();
      segments.push_back(current);
    }
    current.clear();
  };
  for (char c : path) {
    if (c == '/' || c == '\\') {
      end_segment();
    } else {
      current += c;
    }
  }
  while (!current.empty() && (current.back() == '.' || current.back() == ' ') && current != "." && current != "..")
    current.pop_back();
  end_segment();
  std::string out;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i > 0) out += '\\';
    out += segments[i];
  }
  if (segments.size() == 1 && out.size() == 2 && out[1] == ':') out += '\\';  // "C:\" names the root
  return out;
}

bool SameFilePath(std::string_view a, std::string_view b) {
  return SameWindowsName(NormalFilePath(a), NormalFilePath(b));
}

}  // namespace fixer
