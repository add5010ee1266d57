// Environment: the variables a cmd.exe session of a fake machine starts with, looked up
// case-insensitively as Windows does (%SystemRoot%, %windir%, %SystemDrive% ...).
//
//   #include "fakes/machine.h"
//   fakes::Environment env = fakes::DefaultEnvironment(machine.state());
//   std::optional<std::string> root = env.Get("systemroot");  // "C:\WINDOWS" on XP, "C:\WINNT" on 2000
//   env.Set("TEMP_PW", "1pass@word"); // `set TEMP_PW=1pass@word`; an empty value removes it
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "fakes/state.h"

namespace fakes {

class Environment {
 public:
  std::optional<std::string> Get(const std::string& name) const;
  void Set(const std::string& name, const std::string& value);  // "" removes it, as cmd's set
  // Every variable as NAME=value, sorted case-insensitively (what `set` with no argument lists).
  std::vector<std::pair<std::string, std::string>> All() const;

 private:
  std::map<std::string, std::pair<std::string, std::string>> vars_;  // folded -> (name, value)
};

// The environment of a cmd.exe the session's caller runs on this machine [M: XP defaults]:
// SystemRoot, windir, SystemDrive, ComSpec, COMPUTERNAME, USERNAME, USERDOMAIN, ALLUSERSPROFILE,
// ProgramFiles, CommonProgramFiles, OS, PROCESSOR_ARCHITECTURE, PATH, PATHEXT, cmd's PROMPT; TEMP and TMP; and, when
// the caller has a profile, USERPROFILE, HOMEDRIVE and HOMEPATH, the folder its ProfileList entry names (`ASPNET.XPPRO`
// after a collision), TEMP and TMP then the 8.3 form of its Local Settings\Temp (without one, the system's
// %SystemRoot%\Temp).
Environment DefaultEnvironment(const MachineState& state);

}  // namespace fakes
