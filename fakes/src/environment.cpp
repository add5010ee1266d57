// Environment: the variables of a cmd.exe session on a fake machine.
//
// Values follow an XP Professional session of the caller [M]. What comes from the caller's
// profile comes from the folder its ProfileList entry names, which a first logon chose and may
// have suffixed (ASPNET.XPPRO, docs/windows-reference.md#profiles), never from the user name:
// USERPROFILE, HOMEDRIVE and HOMEPATH (CreateEnvironmentBlock sets them from the profile
// directory only when it has one), and TEMP and TMP, the profile's Local Settings\Temp in the 8.3
// form XP gives them (fakes/short_name.h). A caller without a profile has none of the three, and
// the system's TEMP and TMP (docs/windows-reference.md#the-session-environment). OS is
// Windows_NT on every NT family.
#include "fakes/environment.h"

#include <string_view>

#include "fakes/paths.h"
#include "fakes/sam.h"
#include "fakes/short_name.h"
#include "fixer/name_case.h"

namespace fakes {

std::optional<std::string> Environment::Get(const std::string& name) const {
  auto it = vars_.find(fixer::FoldWindowsName(name));
  if (it == vars_.end()) return std::nullopt;
  return it->second.second;
}

void Environment::Set(const std::string& name, const std::string& value) {
  const std::string key = fixer::FoldWindowsName(name);
  if (value.empty()) {
    vars_.erase(key);
    return;
  }
  auto it = vars_.find(key);
  // Windows keeps the spelling the variable was first defined with.
  if (it != vars_.end())
    it->second.second = value;
  else
    vars_[key] = {name, value};
}

std::vector<std::pair<std::string, std::string>> Environment::All() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [key, nv] : vars_) out.push_back(nv);
  return out;
}

namespace {

// `user`'s ProfileList entry (its ProfileImagePath the folder); none for an unknown name or an
// account that never had a profile-loading logon.
const ProfileEntry* ProfileOf(const MachineState& state, const std::string& user) {
  const std::optional<fixer::Sid> sid = UserSidIn(state, user);
  return sid ? state.profiles.FindKey(*sid) : nullptr;
}

// "C:\Documents and Settings\ASPNET.XPPRO" -> "C:\DOCUME~1\ASPNET~1.XPP": each folder by its
// short name, as GetShortPathName gives it; the drive ("C:") has none.
std::string ShortPath(std::string_view path) {
  std::string::size_type slash = path.find('\\');
  std::string out(path.substr(0, slash));
  while (slash != std::string_view::npos) {
    const std::string::size_type next = path.find('\\', slash + 1);
    out += '\\';
    out += ShortName(path.substr(slash + 1, next == std::string_view::npos ? next : next - slash - 1));
    slash = next;
  }
  return out;
}

}  // namespace

Environment DefaultEnvironment(const MachineState& state) {
  Environment env;
  const std::string drive = SystemDrive(state);
  const std::string root = SystemRoot(state);
  const std::string user = state.session.caller;
  env.Set("ALLUSERSPROFILE", JoinPath(ProfilesRoot(state), "All Users"));
  env.Set("CommonProgramFiles", drive + "\\Program Files\\Common Files");
  env.Set("ComSpec", root + "\\system32\\cmd.exe");
  env.Set("COMPUTERNAME", state.products.os.computer_name);
  env.Set("OS", "Windows_NT");
  // The x64 edition's own processor architecture; every other edition the fake models is 32-bit x86.
  env.Set("PROCESSOR_ARCHITECTURE",
          state.products.os.edition == fixer::OsEdition::kWindowsXpProfessionalX64 ? "AMD64" : "x86");
  // cmd's own default prompt, which it sets when the environment has none.
  env.Set("PROMPT", "$P$G");
  env.Set("Path", root + "\\system32;" + root + ";" + root + "\\System32\\Wbem");
  env.Set("PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH");
  env.Set("ProgramFiles", drive + "\\Program Files");
  env.Set("SystemDrive", drive);
  env.Set("SystemRoot", root);
  // The system's TEMP and TMP, which the user's own (from its profile's hive) replace.
  env.Set("TEMP", JoinPath(root, "Temp"));
  env.Set("TMP", JoinPath(root, "Temp"));
  // A local account's domain is the computer (CreateEnvironmentBlock).
  env.Set("USERDOMAIN", state.products.os.computer_name);
  env.Set("USERNAME", user);
  env.Set("windir", root);
  if (const ProfileEntry* profile = ProfileOf(state, user)) {
    const std::string& folder = profile->path;  // "C:\Documents and Settings\ASPNET.XPPRO"
    const std::string::size_type colon = folder.find(':');
    env.Set("USERPROFILE", folder);
    if (colon != std::string::npos) {
      env.Set("HOMEDRIVE", folder.substr(0, colon + 1));
      env.Set("HOMEPATH", folder.substr(colon + 1));
    }
    const std::string temp = ShortPath(JoinPath(folder, "Local Settings")) + "\\Temp";
    env.Set("TEMP", temp);
    env.Set("TMP", temp);
  }
  return env;
}

}  // namespace fakes
