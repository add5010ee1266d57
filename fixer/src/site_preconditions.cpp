// What a started ASP.NET 1.0 worker needs of each application, read before any change: read access
// to the application's folder, and the ASP.NET State Service for a StateServer application. The
// repair changes neither, so a failure of either is the administrator's to fix.
// docs/windows-reference.md#fixer-decisions
#include <algorithm>

#include "diagnose_parts.h"
#include "fixer/text.h"
#include "fixer/windows_names.h"
#include "service_names.h"

namespace fixer {
namespace {

// The generic bits an ACE may carry instead of specific ones (winnt.h GENERIC_ALL ... GENERIC_READ).
constexpr uint32_t kGenericBits = 0xF0000000;

// Whether an explicit ACE on the folder itself refuses some of what reading it needs: AccessCheck
// meets deny ACEs before allow ACEs (canonical order), and one that names a wanted bit refuses.
bool DeniesRead(const Ace& ace) {
  if (ace.type != AceType::kDeny || (ace.flags & kInheritOnlyAce) != 0) return false;
  return (ace.mask & (kFileGenericRead | kGenericBits)) != 0;
}

}  // namespace

Result<std::optional<Precondition>> ReadSiteFolderAccess(Security& security, const WorkerIdentity& w,
                                                         const std::vector<ApplicationInfo>& apps) {
  std::vector<ObjectAces> folders;
  for (const ApplicationInfo& app : apps) {
    if (!app.physical_path.empty()) folders.push_back({{ObjectNamespace::kFile, app.physical_path}, {}});
  }
  if (folders.empty()) return std::optional<Precondition>();
  for (const Sid& sid : WorkerTokenSids(w)) {
    auto held = security.FindAcesOn(sid, folders);
    if (!held) return held.status();
    for (size_t i = 0; i < held->size() && i < folders.size(); ++i) {
      const auto& aces = (*held)[i];
      auto deny = std::find_if(aces.begin(), aces.end(), DeniesRead);
      if (deny == aces.end()) continue;
      const std::string_view mask = MaskName(ObjectNamespace::kFile, deny->mask);
      return std::optional<Precondition>(FailingPrecondition(
          "site-folder-access", kErrorAccessDenied,
          Text(FMT_COMPILE("an explicit ACE on the application folder {} denies {} {} access, and the worker must "
                           "read that folder; the repair changes no ACE there, and that deny is the administrator's"),
               folders[i].object.path, WorkerTokenSidName(sid, w),
               mask.empty() ? Text(FMT_COMPILE("0x{:x}"), deny->mask) : std::string(mask)),
          Remedy::kRefused));
    }
  }
  return std::optional<Precondition>();  // listed only when it fails: nothing else reads the folders
}

Result<std::optional<Precondition>> ReadSessionStateService(ServiceControl& services,
                                                            const std::vector<ApplicationInfo>& apps) {
  auto keeps_state_there = [](const ApplicationInfo& a) { return a.session_state == SessionStateMode::kStateServer; };
  auto app = std::find_if(apps.begin(), apps.end(), keeps_state_there);
  if (app == apps.end()) return std::optional<Precondition>();
  auto info = services.Query(std::string(kAspNetState));
  if (!info) {
    if (info.status().code() != kErrorServiceDoesNotExist) return info.status();
    return std::optional<Precondition>(FailingPrecondition(
        "session-state", kErrorServiceDoesNotExist,
        Text(FMT_COMPILE("{} keeps its session state in the ASP.NET State Service ({}), which is not installed, so "
                         "it answers 500"),
             app->path, kAspNetState),
        Remedy::kRefused));
  }
  if (info->state != ServiceState::kRunning) {
    return std::optional<Precondition>(FailingPrecondition(
        "session-state", kErrorServiceNotActive,
        Text(FMT_COMPILE("{} keeps its session state in {} ({}), which is {}, so it answers 500; the repair does "
                         "not start it"),
             app->path, info->display_name, kAspNetState, ToString(info->state)),
        Remedy::kRefused));
  }
  return std::optional<Precondition>(MetPrecondition(
      "session-state",
      Text(FMT_COMPILE("{} ({}) is running for the StateServer applications"), info->display_name, kAspNetState)));
}

}  // namespace fixer
