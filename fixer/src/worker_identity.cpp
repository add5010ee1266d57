// Which account the ASP.NET 1.0 worker runs as, read from <processModel userName>.
#include "diagnose_parts.h"
#include "fixer/name_case.h"
#include "fixer/process_model.h"
#include "fixer/text.h"
#include "profile_check.h"

namespace fixer {
namespace {

// "XPPRO\web" or ".\web" on XPPRO is the local account "web"; "CORP\web" is not local.
void SplitDomain(WorkerIdentity& w, const std::string& name, const std::string& computer) {
  auto slash = name.find('\\');
  if (slash == std::string::npos) {
    w.account = name;
    return;
  }
  std::string domain = name.substr(0, slash);
  w.local = domain == "." || SameWindowsName(domain, computer);
  w.account = w.local ? name.substr(slash + 1) : name;
}

}  // namespace

std::string ShownGroupName(const LocalGroupRef& group, std::string_view computer) {
  return Text(FMT_COMPILE("{}\\{}"), group.sid.IsAccountSid() ? computer : std::string_view("BUILTIN"), group.name);
}

Result<WorkerIdentity> ReadWorkerIdentity(Ports& ports, const ProcessModelConfig& process_model,
                                          const std::string& computer, NewProfileOwner profile_owner,
                                          std::vector<std::string>& notes) {
  const std::string& user_name = process_model.user_name;
  WorkerIdentity w;
  w.read = true;
  w.configured = user_name;
  w.in_inetinfo = !process_model.enable;
  if (w.in_inetinfo) {
    // No aspnet_wp.exe: ASP.NET runs in inetinfo.exe, whose identity is LocalSystem
    // (ProcessModelSection.Enable; docs/windows-reference.md#choice-processmodel-enable).
    notes.push_back(Text(FMT_COMPILE("processModel enable=\"false\": ASP.NET {} runs inside inetinfo.exe as "
                                     "LocalSystem; its userName ({}) is not used"),
                         kFramework10, user_name));
  }
  if (!w.in_inetinfo && SameWindowsName(user_name, "machine")) {
    w.kind = WorkerKind::kMachineAccount;
    w.account = kMachineWorkerAccount;
  } else if (w.in_inetinfo || SameWindowsName(user_name, "SYSTEM")) {
    w.kind = WorkerKind::kLocalSystem;
    w.account = "LocalSystem";
    w.local = false;
    w.exists = true;
    w.sid = Sid::LocalSystem();
    w.has_profile = true;  // LocalSystem's profile always exists
    // Its ProfileList entry (S-1-5-18): %SystemRoot%\system32\config\systemprofile.
    auto profile = ports.profiles.Find(w.sid);
    if (!profile) return profile.status();
    if (profile->has_value()) w.profile_path = (*profile)->path;
    return w;
  } else if (IsRegistryReference(user_name)) {
    w.kind = WorkerKind::kRegistryCredential;
    auto resolved = ports.aspnet.ResolveRegistryCredential(user_name);
    if (!resolved) {
      notes.push_back(Text(FMT_COMPILE("the processModel registry credential {} cannot be read: {}"), user_name,
                           resolved.status()));
      w.credential_error = resolved.status().code();
      return w;
    }
    SplitDomain(w, *resolved, computer);
  } else {
    w.kind = WorkerKind::kCustomAccount;
    SplitDomain(w, user_name, computer);
  }

  if (!w.local) {
    notes.push_back(Text(FMT_COMPILE("the worker runs as the domain account {}; only local accounts "
                                     "are read"),
                         w.account));
    return w;
  }
  auto acct = ports.accounts.Lookup(w.account);
  if (!acct) {
    if (acct.status().code() != kNerrUserNotFound) return acct.status();
    return w;
  }
  w.exists = true;
  w.account = acct->name;
  w.sid = acct->sid;
  w.flags = acct->flags;
  w.password_expired = acct->password_expired;
  w.password_must_change = acct->password_must_change;
  w.groups = acct->groups;
  const Sid implicit[] = {w.sid, Sid::Everyone(), Sid::AuthenticatedUsers(), Sid::Batch()};
  auto token_groups = ports.accounts.GroupsContaining(implicit);
  if (!token_groups) return token_groups.status();
  for (LocalGroupRef& g : *token_groups) g.name = ShownGroupName(g, computer);
  w.token_groups = std::move(*token_groups);
  auto profile = ports.profiles.Find(acct->sid);
  if (!profile) return profile.status();
  w.has_profile = IsUsable(*profile);
  if (profile->has_value()) {
    w.profile_path = (*profile)->path;
    if (!w.has_profile) {
      notes.push_back(Text(FMT_COMPILE("{}'s profile entry points at a missing folder {}"), w.account, w.profile_path));
    }
  }
  if (!w.has_profile) {
    auto folder = ports.profiles.NewProfileFolder(w.account, profile_owner);
    if (!folder) return folder.status();
    w.new_profile_path = std::move(*folder);
  }
  return w;
}

}  // namespace fixer
