// Win32's path normalisation (fixer/file_path.h).
#include "fixer/file_path.h"

#include <algorithm>
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

bool HoldsCharacterNoFileNameHolds(std::string_view path) {
  if (path.size() >= 2 && path[1] == ':') path.remove_prefix(2);  // the drive's own colon
  return std::any_of(path.begin(), path.end(), [](char c) {
    return std::string_view("<>:\"|?*").find(c) != std::string_view::npos || static_cast<unsigned char>(c) < 0x20;
  });
}

std::string FilePathFault(std::string_view path) {
  const bool drive = path.size() >= 3 && ((path[0] >= 'A' && path[0] <= 'Z') || (path[0] >= 'a' && path[0] <= 'z')) &&
                     path[1] == ':' && (path[2] == '\\' || path[2] == '/');
  if (!drive) return "a full path starts with a drive letter, a colon and a backslash ('C:\\...')";
  if (HoldsCharacterNoFileNameHolds(path)) return "a file name may not hold < > : \" | ? * or a control character";
  return "";
}

}  // namespace fixer
