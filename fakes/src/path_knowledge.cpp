// KnowPath: what the fake machine knows of a path, and XP's programs of system32.
#include "fakes/path_knowledge.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "fakes/aspnet_setup.h"
#include "fakes/objects.h"
#include "fakes/paths.h"
#include "fixer/name_case.h"

namespace fakes {
namespace {

// The programs system32 holds that the fake does not model, by their file names.
constexpr std::array<std::string_view, 24> kUnmodelledPrograms = {
    "sc.exe",      "cacls.exe",    "xcacls.exe",   "reg.exe",      "regsvr32.exe", "xcopy.exe",
    "find.exe",    "findstr.exe",  "more.com",     "sort.exe",     "attrib.exe",   "net1.exe",
    "ping.exe",    "ipconfig.exe", "shutdown.exe", "taskkill.exe", "tasklist.exe", "cscript.exe",
    "wscript.exe", "msiexec.exe",  "subst.exe",    "cmd.exe",      "label.exe",    "chcp.com"};

bool Same(const std::string& a, const std::string& b) { return fixer::SameWindowsName(a, b); }

std::string NameOf(const std::string& path) {
  const size_t slash = path.find_last_of('\\');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool IsProgramFileName(const std::string& name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos) return false;
  const std::string ext = fixer::FoldWindowsName(name.substr(dot));
  return ext == ".exe" || ext == ".com" || ext == ".bat" || ext == ".cmd";
}

// The files of system32 the fake knows: the programs it runs and those it does not model.
bool IsSystem32Program(const Console& con, const std::string& file) {
  const std::string name = fixer::FoldWindowsName(file);
  const size_t dot = name.rfind('.');
  if (name.compare(dot, std::string::npos, ".exe") == 0 &&
      ModelledSystem32Program(con.machine, std::string_view(name).substr(0, dot))) {
    return true;
  }
  return std::find(kUnmodelledPrograms.begin(), kUnmodelledPrograms.end(), name) != kUnmodelledPrograms.end();
}

// The files a framework folder holds in the fake (AspNetSetup::InstallFramework).
bool IsModelledFrameworkFile(const std::string& relative) {
  static const char* kFiles[] = {"mscorlib.dll", "aspnet_regiis.exe", "CONFIG", "CONFIG\\machine.config",
                                 "Temporary ASP.NET Files"};
  return std::any_of(std::begin(kFiles), std::end(kFiles), [&](const char* f) { return Same(relative, f); });
}

// The folders KnowUnder judges by, made once for a path and not for each of its folders.
struct KnownPlaces {
  explicit KnownPlaces(const MachineState& s)
      : system32(JoinPath(SystemRoot(s), "system32")),
        dotnet(JoinPath(SystemRoot(s), "Microsoft.NET")),
        frameworks(JoinPath(dotnet, "Framework")),
        program_files(JoinPath(SystemDrive(s), "Program Files")),
        profiles(ProfilesRoot(s)) {}
  std::string system32, dotnet, frameworks, program_files, profiles;
};

// One path, its folder's knowledge known: the store first, then what holds under the folder.
PathKnown KnowUnder(const Console& con, const KnownPlaces& at, const std::string& path, const std::string& parent,
                    PathKnown above) {
  if (const SecurableObject* o = ObjectStore(con.machine).Find({fixer::ObjectNamespace::kFile, path}))
    return o->container ? PathKnown::kFolder : PathKnown::kFile;
  if (above == PathKnown::kAbsent || above == PathKnown::kFile) return PathKnown::kAbsent;

  const std::string& frameworks = at.frameworks;
  // Folders every XP has that the store does not hold.
  if (Same(path, at.program_files) || Same(path, at.system32)) return PathKnown::kFolder;
  if (Same(parent, at.system32) && IsProgramFileName(NameOf(path)))
    return IsSystem32Program(con, NameOf(path)) ? PathKnown::kFile : PathKnown::kAbsent;
  // Folders whose contents the fake models in full: the frameworks, the profiles.
  if (Same(path, at.dotnet) || Same(path, frameworks) || Same(parent, frameworks) || Same(parent, at.profiles))
    return PathKnown::kAbsent;
  // A framework's own files (in its folder, or in its CONFIG): absent when the store lacks them.
  const std::string up2 = ParentPath(parent), up3 = ParentPath(up2);
  const std::string version_folder = Same(up2, frameworks) ? parent : Same(up3, frameworks) ? up2 : "";
  if (!version_folder.empty() && IsModelledFrameworkFile(path.substr(version_folder.size() + 1)))
    return PathKnown::kAbsent;
  return PathKnown::kNotModelled;
}

}  // namespace

PathKnown KnowPath(const Console& con, const std::string& path) {
  const MachineState& s = con.machine.state();
  if (path.size() < 2 || path[1] != ':' || !Same(path.substr(0, 2), SystemDrive(s))) return PathKnown::kNotModelled;
  // From the root down, each folder's answer the next one's (no recursion: a path may be 8191 long).
  const KnownPlaces places(s);
  PathKnown known = PathKnown::kFolder;
  std::string at = path.substr(0, 2);
  for (size_t i = 3; i <= path.size(); ++i) {
    if (i < path.size() && path[i] != '\\') continue;
    const std::string next = path.substr(0, i);
    if (next.size() > at.size() + 1) known = KnowUnder(con, places, next, at, known);
    at = next;
  }
  return known;
}

std::optional<System32Program> ModelledSystem32Program(const Machine& machine, std::string_view name) {
  if (name == "net") return System32Program::kNet;
  if (name == "runas") return System32Program::kRunas;
  if (name == "iisreset" && machine.state().services.FindName("IISADMIN") != nullptr) {
    return System32Program::kIisreset;
  }
  return std::nullopt;
}

bool IsUnmodelledXpProgram(const std::string& name) {
  return std::any_of(kUnmodelledPrograms.begin(), kUnmodelledPrograms.end(),
                     [&](std::string_view file) { return file.substr(0, file.find('.')) == name; });
}

}  // namespace fakes
