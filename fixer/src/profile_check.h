// Whether a SID has a usable profile: a ProfileList entry whose folder exists; and whether a new
// profile's folder says the one named as its account was taken.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "fixer/name_case.h"
#include "fixer/ports/profiles.h"
#include "fixer/ports/security.h"

namespace fixer {

inline bool IsUsable(const std::optional<ProfileInfo>& p) { return p && p->folder_exists; }

// "C:\Documents and Settings\ASPNET" for a new profile at "...\ASPNET.XPPRO" of ASPNET: Windows
// names a new profile NAME.COMPUTERNAME (then .000, ...) only when the folder NAME is taken (KB
// 324734). Empty when `new_path` is that folder itself.
inline std::string TakenProfileFolder(std::string_view new_path, std::string_view account) {
  const size_t slash = new_path.find_last_of('\\');
  const std::string_view folder = slash == std::string_view::npos ? new_path : new_path.substr(slash + 1);
  if (SameWindowsName(folder, account)) return {};
  return std::string(new_path.substr(0, slash == std::string_view::npos ? 0 : slash + 1)) + std::string(account);
}

// A ProfileList entry the caller read: whose, as its words name it ("ASPNET's old SID S-1-5-21-...-1003"),
// its folder, and what to say of it after "names it; " ("" for nothing).
struct KnownProfileEntry {
  std::string who;
  std::string path;
  std::string aside;
};

// Why `folder` is taken, in words: "a folder of that name exists" or "a file of that name exists"
// (KB 324734: anything of that name takes it), naming the profile of `known` whose entry names it,
// or, nothing there, the ProfileList entry that names it (the fake's choice:
// docs/windows-reference.md#profiles). Reads what is there (Profiles::WhatIsAt, GetFileAttributes):
// 5 says something is there that could not be read; another error is returned.
Result<std::string> WhyProfileFolderTaken(Profiles& profiles, const std::string& folder,
                                          std::span<const KnownProfileEntry> known);

}  // namespace fixer
