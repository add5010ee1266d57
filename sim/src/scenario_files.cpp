// FindScenarioFiles (scenario.h): the scenario files under the paths a command is given. No call
// here throws: a folder or a name that cannot be looked at is listed, so that loading it says why
// (a link that loops, a link to nowhere, a folder that cannot be read), as any input error is.
#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

#include "sim/scenario.h"

namespace sim {
namespace {

namespace fs = std::filesystem;

// Whether `entry` names a scenario file: a *.yaml that is a file, or whose links lead nowhere a
// file could be (dangling, looping: an ELOOP or ENOENT said when it is loaded).
bool IsScenarioEntry(const fs::directory_entry& entry) {
  if (entry.path().extension() != ".yaml") return false;
  std::error_code ec;
  if (entry.is_regular_file(ec)) return true;
  std::error_code link_ec;
  return ec || (entry.is_symlink(link_ec) && !fs::exists(entry.path(), ec));
}

// Every scenario file under `folder`, into `files`; a folder that cannot be listed (in part or
// whole) is listed itself. Links to folders are not followed, as recursive_directory_iterator
// does not by default: a link loop among folders would never end.
void AddFolder(const fs::path& folder, std::vector<std::string>& files) {
  std::error_code ec;
  fs::directory_iterator it(folder, ec);
  for (const fs::directory_iterator end; !ec && it != end; it.increment(ec)) {
    const fs::directory_entry& entry = *it;
    std::error_code type_ec;
    if (entry.is_directory(type_ec) && !entry.is_symlink(type_ec))
      AddFolder(entry.path(), files);
    else if (IsScenarioEntry(entry))
      files.push_back(entry.path().string());
  }
  if (ec) files.push_back(folder.string());
}

}  // namespace

std::vector<std::string> FindScenarioFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec))
      AddFolder(p, files);
    else
      files.push_back(p);
  }
  std::sort(files.begin(), files.end());
  // One file named twice (`nm.yaml ./nm.yaml`, a file and its folder) runs once, under the first
  // name in order; a name that cannot be resolved is its own.
  std::set<fs::path> seen;
  std::erase_if(files, [&](const std::string& file) {
    std::error_code ec;
    fs::path key = fs::weakly_canonical(file, ec);
    if (ec) key = fs::path(file).lexically_normal();
    return !seen.insert(std::move(key)).second;
  });
  return files;
}

}  // namespace sim
