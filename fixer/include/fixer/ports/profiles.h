// Profiles: does an account have a user profile, and where.
//
// Real backend: HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\<SID>,
// value ProfileImagePath. A profile is created by a profile-loading logon (see Logon).
//
//   fixer::Sid aspnet_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fixer::Result<std::optional<fixer::ProfileInfo>> p = profiles.Find(aspnet_sid);   // nullopt: none
//   fixer::Result<std::string> at = profiles.NewProfileFolder("ASPNET");  // "...\ASPNET.XPPRO" when ASPNET is taken
#pragma once

#include <optional>
#include <string>

#include "fixer/result.h"
#include "fixer/sid.h"

namespace fixer {

struct ProfileInfo {
  Sid sid;
  std::string path;           // e.g. "C:\Documents and Settings\ASPNET.XPPRO"
  bool folder_exists = true;  // false if the ProfileList entry points at a missing folder
};

class Profiles {
 public:
  virtual ~Profiles() = default;
  virtual Result<std::optional<ProfileInfo>> Find(const Sid& sid) = 0;
  // userenv DeleteProfile (XP+): removes the ProfileList entry and the folder. 2 if none.
  virtual Status Delete(const Sid& sid) = 0;
  // The folder a profile-loading logon of `user`, who has no profile, would make: the profiles
  // directory (GetProfilesDirectory) and `user`, or `user`.COMPUTERNAME, then .000, .001 ... while
  // that folder exists (KB 324734). Reads only; 183 when every candidate is taken.
  virtual Result<std::string> NewProfileFolder(const std::string& user) = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class ProfilesWrapper : public Profiles {
 public:
  explicit ProfilesWrapper(Profiles& target) : target_(target) {}
  Profiles& target() { return target_; }
  Result<std::optional<ProfileInfo>> Find(const Sid& sid) override { return target_.Find(sid); }
  Status Delete(const Sid& sid) override { return target_.Delete(sid); }
  Result<std::string> NewProfileFolder(const std::string& user) override { return target_.NewProfileFolder(user); }

 private:
  Profiles& target_;
};

}  // namespace fixer
