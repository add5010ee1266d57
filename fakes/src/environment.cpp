// Environment: the variables of a cmd.exe session on a fake machine.
//
// Values follow an XP Professional administrator session [M]: TEMP and TMP use the 8.3 form
// of the profile's Local Settings\Temp, as XP sets them (fakes/short_name.h); OS is Windows_NT
// on every NT family.
#include "fakes/environment.h"

#include "fakes/paths.h"
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

Environment DefaultEnvironment(const MachineState& state) {
  Environment env;
  const std::string drive = SystemDrive(state);
  const std::string root = SystemRoot(state);
  const std::string profiles = ProfilesRoot(state);
  const std::string user = state.session.caller;
  env.Set("ALLUSERSPROFILE", profiles + "\\All Users");
  env.Set("ComSpec", root + "\\system32\\cmd.exe");
  env.Set("COMPUTERNAME", state.products.os.computer_name);
  env.Set("HOMEDRIVE", drive);
  env.Set("HOMEPATH", "\\Documents and Settings\\" + user);
  env.Set("OS", "Windows_NT");
  env.Set("Path", root + "\\system32;" + root + ";" + root + "\\System32\\Wbem");
  env.Set("PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH");
  env.Set("ProgramFiles", drive + "\\Program Files");
  env.Set("SystemDrive", drive);
  env.Set("SystemRoot", root);
  const std::string temp = drive + "\\" + ShortName(profiles.substr(profiles.rfind('\\') + 1)) + "\\" +
                           ShortName(user) + "\\" + ShortName("Local Settings") + "\\Temp";
  env.Set("TEMP", temp);
  env.Set("TMP", temp);
  env.Set("USERNAME", user);
  env.Set("USERPROFILE", profiles + "\\" + user);
  env.Set("windir", root);
  return env;
}

}  // namespace fakes
