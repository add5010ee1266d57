// Profiles: does an account have a user profile, and where.
//
// Real backend: HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\<SID>,
// value ProfileImagePath. A profile is created by a profile-loading logon (see Logon).
//
//   auto p = profiles.Find(aspnet_sid);   // std::nullopt when there is none
#pragma once

#include <optional>
#include <string>

#include "fixer/result.h"
#include "fixer/sid.h"

namespace fixer {

struct ProfileInfo {
  Sid sid;
  std::string path;  // e.g. "C:\Documents and Settings\ASPNET.XPPRO"
  bool folder_exists = true;  // false if the ProfileList entry points at a missing folder
};

class Profiles {
 public:
  virtual ~Profiles() = default;
  virtual Result<std::optional<ProfileInfo>> Find(const Sid& sid) = 0;
  // userenv DeleteProfile (XP+): removes the ProfileList entry and the folder. 2 if none.
  virtual Status Delete(const Sid& sid) = 0;
};

}  // namespace fixer
