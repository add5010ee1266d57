// Profiles: does an account have a user profile, and where.
//
// Real backend: HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\<SID>,
// value ProfileImagePath. A profile is created by a profile-loading logon (see Logon).
//
//   fixer::Sid aspnet_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fixer::Result<std::optional<fixer::ProfileInfo>> p = profiles.Find(aspnet_sid);   // nullopt: none
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
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class ProfilesWrapper : public Profiles {
 public:
  explicit ProfilesWrapper(Profiles& target) : target_(target) {}
  Profiles& target() { return target_; }
  Result<std::optional<ProfileInfo>> Find(const Sid& sid) override { return target_.Find(sid); }
  Status Delete(const Sid& sid) override { return target_.Delete(sid); }

 private:
  Profiles& target_;
};

}  // namespace fixer
