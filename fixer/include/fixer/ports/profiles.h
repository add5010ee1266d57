// Profiles: does an account have a user profile, and where.
//
// Real backend: HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList\<SID>,
// value ProfileImagePath. A profile is created by a profile-loading logon (see Logon).
//
//   fixer::Sid aspnet_sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fixer::Result<std::optional<fixer::ProfileInfo>> p = profiles.Find(aspnet_sid);   // nullopt: none
//   fixer::Result<std::string> at =   // "...\ASPNET.XPPRO" when ASPNET is taken
//       profiles.NewProfileFolder("ASPNET", fixer::NewProfileOwner::kPresentAccount);
//   fixer::Result<fixer::PathHolder> what = profiles.WhatIsAt(R"(C:\Documents and Settings\ASPNET)");
//   auto entry = profiles.ReadEntry(aspnet_sid);   // every value of ProfileList\<SID>, for an undo
//   fixer::Status removed = profiles.RemoveEntry(aspnet_sid);  // the key alone
//   fixer::Status back = profiles.WriteEntry(**entry);         // as it was, value for value
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fixer/result.h"
#include "fixer/sid.h"

namespace fixer {

struct ProfileInfo {
  Sid sid;
  std::string path;           // e.g. "C:\Documents and Settings\ASPNET.XPPRO"
  bool folder_exists = true;  // false if the ProfileList entry points at a missing folder
};

// One value of a registry key as RegEnumValue gives it: its name, its type (REG_SZ 1, REG_EXPAND_SZ 2,
// REG_BINARY 3, REG_DWORD 4, ...) and its bytes as stored (a string's UTF-16LE with its terminator).
struct RegistryValue {
  std::string name;
  uint32_t type = 0;
  std::string data;
  friend bool operator==(const RegistryValue&, const RegistryValue&) = default;
};
inline constexpr uint32_t kRegSz = 1;
inline constexpr uint32_t kRegExpandSz = 2;
inline constexpr uint32_t kRegBinary = 3;
inline constexpr uint32_t kRegDword = 4;

// A ProfileList entry as stored: the key ProfileList\<SID> and every value it holds
// (ProfileImagePath, Sid, Flags, State, ...), what WriteEntry needs to put it back exactly.
struct ProfileListEntry {
  Sid sid;
  std::vector<RegistryValue> values;
  friend bool operator==(const ProfileListEntry&, const ProfileListEntry&) = default;
};

// Whose first profile NewProfileFolder answers for: the account of that name as it is now, or a new
// account of that name (a recreate's: a new SID, to which the present account's entry is another SID's).
enum class NewProfileOwner { kPresentAccount, kNewAccount };

// What a path names: nothing, a folder, or a file (either takes a new profile's folder name, KB 324734).
enum class PathHolder { kNothing, kFolder, kFile };

class Profiles {
 public:
  virtual ~Profiles() = default;
  virtual Result<std::optional<ProfileInfo>> Find(const Sid& sid) = 0;
  // userenv DeleteProfile (XP+): removes the ProfileList entry and the folder. 2 if none.
  virtual Status Delete(const Sid& sid) = 0;
  // The folder a profile-loading logon of `user`, who has no profile, would make: the profiles
  // directory (GetProfilesDirectory) and `user`, or `user`.COMPUTERNAME, then .000, .001 ... while
  // that folder exists (KB 324734). Reads only; 183 when every candidate is taken.
  virtual Result<std::string> NewProfileFolder(const std::string& user, NewProfileOwner owner) = 0;
  // What `path` names, as GetFileAttributes answers (FILE_ATTRIBUTE_DIRECTORY: a folder; 2 or 3:
  // nothing). Reads only; 5 when the caller may not read it.
  virtual Result<PathHolder> WhatIsAt(const std::string& path) = 0;
  // Every value of the ProfileList entry of `sid`, read only; nullopt when there is none.
  virtual Result<std::optional<ProfileListEntry>> ReadEntry(const Sid& sid) = 0;
  // Removes the ProfileList entry of `sid` alone (RegDeleteKey), its folder left as it is; 2 if none.
  virtual Status RemoveEntry(const Sid& sid) = 0;
  // Writes `entry` back (RegCreateKeyEx, then RegSetValueEx of each value): the key made if missing,
  // each value set as recorded. Administrators only (ProfileList is theirs to write).
  virtual Status WriteEntry(const ProfileListEntry& entry) = 0;
};

// Forwards every call to `target` (as LevelDB's EnvWrapper): a test double derives from it and
// overrides only the calls it changes.
class ProfilesWrapper : public Profiles {
 public:
  explicit ProfilesWrapper(Profiles& target) : target_(target) {}
  Profiles& target() { return target_; }
  Result<std::optional<ProfileInfo>> Find(const Sid& sid) override { return target_.Find(sid); }
  Status Delete(const Sid& sid) override { return target_.Delete(sid); }
  Result<std::string> NewProfileFolder(const std::string& user, NewProfileOwner owner) override {
    return target_.NewProfileFolder(user, owner);
  }
  Result<PathHolder> WhatIsAt(const std::string& path) override { return target_.WhatIsAt(path); }
  Result<std::optional<ProfileListEntry>> ReadEntry(const Sid& sid) override { return target_.ReadEntry(sid); }
  Status RemoveEntry(const Sid& sid) override { return target_.RemoveEntry(sid); }
  Status WriteEntry(const ProfileListEntry& entry) override { return target_.WriteEntry(entry); }

 private:
  Profiles& target_;
};

}  // namespace fixer
