// ProfileStore: user profiles (ProfileList entries and their folders) of a fake machine.
//
// A profile-loading logon creates the profile on first use: a ProfileList entry keyed by SID
// and a folder "<SystemDrive>\Documents and Settings\NAME" (a file-namespace object owned by
// the user, Full Control to the user, SYSTEM and Administrators). If that folder is taken (it
// exists, whoever made it), the next candidate is NAME.COMPUTERNAME, then
// NAME.COMPUTERNAME.000, .001 ... (KB 324734). Deleting an account leaves both behind.
//
//   fixer::Sid sid = *fixer::Sid::Parse("S-1-5-21-1-2-3-1004");
//   fakes::ProfileStore store(machine);
//   fixer::Result<fakes::ProfileEntry> entry = store.LoadOrCreate(sid, "ASPNET");  // "profile.create" + "file.create"
#pragma once

#include <optional>
#include <string>

#include "fakes/machine.h"

namespace fakes {

// Whether the folder `entry` names (its ProfileImagePath) exists: an entry without it is no profile
// to the worker (docs/windows-reference.md#choice-stale-profile-entry), as the fixer's diagnosis says.
bool ProfileFolderExists(const MachineState& s, const ProfileEntry& entry);

class ProfileStore {
 public:
  explicit ProfileStore(Machine& machine) : m_(machine) {}

  const ProfileEntry* Find(const fixer::Sid& sid) const;
  // The existing profile, or a new one (mutations "profile.create" then "file.create").
  fixer::Result<ProfileEntry> LoadOrCreate(const fixer::Sid& sid, const std::string& user_name);
  // The profile LoadOrCreate would give, changing nothing: the existing entry, or the one it
  // would create at the first free folder; 183 when every numbered folder is taken.
  fixer::Result<ProfileEntry> Resolve(const fixer::Sid& sid, const std::string& user_name) const;
  // The first free folder for a new profile of `user_name`; 183 when every numbered folder is taken.
  // `own`, the user's SID when known: its own entry, whose folder is gone, takes no folder.
  fixer::Result<std::string> NewFolder(const std::string& user_name, const fixer::Sid* own = nullptr) const;
  // DeleteProfile: "file.delete" of its folder, then "profile.delete"; 2 if there is none.
  fixer::Status Delete(const fixer::Sid& sid);
  // RegDeleteKey of ProfileList\<SID> alone ("profile.delete"), the folder left as it is; 2 if none.
  fixer::Status RemoveEntry(const fixer::Sid& sid);
  // An entry written back ("profile.create"): it replaces the SID's entry if there is one.
  fixer::Status PutEntry(const ProfileEntry& entry);
  // "C:\Documents and Settings" for this machine.
  std::string ProfilesRoot() const;

 private:
  Machine& m_;
};

}  // namespace fakes
