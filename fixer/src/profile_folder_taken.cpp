// Why a new profile's folder is not the one named as its account: the diagnosis' note, the plan's
// create-profile line and the run's message say it alike (KB 324734: the folder is taken).
#include <algorithm>

#include "diagnose_parts.h"
#include "fixer/text.h"
#include "fixer/win_error.h"
#include "profile_check.h"

namespace fixer {

namespace {

// What holds the folder's name, in words.
std::string_view HolderWords(PathHolder holder) {
  return holder == PathHolder::kFile ? "a file of that name exists" : "a folder of that name exists";
}

}  // namespace

Result<std::string> WhyProfileFolderTaken(Profiles& profiles, const std::string& folder,
                                          std::span<const KnownProfileEntry> known) {
  auto read = profiles.WhatIsAt(folder);
  if (!read.ok() && read.status().code() != kErrorAccessDenied) return read.status();
  // Denied: something is there to deny it, which could not be read as a file or a folder.
  const bool known_kind = read.ok();
  const PathHolder holder = known_kind ? *read : PathHolder::kNothing;
  const bool exists = !known_kind || holder != PathHolder::kNothing;
  const std::string what = known_kind ? std::string(HolderWords(holder))
                                      : Text(FMT_COMPILE("something of that name exists, which could not be read ({})"),
                                             read.status().ToString());
  auto entry = std::find_if(known.begin(), known.end(),
                            [&](const KnownProfileEntry& e) { return SameWindowsName(e.path, folder); });
  if (entry == known.end()) {
    if (exists) return what;
    return std::string("no folder of that name exists, but another SID's ProfileList entry names it");
  }
  const std::string aside = entry->aside.empty() ? std::string() : Text(FMT_COMPILE("; {}"), entry->aside);
  if (known_kind && holder == PathHolder::kFolder) {
    return Text(FMT_COMPILE("{}, the profile of {}, whose ProfileList entry names it{}"), what, entry->who, aside);
  }
  if (exists) {  // a file (or what could not be read) where the entry names a profile folder
    return Text(FMT_COMPILE("{}, where the ProfileList entry of {} names a profile folder{}"), what, entry->who, aside);
  }
  return Text(FMT_COMPILE("no folder of that name exists, but the ProfileList entry of {} names it{}"), entry->who,
              aside);
}

std::string TakenNamesText(std::span<const TakenProfileName> taken, bool past) {
  if (taken.size() == 1) {
    const TakenProfileName& t = taken[0];
    return Text(FMT_COMPILE("the name {} {} taken{}"), t.path, past ? "was" : "is",
                t.why.empty() ? std::string() : Text(FMT_COMPILE(" ({})"), t.why));
  }
  std::string names;
  for (size_t i = 0; i < taken.size(); ++i) {
    names += Text(FMT_COMPILE("{}{}{}"),
                  i == 0                  ? ""
                  : i + 1 == taken.size() ? " and "
                                          : ", ",
                  taken[i].path, taken[i].why.empty() ? std::string() : Text(FMT_COMPILE(" ({})"), taken[i].why));
  }
  return Text(FMT_COMPILE("the names {} {} taken"), names, past ? "were" : "are");
}

Result<std::vector<TakenProfileName>> WhyProfileFoldersTaken(Profiles& profiles, std::vector<std::string> folders,
                                                             std::span<const KnownProfileEntry> known) {
  std::vector<TakenProfileName> taken;
  for (std::string& folder : folders) {
    auto why = WhyProfileFolderTaken(profiles, folder, known);
    if (!why) return why.status();
    taken.push_back({std::move(folder), std::move(*why)});
  }
  return taken;
}

Status NoteTakenProfileFolder(Ports& ports, Strategy strategy, Diagnosis& d) {
  WorkerIdentity& w = d.worker;
  if (w.new_profile_path.empty()) return {};
  // Each name Windows tries before the one it gives, with what takes it (KB 324734): removing the
  // first alone would not bring the profile back to it when a later one is taken too.
  std::vector<std::string> folders = TakenProfileFolders(w.new_profile_path, w.account);
  if (folders.empty()) return {};  // the folder named as the account: nothing to note
  std::vector<KnownProfileEntry> known;
  // A recreate deletes the account and leaves its entry, as Windows leaves a deleted account's.
  if (strategy == Strategy::kRecreate && w.exists && !w.profile_path.empty()) {
    known.push_back({Text(FMT_COMPILE("{}'s SID {}"), w.account, w.sid), w.profile_path,
                     "the recreate deletes that SID and leaves its entry, as Windows leaves a deleted account's"});
  }
  for (const OldSidLeftovers& old : d.scope.old_sids) {
    if (!old.profile) continue;
    known.push_back({old.holder.empty() ? Text(FMT_COMPILE("the old SID {}"), old.sid)
                                        : Text(FMT_COMPILE("{} ({})"), old.sid, old.holder),
                     old.profile->path, ""});
  }
  auto taken = WhyProfileFoldersTaken(ports.profiles, std::move(folders), known);
  if (!taken) return taken.status();
  w.new_profile_taken.clear();
  for (const TakenProfileName& t : *taken)
    w.new_profile_taken +=
        Text(FMT_COMPILE("{}{} is taken: {}"), w.new_profile_taken.empty() ? "" : "; ", t.path, t.why);
  d.notes.push_back(Text(FMT_COMPILE("{}: the profile the repair makes for {} will be {}"),
                         TakenNamesText(*taken, false), w.account, w.new_profile_path));
  return {};
}

}  // namespace fixer
