#include "fakes/paths.h"

#include "fakes/os_editions.h"

namespace fakes {

std::string SystemDrive(fixer::OsEdition) { return "C:"; }

std::string SystemRoot(fixer::OsEdition os) { return std::string(FactsOf(os).system_root); }

std::string ProfilesRoot(fixer::OsEdition os) { return SystemDrive(os) + "\\Documents and Settings"; }

std::string SystemDrive(const MachineState& state) { return SystemDrive(state.products.os.edition); }
std::string SystemRoot(const MachineState& state) { return SystemRoot(state.products.os.edition); }
std::string ProfilesRoot(const MachineState& state) { return ProfilesRoot(state.products.os.edition); }

std::string ParentPath(const std::string& path) {
  const size_t cut = path.find_last_of('\\');
  if (cut == std::string::npos) return "";
  return path.substr(0, cut);
}

std::string JoinPath(const std::string& folder, const std::string& name) {
  if (folder.empty()) return name;
  if (folder.back() == '\\') return folder + name;
  return folder + "\\" + name;
}

}  // namespace fakes
