#include "fakes/profiles.h"
#include "fakes/paths.h"
#include "fixer/name_case.h"

#include <algorithm>

#include <fmt/format.h>

namespace fakes {
namespace {

using fixer::Status;

constexpr int kMaxNumberedSuffix = 999;  // .000 ... .999

bool FolderExists(const MachineState& s, const std::string& path) {
  return s.objects.contains(ObjectKey(fixer::ObjectNamespace::kFile, path));
}

// A folder is taken if it exists or another SID's ProfileList entry already points at it (the
// second half a modelling choice, docs/windows-reference.md#profiles). The entry of `own`, the user
// the folder is for, takes nothing: the repair deletes such an entry, its folder gone, first.
bool FolderTaken(const MachineState& s, const std::string& path, const fixer::Sid* own) {
  if (FolderExists(s, path)) return true;
  return std::any_of(s.profiles.begin(), s.profiles.end(), [&](const ProfileEntry& e) {
    return fixer::SameWindowsName(e.path, path) && (own == nullptr || e.sid != *own);
  });
}

// The folder a new profile of `sid` gets: owned by the user; Full Control to the user, SYSTEM
// and Administrators, inherited by files and subfolders (OI|CI).
SecurableObject ProfileFolder(const std::string& path, const fixer::Sid& sid) {
  SecurableObject folder;
  folder.ns = fixer::ObjectNamespace::kFile;
  folder.path = path;
  folder.container = true;
  folder.owner = sid;
  const uint32_t inherit = fixer::kObjectInheritAce | fixer::kContainerInheritAce;
  for (const fixer::Sid& who : {sid, fixer::Sid::LocalSystem(), fixer::Sid::Administrators()}) {
    folder.dacl.push_back({fixer::AceType::kAllow, who, fixer::kFileAllAccess, inherit});
  }
  return folder;
}

}  // namespace

bool ProfileFolderExists(const MachineState& s, const ProfileEntry& entry) { return FolderExists(s, entry.path); }

std::string ProfileStore::ProfilesRoot() const { return fakes::ProfilesRoot(m_.state()); }

const ProfileEntry* ProfileStore::Find(const fixer::Sid& sid) const { return m_.state().profiles.FindKey(sid); }

fixer::Result<ProfileEntry> ProfileStore::LoadOrCreate(const fixer::Sid& sid, const std::string& user_name) {
  MachineState& s = m_.state();
  if (const ProfileEntry* existing = Find(sid)) {
    ProfileEntry entry = *existing;
    // [M] An entry whose folder is gone: XP builds the folder again at the same path from
    // Default User (choice-stale-profile-entry; Vista and later log on with a temporary profile).
    // Also how a profile half-made by a crash gets finished.
    if (!FolderExists(s, entry.path)) {
      if (Status st = m_.Mutate("file.create", entry.path); !st.ok()) return st;
      s.objects.Put(ObjectKey(fixer::ObjectNamespace::kFile, entry.path), ProfileFolder(entry.path, sid));
    }
    return entry;
  }

  auto resolved = Resolve(sid, user_name);
  if (!resolved) return resolved.status();
  const std::string path = resolved->path;

  // The ProfileList entry first, then the folder. A failed folder creation takes the entry
  // back out; a crash between the two leaves an entry without a folder, as a real one can.
  if (Status st = m_.Mutate("profile.create", sid.ToString()); !st.ok()) return st;
  ProfileEntry entry{sid, path};
  s.profiles.push_back(entry);
  if (Status st = m_.Mutate("file.create", path); !st.ok()) {
    s.profiles.erase_if([&](const ProfileEntry& p) { return p == entry; });
    return st;
  }
  s.objects.Put(ObjectKey(fixer::ObjectNamespace::kFile, path), ProfileFolder(path, sid));
  return entry;
}

fixer::Result<ProfileEntry> ProfileStore::Resolve(const fixer::Sid& sid, const std::string& user_name) const {
  if (const ProfileEntry* existing = Find(sid)) return *existing;
  auto path = NewFolder(user_name, &sid);
  if (!path) return path.status();
  return ProfileEntry{sid, *path};
}

fixer::Result<std::string> ProfileStore::NewFolder(const std::string& user_name, const fixer::Sid* own) const {
  const MachineState& s = m_.state();
  // KB 324734: NAME, then NAME.COMPUTERNAME, then NAME.COMPUTERNAME.000, .001, ...
  const std::string base = ProfilesRoot() + "\\" + user_name;
  const std::string with_computer = base + "." + s.products.os.computer_name;
  std::string path = base;
  if (FolderTaken(s, path, own)) path = with_computer;
  for (int n = 0; FolderTaken(s, path, own); ++n) {
    if (n > kMaxNumberedSuffix) return Status::Win(fixer::kErrorAlreadyExists);
    path = fmt::format("{}.{:03}", with_computer, n);
  }
  return path;
}

fixer::Status ProfileStore::Delete(const fixer::Sid& sid) {
  MachineState& s = m_.state();
  const ProfileEntry* found = s.profiles.FindKey(sid);
  if (!found) return Status::Win(fixer::kErrorFileNotFound);
  const ProfileEntry entry = *found;
  // The folder first, then the entry: DeleteProfile finds the folder through the entry's
  // ProfileImagePath, so it removes the folder while it still knows where it is [I]. A crash
  // between the two leaves an entry whose folder is gone, which a second Delete finishes.
  if (FolderExists(s, entry.path)) {
    if (Status st = m_.Mutate("file.delete", entry.path); !st.ok()) return st;
    // The folder goes with everything under it.
    const std::string key = ObjectKey(fixer::ObjectNamespace::kFile, entry.path);
    const std::string under = key + "\\";  // made once, not once per object
    s.objects.EraseIf(
        [&](const std::string& at, const SecurableObject&) { return at == key || at.starts_with(under); });
  }
  if (Status st = m_.Mutate("profile.delete", sid.ToString()); !st.ok()) return st;
  s.profiles.erase_if([&](const ProfileEntry& p) { return p.sid == sid; });
  return Status::Ok();
}

fixer::Status ProfileStore::RemoveEntry(const fixer::Sid& sid) {
  MachineState& s = m_.state();
  if (!s.profiles.FindKey(sid)) return Status::Win(fixer::kErrorFileNotFound);
  if (Status st = m_.Mutate("profile.delete", sid.ToString()); !st.ok()) return st;
  s.profiles.erase_if([&](const ProfileEntry& p) { return p.sid == sid; });
  return Status::Ok();
}

fixer::Status ProfileStore::PutEntry(const ProfileEntry& entry) {
  MachineState& s = m_.state();
  if (Status st = m_.Mutate("profile.create", entry.sid.ToString()); !st.ok()) return st;
  if (const ProfileEntry* listed = s.profiles.FindKey(entry.sid)) {
    if (*listed == entry) return Status::Ok();
    s.profiles.Replace(static_cast<size_t>(listed - &s.profiles[0]), entry);
  } else {
    s.profiles.push_back(entry);
  }
  return Status::Ok();
}

}  // namespace fakes
