// Why a new profile's folder is not the one named as its account: the diagnosis' note, the plan's
// create-profile line and the run's message say it alike (KB 324734: the folder is taken).
#include <algorithm>

#include "diagnose_parts.h"
#include "fixer/text.h"
#include "fixer/win_error.h"
#include "profile_check.h"

namespace fixer {

Result<std::string> WhyProfileFolderTaken(Security& security, const std::string& folder,
                                          std::span<const KnownProfileEntry> known) {
  auto read = security.ReadSecurity({ObjectNamespace::kFile, folder});
  const uint32_t code = read.ok() ? 0 : read.status().code();
  if (code != 0 && code != kErrorFileNotFound && code != kErrorPathNotFound && code != kErrorAccessDenied) {
    return read.status();
  }
  const bool exists = code == 0 || code == kErrorAccessDenied;  // denied: something is there to deny it
  auto entry = std::find_if(known.begin(), known.end(),
                            [&](const KnownProfileEntry& e) { return SameWindowsName(e.path, folder); });
  if (entry == known.end()) {
    if (exists) return std::string("a folder of that name exists");
    return std::string("no folder of that name exists, but another SID's ProfileList entry names it");
  }
  const std::string aside = entry->aside.empty() ? std::string() : Text(FMT_COMPILE("; {}"), entry->aside);
  if (exists) {
    return Text(FMT_COMPILE("a folder of that name exists, the profile of {}, whose ProfileList entry names it{}"),
                entry->who, aside);
  }
  return Text(FMT_COMPILE("no folder of that name exists, but the ProfileList entry of {} names it{}"), entry->who,
              aside);
}

Status NoteTakenProfileFolder(Ports& ports, Strategy strategy, Diagnosis& d) {
  WorkerIdentity& w = d.worker;
  if (w.new_profile_path.empty()) return {};
  const std::string taken = TakenProfileFolder(w.new_profile_path, w.account);
  if (taken.empty()) return {};
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
  auto why = WhyProfileFolderTaken(ports.security, taken, known);
  if (!why) return why.status();
  w.new_profile_taken = std::move(*why);
  d.notes.push_back(Text(FMT_COMPILE("the folder {} is taken ({}): the profile the repair makes for {} will be {}"),
                         taken, w.new_profile_taken, w.account, w.new_profile_path));
  return {};
}

}  // namespace fixer
