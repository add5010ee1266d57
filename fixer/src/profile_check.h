// Whether a SID has a usable profile: a ProfileList entry whose folder exists; and whether a new
// profile's folder says the one named as its account was taken.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "fixer/name_case.h"
#include "fixer/ports/profiles.h"
#include "fixer/ports/security.h"
#include "fixer/profile_folder_names.h"

namespace fixer {

inline bool IsUsable(const std::optional<ProfileInfo>& p) { return p && p->folder_exists; }

// {"C:\Documents and Settings\ASPNET", "...\ASPNET.XPPRO"} for a new profile at "...\ASPNET.XPPRO.000"
// of ASPNET: Windows names a new profile NAME.COMPUTERNAME (then .000, ...) only when the folder NAME
// (and each name after it) is taken (KB 324734). The computer's name is the one in `new_path`, the
// name Windows chose. Empty when `new_path` is the folder NAME itself.
inline std::vector<std::string> TakenProfileFolders(std::string_view new_path, std::string_view account) {
  const size_t slash = new_path.find_last_of('\\');
  const std::string_view chosen = slash == std::string_view::npos ? new_path : new_path.substr(slash + 1);
  const std::string_view parent = new_path.substr(0, slash == std::string_view::npos ? 0 : slash + 1);
  // "ASPNET.XPPRO.000" -> "XPPRO": what follows NAME. without a numbered suffix.
  std::string_view computer;
  if (chosen.size() > account.size() + 1 && SameWindowsName(chosen.substr(0, account.size()), account) &&
      chosen[account.size()] == '.') {
    computer = chosen.substr(account.size() + 1);
    const bool numbered = computer.size() > 4 && computer[computer.size() - 4] == '.' &&
                          std::all_of(computer.end() - 3, computer.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (numbered) computer.remove_suffix(4);
  }
  std::vector<std::string> taken;
  for (const std::string& name : TakenProfileNames(account, computer, chosen))
    taken.push_back(std::string(parent) + name);
  return taken;
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

// A name tried before a new profile's folder, and why it is taken (WhyProfileFolderTaken; "" unread).
struct TakenProfileName {
  std::string path;
  std::string why;
};

// Each of `folders`, the names Windows tried before a new profile's (TakenProfileFolders), with why
// it is taken; the first read that fails is returned.
Result<std::vector<TakenProfileName>> WhyProfileFoldersTaken(Profiles& profiles, std::vector<std::string> folders,
                                                             std::span<const KnownProfileEntry> known);

// "the name C:\...\ASPNET is taken (a folder of that name exists)", or "the names X (why) and Y (why)
// are taken"; `past`: "was", "were".
std::string TakenNamesText(std::span<const TakenProfileName> taken, bool past);

}  // namespace fixer
